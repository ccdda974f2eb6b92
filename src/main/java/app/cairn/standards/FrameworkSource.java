package app.cairn.standards;

/** Where a framework came from. */
public enum FrameworkSource {
    MANUAL,
    CASE,
    CANVAS_CSV
}
