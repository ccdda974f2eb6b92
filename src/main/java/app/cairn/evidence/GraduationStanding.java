package app.cairn.evidence;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import app.cairn.proficiency.RollUpRule;

/**
 * One graduation standard of one student across every course of the platform: in each course
 * that has evidence for it, the standard's proficiency there (its indicators rolled up by that
 * course's rule, on that course's scale) and each indicator's. The standard is shown when it reached
 * mastery in at least one course; the rows let a reader see the whole body of evidence behind that.
 */
public record GraduationStanding(long studentPersonId, long standardId, @Nullable String standardCode,
                                 String standardStatement, boolean shown, List<InCourse> courses) {

    public GraduationStanding {
        courses = List.copyOf(courses);
    }

    /** The standard in one course. */
    public record InCourse(long courseId, String courseTitle, @Nullable Double proficiency, @Nullable String levelLabel,
                           boolean mastery, int indicatorsAssessed, RollUpRule rollUp, Instant updatedAt,
                           List<Indicator> indicators) {

        public InCourse {
            indicators = List.copyOf(indicators);
        }
    }

    /** An indicator of the standard in one course. */
    public record Indicator(long indicatorId, @Nullable String code, String statement, @Nullable Double proficiency,
                            @Nullable String levelLabel, boolean mastery, int scoreCount) {
    }
}
