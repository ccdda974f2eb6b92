package app.cairn.unit;

/**
 * A student against the unit's suggested dates, compared with today in UTC: BEHIND when a target
 * whose date has gone by is not passed, AHEAD when a target was passed before its date.
 */
public enum PacingStatus {
    ON_TRACK,
    BEHIND,
    AHEAD
}
