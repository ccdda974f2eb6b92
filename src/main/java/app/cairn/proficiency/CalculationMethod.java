package app.cairn.proficiency;

/**
 * How a body of summative scores for one performance indicator becomes one proficiency
 * ("verification of proficiency over time"). Chosen per course, with its parameter.
 */
public enum CalculationMethod {
    /** The most recent score: later evidence replaces earlier evidence. */
    LATEST,
    /** The best score so far. */
    HIGHEST,
    /** The arithmetic mean of all scores. */
    MEAN,
    /** The most frequent score; ties go to the most recent of the tied scores. */
    MODE,
    /** Running average d₁ = s₁, dₖ = (1 − w)·dₖ₋₁ + w·sₖ, with weight w in (0, 1). */
    DECAYING_AVERAGE,
    /** Canvas's "weighted average": w·latest + (1 − w)·mean of the earlier scores. */
    WEIGHTED_LATEST,
    /** The mean of scores at or above mastery, once there are at least n of them; nothing before. */
    PROFICIENT_N_TIMES,
    /** Marzano's power law: least-squares fit of y = a·xᵇ over attempts, read at the last attempt. */
    POWER_LAW
}
