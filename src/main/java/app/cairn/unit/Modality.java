package app.cairn.unit;

/** The way a learning option shows the learning. */
public enum Modality {
    WRITTEN,
    ORAL,
    VISUAL,
    PERFORMANCE,
    PROJECT,
    WORK_BASED
}
