package app.cairn.unit;

/** A unit in the course's list. */
public record UnitSummary(long id, String title, UnitStatus status, Pacing pacing, Continuum continuum, int targets,
                          int revision) {
}
