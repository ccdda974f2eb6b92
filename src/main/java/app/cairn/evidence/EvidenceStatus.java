package app.cairn.evidence;

/** Where a piece of evidence stands. */
public enum EvidenceStatus {
    /** The student is still working on it; only they see it. */
    DRAFT,
    /** Handed in, waiting in the teacher's queue. */
    SUBMITTED,
    /** The teacher sent it back for revision with a comment; the student edits and submits again. */
    RETURNED,
    /** Summative, scored on the rubric: it counts towards proficiency. */
    SCORED,
    /** Formative, with the teacher's feedback: it never counts towards proficiency. */
    REVIEWED,
    /** Scored, and the student asked the teacher to look again, saying why: back in the queue. */
    REASSESSMENT_REQUESTED;

    /** The student may change it. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }

    /** Waiting in the teacher's queue. */
    public boolean queued() {
        return this == SUBMITTED || this == REASSESSMENT_REQUESTED;
    }
}
