package app.cairn.unit;

/** A rubric of the course a summative assessment may use. */
public record RubricOption(long id, String title) {
}
