package app.cairn.unit;

import org.jspecify.annotations.Nullable;

/**
 * One reason a unit change or a student's action was refused, for the view to show at the right field.
 *
 * @param messageKey i18n key of the message
 * @param target     index of the target, when the problem is inside one
 * @param assessment index of the assessment within the target
 * @param option     index of the option within the assessment's menu
 */
public record UnitProblem(String messageKey, Field field, @Nullable Integer target, @Nullable Integer assessment,
                          @Nullable Integer option) {

    public static UnitProblem of(String messageKey, Field field) {
        return new UnitProblem(messageKey, field, null, null, null);
    }

    /** Which input a problem is about. */
    public enum Field {
        TITLE, DESCRIPTION, TARGETS, INDICATOR, ASSESSMENT_TITLE, RUBRIC, MENU, OPTION_TITLE, OPTION_TEXT,
        OPTION_LINKS, OPTION_MINUTES, OPTION_MENTOR, CHOICE, PROPOSAL_KIND, PROPOSAL_TARGETS, PROPOSAL_TITLE,
        PROPOSAL_PLAN, PROPOSAL_EVIDENCE, COMMENT, NOTE, REASON, STATUS
    }
}
