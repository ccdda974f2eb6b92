package app.cairn.unit;

/** A target on a student's path. LOCKED targets wait behind the mastery gate of a self-paced unit. */
public enum TargetState {
    PASSED,
    CURRENT,
    OPEN,
    LOCKED
}
