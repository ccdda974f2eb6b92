package app.cairn.gradebook;

/** Where a score is on its way to the LMS. */
public enum ScoreStatus {
    /** Waiting to be sent, or to be sent again after a temporary problem. */
    PENDING,
    /** The LMS accepted it. */
    SENT,
    /** The LMS refused it for good; a teacher may retry once the cause is fixed. */
    FAILED,
    /** A newer score for the same person and item replaced it, or the LMS already held a newer one. */
    SUPERSEDED
}
