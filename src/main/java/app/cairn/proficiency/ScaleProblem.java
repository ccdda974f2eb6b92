package app.cairn.proficiency;

import org.jspecify.annotations.Nullable;

/**
 * One reason a scale was refused, for the editor to show at the right field.
 *
 * @param messageKey i18n key of the message
 * @param field      the field it concerns
 * @param level      index of the level it concerns (0 is the lowest), or {@code null} for the scale
 */
public record ScaleProblem(String messageKey, Field field, @Nullable Integer level) {

    /** Which input a problem is about. */
    public enum Field {
        NAME, LEVELS, POINTS, LABEL, DESCRIPTION, COLOUR, MASTERY
    }

    static ScaleProblem ofScale(String messageKey, Field field) {
        return new ScaleProblem(messageKey, field, null);
    }

    static ScaleProblem ofLevel(String messageKey, Field field, int level) {
        return new ScaleProblem(messageKey, field, level);
    }
}
