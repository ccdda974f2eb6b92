package app.cairn.standards;

/** A graduation standard belongs to one content area (with a subject) or is taught in all of them. */
public enum Kind {
    CONTENT_AREA,
    CROSS_CURRICULAR
}
