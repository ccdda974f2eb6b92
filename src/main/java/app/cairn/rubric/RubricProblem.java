package app.cairn.rubric;

import org.jspecify.annotations.Nullable;

/**
 * One reason a rubric draft was refused, for the builder to show at the right field.
 *
 * @param messageKey i18n key of the message
 * @param criterion  index of the criterion (row), or {@code null} for the rubric
 * @param index      the level of a DESCRIPTOR or the exemplar of an EXEMPLAR, else {@code null}
 */
public record RubricProblem(String messageKey, Field field, @Nullable Integer criterion, @Nullable Integer index) {

    /** Which input a problem is about. */
    public enum Field {
        TITLE, CRITERIA, CRITERION_TITLE, INDICATOR, DESCRIPTOR, EXEMPLAR
    }
}
