package app.cairn.privacy;

/** What an audit event records; each has a message {@code privacy.audit.kind.<NAME>}. */
public enum AuditKind {
    /** A piece of evidence was scored (subject: the evidence; from → to: levels). */
    SCORE,
    /** A student's proficiency on an indicator, standard or unit changed (from → to: levels). */
    PROFICIENCY,
    /** A target of a unit was passed on proficiency. */
    GATE_PASSED,
    /** A teacher let a student past a target without proficiency (to: the reason). */
    GATE_OVERRIDDEN,
    /** The course's retention period changed (from → to: days, empty for "until deleted"). */
    RETENTION_CHANGED,
    /** A teacher erased one student's data (the student is no longer named). */
    STUDENT_ERASED,
    /** The retention period ran out for some students; their data was erased (to: how many). */
    RETENTION_ERASED
}
