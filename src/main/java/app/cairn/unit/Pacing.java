package app.cairn.unit;

/**
 * How a unit moves. SELF_PACED opens the next target when the current one is passed (the mastery
 * gate); TEACHER_PACED shows every target to everyone.
 */
public enum Pacing {
    SELF_PACED,
    TEACHER_PACED
}
