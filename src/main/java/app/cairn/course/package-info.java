/** Courses, the people in them and their enrollments, as launches and rosters report them. */
@NullMarked
package app.cairn.course;

import org.jspecify.annotations.NullMarked;
