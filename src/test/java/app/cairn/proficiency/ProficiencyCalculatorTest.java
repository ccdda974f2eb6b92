package app.cairn.proficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import app.cairn.proficiency.ProficiencyCalculator.Method;
import app.cairn.proficiency.ProficiencyCalculator.Result;
import app.cairn.proficiency.ProficiencyCalculator.Score;

class ProficiencyCalculatorTest {

    @Test
    void weighted_latest_65_percent_on_1_to_5_is_4_125() {
        assertThat(value(CalculationMethod.WEIGHTED_LATEST, 0.65, 1, 2, 3, 4, 5)).isCloseTo(4.125, within(1e-9));
    }

    @Test
    void running_average_with_weight_065_on_1_to_4_is_3_48() {
        assertThat(value(CalculationMethod.DECAYING_AVERAGE, 0.65, 1, 2, 3, 4)).isCloseTo(3.48, within(0.005));
    }

    @Test
    void power_law_on_3_3_1_3_is_1_90_and_on_3_3_1_3_4_4_is_3_07() {
        assertThat(value(CalculationMethod.POWER_LAW, 0, 3, 3, 1, 3)).isCloseTo(1.90, within(0.005));
        assertThat(value(CalculationMethod.POWER_LAW, 0, 3, 3, 1, 3, 4, 4)).isCloseTo(3.07, within(0.005));
    }

    @Test
    void power_law_with_fewer_than_three_scores_or_a_zero_falls_back_to_the_mean_and_says_so() {
        Result two = calculate(Method.of(CalculationMethod.POWER_LAW), 2, 4);
        assertThat(two.value()).contains(3.0);
        assertThat(two.steps()).extracting(ProficiencyCalculator.Step::key).contains("power.too-few", "mean");

        Result zero = calculate(Method.of(CalculationMethod.POWER_LAW), 0, 2, 4);
        assertThat(zero.value()).contains(2.0);
        assertThat(zero.steps()).extracting(ProficiencyCalculator.Step::key).contains("power.zero");
    }

    @Test
    void latest_highest_and_mean() {
        assertThat(value(CalculationMethod.LATEST, 0, 4, 2, 3)).isEqualTo(3.0);
        assertThat(value(CalculationMethod.HIGHEST, 0, 2, 4, 3)).isEqualTo(4.0);
        assertThat(value(CalculationMethod.MEAN, 0, 1, 2, 3, 4)).isEqualTo(2.5);
    }

    @Test
    void mode_ties_go_to_the_most_recent() {
        assertThat(value(CalculationMethod.MODE, 0, 2, 3, 3, 2, 4)).isEqualTo(2.0);
        assertThat(value(CalculationMethod.MODE, 0, 3, 3, 2)).isEqualTo(3.0);
    }

    @Test
    void proficient_n_times_waits_for_n_scores_at_mastery_then_averages_them() {
        Method twice = new Method(CalculationMethod.PROFICIENT_N_TIMES, 0, 2, 3);
        assertThat(calculate(twice, 4, 1, 2).value()).isEmpty();
        assertThat(calculate(twice, 4, 1, 3).value()).contains(3.5);
    }

    @Test
    void scores_count_in_the_order_the_work_was_performed_not_graded() {
        List<Score> scores = new ArrayList<>();
        scores.add(new Score(1, LocalDate.of(2026, 10, 1), Instant.parse("2026-11-20T10:00:00Z")));
        scores.add(new Score(4, LocalDate.of(2026, 9, 1), Instant.parse("2026-11-21T10:00:00Z")));

        Result latest = ProficiencyCalculator.calculate(scores, Method.of(CalculationMethod.LATEST));

        assertThat(latest.value()).contains(1.0);
    }

    @Test
    void no_scores_means_no_proficiency_yet_for_every_method() {
        for (CalculationMethod method : CalculationMethod.values()) {
            Result result = ProficiencyCalculator.calculate(List.of(), Method.of(method));
            assertThat(result.value()).as(method.name()).isEmpty();
            assertThat(result.steps()).extracting(ProficiencyCalculator.Step::key).containsExactly("no-scores");
        }
    }

    @Test
    void one_score_is_that_score_for_every_method_that_can_decide() {
        for (CalculationMethod method : CalculationMethod.values()) {
            Result result = calculate(new Method(method, 0.65, 1, 3), 3);
            assertThat(result.value()).as(method.name()).contains(3.0);
        }
    }

    @Test
    void the_running_average_explains_every_step() {
        Result result = calculate(Method.of(CalculationMethod.DECAYING_AVERAGE), 1, 2, 3);

        assertThat(result.steps()).extracting(ProficiencyCalculator.Step::key)
                .containsExactly("scores", "decaying.first", "decaying.step", "decaying.step");
        assertThat(result.steps().getLast().args()).contains(3, 2.53);
    }

    private static double value(CalculationMethod method, double weight, double... points) {
        return calculate(new Method(method, weight, 2, 3), points).value().orElseThrow();
    }

    private static Result calculate(Method method, double... points) {
        LocalDate start = LocalDate.of(2026, 9, 1);
        List<Score> scores = IntStream.range(0, points.length)
                .mapToObj(i -> new Score(points[i], start.plusDays(i), Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i)))
                .toList();
        return ProficiencyCalculator.calculate(scores, method);
    }

    @Test
    void every_explanation_step_has_words_in_the_bundle() throws java.io.IOException {
        java.util.Properties english = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/vaadin-i18n/translations.properties")) {
            english.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        double[][] bodies = {{}, {3}, {1, 2}, {0, 2, 4}, {1, 3, 3, 4}};
        for (CalculationMethod method : CalculationMethod.values()) {
            for (double[] body : bodies) {
                for (ProficiencyCalculator.Step step : calculate(Method.of(method), body).steps()) {
                    assertThat(english.getProperty("proficiency.explain." + step.key())).as(method + " " + step.key()).isNotNull();
                }
            }
        }
    }
}
