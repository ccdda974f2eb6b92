package app.cairn.proficiency;

import org.jspecify.annotations.Nullable;

/**
 * A student's proficiency on a performance indicator in a course changed (a score was saved, a
 * date corrected, or the course's policy changed); one of {@link IndicatorProficienciesChanged}.
 *
 * @param proficiency the new proficiency, {@code null} when there is not enough evidence yet
 * @param mastery     whether it reaches the mastery level of the course's scale
 * @param byPersonId  the teacher whose action changed it
 */
public record IndicatorProficiencyChanged(long courseId, long studentPersonId, long indicatorItemId,
                                          @Nullable Double proficiency, boolean mastery, long byPersonId) {
}
