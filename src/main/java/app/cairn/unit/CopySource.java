package app.cairn.unit;

import org.jspecify.annotations.Nullable;

/**
 * A unit of an earlier course that a link in the viewer's course was made for, as a teacher sees it
 * before copying it in: what it is and where it comes from, nothing of its students.
 */
public record CopySource(String key, String title, @Nullable String description, String courseTitle, int targets,
                         int assessments) {
}
