/** The unit list, the unit builder, the class board and the student's path. */
@NullMarked
package app.cairn.unit.ui;

import org.jspecify.annotations.NullMarked;
