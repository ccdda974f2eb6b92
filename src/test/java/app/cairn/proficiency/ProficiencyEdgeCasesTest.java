package app.cairn.proficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.cairn.proficiency.ProficiencyCalculator.Method;
import app.cairn.proficiency.ProficiencyCalculator.Result;
import app.cairn.proficiency.ProficiencyCalculator.Score;
import app.cairn.proficiency.ProficiencyCalculator.Step;

/** Edge cases as the evidence feature meets them: nothing yet, one score, zeros, ties on the same day. */
class ProficiencyEdgeCasesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 10, 1);

    @Test
    void one_score_is_the_proficiency_for_every_method_that_can_give_one() {
        for (CalculationMethod method : CalculationMethod.values()) {
            Result result = ProficiencyCalculator.calculate(List.of(score(3, DAY, 0)),
                    new Method(method, 0.65, 1, 3));
            assertThat(result.value()).as(method.name()).hasValueSatisfying(v -> assertThat(v).isCloseTo(3.0, within(1e-9)));
            assertThat(result.steps()).as(method.name()).extracting(Step::key).startsWith("scores");
        }
    }

    @Test
    void one_score_below_mastery_is_not_yet_proficient_n_times() {
        Result result = ProficiencyCalculator.calculate(List.of(score(2, DAY, 0)),
                new Method(CalculationMethod.PROFICIENT_N_TIMES, 0.65, 1, 3));
        assertThat(result.value()).isEmpty();
        assertThat(result.steps()).extracting(Step::key).containsExactly("scores", "n-times.not-yet");
    }

    @Test
    void zeros_stop_the_power_law_which_says_so_and_uses_the_mean() {
        Result result = ProficiencyCalculator.calculate(List.of(score(0, DAY, 0), score(0, DAY.plusDays(1), 0),
                score(3, DAY.plusDays(2), 0)), Method.of(CalculationMethod.POWER_LAW));
        assertThat(result.value()).hasValueSatisfying(v -> assertThat(v).isCloseTo(1.0, within(1e-9)));
        assertThat(result.steps()).extracting(Step::key).containsExactly("scores", "power.zero", "mean");
    }

    @Test
    void all_zeros_give_zero_not_an_error() {
        for (CalculationMethod method : CalculationMethod.values()) {
            Result result = ProficiencyCalculator.calculate(List.of(score(0, DAY, 0), score(0, DAY, 1), score(0, DAY, 2)),
                    new Method(method, 0.65, 1, 3));
            if (method == CalculationMethod.PROFICIENT_N_TIMES) {
                assertThat(result.value()).isEmpty();
            } else {
                assertThat(result.value()).as(method.name()).contains(0.0);
            }
        }
    }

    @Test
    void work_performed_on_the_same_day_counts_in_the_order_it_was_submitted() {
        Result latest = ProficiencyCalculator.calculate(List.of(score(4, DAY, 60), score(2, DAY, 0)),
                Method.of(CalculationMethod.LATEST));
        assertThat(latest.value()).contains(4.0);
    }

    private static Score score(double points, LocalDate performed, long submittedSecond) {
        return new Score(points, performed, Instant.parse("2026-11-01T10:00:00Z").plusSeconds(submittedSecond));
    }
}
