package app.cairn.evidence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import app.cairn.proficiency.CalculationMethod;
import app.cairn.proficiency.LevelView;

/**
 * "Why this score": the evidence a student's proficiency on an indicator counts, in the order the
 * work was performed, the course's method, and the worked calculation, step by step.
 *
 * @param indicatorLabel the indicator's code and statement, when the course can read it
 * @param weight         the method's weight (averages)
 * @param times          the method's n (proficient n times)
 * @param steps          each an i18n key (under {@code proficiency.explain.}) with its arguments
 */
public record ProficiencyExplanation(long studentPersonId, long indicatorId, @Nullable String indicatorLabel,
                                     CalculationMethod method, double weight, int times, List<Counted> counted,
                                     List<Step> steps, @Nullable Double proficiency, @Nullable LevelView level,
                                     boolean mastery) {

    public ProficiencyExplanation {
        counted = List.copyOf(counted);
        steps = List.copyOf(steps);
    }

    /** One score that counts: which evidence, which criterion, the level and when the work was done. */
    public record Counted(long evidenceId, String assessmentTitle, String viaTitle, String criterionTitle,
                          LocalDate performedOn, Instant submittedAt, BigDecimal points, String levelLabel) {
    }

    /** One line of the worked calculation: show it with {@code getTranslation(messageKey, args)}. */
    public record Step(String messageKey, List<Object> args) {

        public Step {
            args = List.copyOf(args);
        }

        public Object[] argsArray() {
            return args.toArray();
        }
    }
}
