package app.cairn.unit;

/** FORMATIVE is ungraded, for feedback; SUMMATIVE is scored against a rubric of the course. */
public enum AssessmentKind {
    FORMATIVE,
    SUMMATIVE
}
