package app.cairn.evidence;

import org.jspecify.annotations.Nullable;

import app.cairn.proficiency.LevelView;

/**
 * A stored proficiency as a grid shows it.
 *
 * @param proficiency the calculated value, {@code null} when there is not enough evidence yet
 * @param level       the level of the course's scale it reaches (label, colour), {@code null} likewise
 * @param mastery     at or above the mastery level
 * @param count       scores counted (an indicator) or indicators assessed (a unit)
 */
public record ProficiencyCell(@Nullable Double proficiency, @Nullable LevelView level, boolean mastery, int count) {

    public static final ProficiencyCell NONE = new ProficiencyCell(null, null, false, 0);
}
