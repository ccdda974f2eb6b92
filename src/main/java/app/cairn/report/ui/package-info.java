/** Report views: the teacher's Reports tab and the student's My progress. */
@NullMarked
package app.cairn.report.ui;

import org.jspecify.annotations.NullMarked;
