package app.cairn.unit;

/** Who designs the learning (the learner-centered continuum); each level allows what the ones before it allow. */
public enum Continuum {
    PARTICIPANT,
    CO_DESIGNER,
    DESIGNER,
    ADVOCATE
}
