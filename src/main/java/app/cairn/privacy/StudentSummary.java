package app.cairn.privacy;

import org.jspecify.annotations.Nullable;

/** A student of the course, as the privacy tab lists them. */
public record StudentSummary(long personId, @Nullable String name, boolean leftCourse) {
}
