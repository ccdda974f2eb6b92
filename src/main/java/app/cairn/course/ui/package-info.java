/** Home views for teachers and students, and the page for someone who did not launch. */
@NullMarked
package app.cairn.course.ui;

import org.jspecify.annotations.NullMarked;
