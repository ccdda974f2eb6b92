package app.cairn.rubric;

/** A rubric in the course library list. */
public record RubricSummary(long id, String title, boolean shared, boolean editable, int versionNumber,
                            boolean inUse, int criteria) {
}
