package app.cairn.proficiency;

/**
 * How a proficiency level becomes points in the LMS gradebook, which wants a number. Chosen per
 * course and shown to teachers ({@link ProficiencyPolicies#gradeTableOfMyCourse()}), so the
 * conversion is explicit and visible.
 */
public enum GradeMapping {
    /** The level's points ÷ the top level's points × the maximum. */
    LINEAR,
    /** A table the teacher fills in: the points for each level (e.g. 4 → 100, 3 → 90). */
    TABLE,
    /** The maximum at or above the mastery level, else 0. */
    PASS_FAIL
}
