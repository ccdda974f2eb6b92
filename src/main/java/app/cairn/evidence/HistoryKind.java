package app.cairn.evidence;

/** What happened to a piece of evidence, and who does it. */
public enum HistoryKind {
    /** The student handed it in (again). */
    SUBMITTED,
    /** A teacher scored it on the rubric, with levels per criterion and a comment. */
    SCORED,
    /** A teacher gave feedback on formative evidence. */
    FEEDBACK,
    /** A teacher returned it for revision, saying what to change. */
    RETURNED,
    /** The student asked for re-assessment, saying why. */
    REASSESSMENT_REQUESTED,
    /** A teacher corrected the day the work was performed. */
    PERFORMED_ON_CORRECTED
}
