package app.cairn.course;

import org.jspecify.annotations.Nullable;

/** A course as its home view shows it. */
public record CourseOverview(String title, @Nullable String label, int teacherCount, int studentCount) {
}
