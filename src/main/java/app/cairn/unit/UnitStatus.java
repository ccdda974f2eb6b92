package app.cairn.unit;

/** Students see only published units. */
public enum UnitStatus {
    DRAFT,
    PUBLISHED
}
