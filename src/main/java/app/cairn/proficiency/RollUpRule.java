package app.cairn.proficiency;

/**
 * How a course rolls proficiency up: indicators to their standard, standards to a unit. Chosen per
 * course in its {@link ProficiencyPolicy}; the arithmetic is {@link RollUp}.
 */
public enum RollUpRule {
    /** The mean of the parts that have a proficiency; parts without evidence yet are left out. */
    MEAN,
    /** The weakest part that has a proficiency; parts without evidence yet are left out. */
    MINIMUM,
    /**
     * Proficient only when every part is: the weakest part, where a part without evidence yet counts
     * as not proficient, so until then the result stays below the mastery level.
     */
    ALL_PROFICIENT
}
