package app.cairn.proficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The roll-up rules, the level a value reaches, and the level-to-gradebook conversions. */
class RollUpAndGradeMappingTest {

    /** 1 Beginning, 2 Developing, 3 Proficient (mastery), 4 Exceeding. */
    static final ScaleView SCALE = new ScaleView(1, "Default", false, 1, List.of(
            level(0, 1, "Beginning", false), level(1, 2, "Developing", false),
            level(2, 3, "Proficient", true), level(3, 4, "Exceeding", false)));

    static LevelView level(int position, double points, String label, boolean mastery) {
        return new LevelView(position, BigDecimal.valueOf(points), label, label + " work", "#1565c0", mastery);
    }

    private static Optional<Double> combine(RollUpRule rule, Double... values) {
        return RollUp.combine(rule, java.util.Arrays.stream(values).map(Optional::ofNullable).toList(), SCALE);
    }

    @Test
    void mean_and_minimum_leave_out_indicators_without_evidence() {
        assertThat(combine(RollUpRule.MEAN, 4.0, 2.0, null)).contains(3.0);
        assertThat(combine(RollUpRule.MINIMUM, 4.0, 2.5, null)).contains(2.5);
        assertThat(combine(RollUpRule.MEAN, 3.48)).contains(3.48);
    }

    @Test
    void nothing_assessed_rolls_up_to_nothing_whatever_the_rule() {
        for (RollUpRule rule : RollUpRule.values()) {
            assertThat(combine(rule, null, null)).as(rule.name()).isEmpty();
            assertThat(RollUp.combine(rule, List.of(), SCALE)).as(rule.name()).isEmpty();
        }
    }

    @Test
    void all_proficient_is_the_weakest_when_every_indicator_reached_mastery() {
        assertThat(combine(RollUpRule.ALL_PROFICIENT, 4.0, 3.2)).contains(3.2);
        assertThat(combine(RollUpRule.ALL_PROFICIENT, 4.0, 4.0)).contains(4.0);
    }

    @Test
    void all_proficient_stays_below_mastery_while_an_indicator_is_below_or_not_yet_assessed() {
        // One indicator without evidence: the others' 4s do not make the unit proficient.
        assertThat(combine(RollUpRule.ALL_PROFICIENT, 4.0, 4.0, null)).contains(2.0);
        // One below mastery: the weakest counts.
        assertThat(combine(RollUpRule.ALL_PROFICIENT, 4.0, 1.5)).contains(1.5);
        assertThat(SCALE.reachesMastery(combine(RollUpRule.ALL_PROFICIENT, 3.0, null).orElseThrow())).isFalse();
    }

    @Test
    void a_value_reaches_the_highest_level_whose_points_it_meets_never_rounded_up() {
        assertThat(SCALE.levelFor(3.48).label()).isEqualTo("Proficient");
        assertThat(SCALE.levelFor(2.999).label()).isEqualTo("Developing");
        assertThat(SCALE.levelFor(3.0).label()).isEqualTo("Proficient");
        assertThat(SCALE.levelFor(4.2).label()).isEqualTo("Exceeding");
        assertThat(SCALE.levelFor(0.4).label()).isEqualTo("Beginning");
        assertThat(SCALE.reachesMastery(2.9999999999)).isTrue();
        assertThat(SCALE.reachesMastery(2.99)).isFalse();
        assertThat(SCALE.belowMasteryPoints()).isEqualTo(2.0);
    }

    @Test
    void linear_mapping_is_level_points_over_top_points_times_the_maximum() {
        ProficiencyPolicy policy = policy(GradeMapping.LINEAR, 100, Map.of());
        assertThat(policy.gradeFor(SCALE.levels().get(2), SCALE)).isEqualTo(75.0);
        assertThat(policy.gradeFor(SCALE.levels().get(3), SCALE)).isEqualTo(100.0);
        assertThat(policy(GradeMapping.LINEAR, 10, Map.of()).gradeFor(SCALE.levels().get(0), SCALE)).isEqualTo(2.5);
    }

    @Test
    void table_mapping_uses_the_teachers_points_and_falls_back_to_linear_for_a_level_not_in_it() {
        ProficiencyPolicy policy = policy(GradeMapping.TABLE, 100, Map.of(
                new BigDecimal("4"), 100.0, new BigDecimal("3.00"), 90.0, new BigDecimal("2"), 70.0));
        assertThat(policy.gradeFor(SCALE.levels().get(3), SCALE)).isEqualTo(100.0);
        assertThat(policy.gradeFor(SCALE.levels().get(2), SCALE)).isEqualTo(90.0);
        assertThat(policy.gradeFor(SCALE.levels().get(1), SCALE)).isEqualTo(70.0);
        assertThat(policy.gradeFor(SCALE.levels().get(0), SCALE)).isEqualTo(25.0);
    }

    @Test
    void pass_fail_gives_the_maximum_at_or_above_mastery_and_nothing_below() {
        ProficiencyPolicy policy = policy(GradeMapping.PASS_FAIL, 1, Map.of());
        assertThat(policy.gradeFor(SCALE.levels().get(1), SCALE)).isZero();
        assertThat(policy.gradeFor(SCALE.levels().get(2), SCALE)).isEqualTo(1.0);
        assertThat(policy.gradeFor(SCALE.levels().get(3), SCALE)).isEqualTo(1.0);
    }

    @Test
    void a_table_must_cover_every_level_within_the_maximum_and_never_go_down() {
        PolicyDraft good = draft(Map.of(new BigDecimal("1"), 50.0, new BigDecimal("2"), 70.0,
                new BigDecimal("3"), 90.0, new BigDecimal("4"), 100.0));
        assertThat(ProficiencyPolicies.check(good, SCALE)).isEmpty();

        PolicyDraft missing = draft(Map.of(new BigDecimal("4"), 100.0));
        assertThat(ProficiencyPolicies.check(missing, SCALE)).containsExactly("proficiency.policy.error.table-levels");

        PolicyDraft wrong = draft(Map.of(new BigDecimal("1"), 50.0, new BigDecimal("2"), 95.0,
                new BigDecimal("3"), 90.0, new BigDecimal("4"), 120.0));
        assertThat(ProficiencyPolicies.check(wrong, SCALE))
                .containsExactly("proficiency.policy.error.table-range", "proficiency.policy.error.table-order");
    }

    @Test
    void weight_times_and_maximum_are_checked() {
        PolicyDraft bad = new PolicyDraft(CalculationMethod.DECAYING_AVERAGE, 1.0, 0, RollUpRule.MEAN,
                GradeMapping.LINEAR, 0, Map.of(), null);
        assertThat(ProficiencyPolicies.check(bad, SCALE)).containsExactly("proficiency.policy.error.weight",
                "proficiency.policy.error.times", "proficiency.policy.error.maximum");
    }

    @Test
    void the_defaults_are_a_decaying_average_of_65_percent_mean_roll_up_and_linear_to_100() {
        ProficiencyPolicy defaults = ProficiencyPolicy.defaults();
        assertThat(defaults.method()).isEqualTo(CalculationMethod.DECAYING_AVERAGE);
        assertThat(defaults.calculation(SCALE).weight()).isCloseTo(0.65, within(1e-9));
        assertThat(defaults.calculation(SCALE).masteryPoints()).isEqualTo(3.0);
        assertThat(defaults.rollUp()).isEqualTo(RollUpRule.MEAN);
        assertThat(defaults.gradeMapping()).isEqualTo(GradeMapping.LINEAR);
        assertThat(defaults.gradeMaximum()).isEqualTo(100.0);
        assertThat(defaults.revision()).isNull();
    }

    private static ProficiencyPolicy policy(GradeMapping mapping, double maximum, Map<BigDecimal, Double> table) {
        return new ProficiencyPolicy(CalculationMethod.LATEST, 0.65, 2, RollUpRule.MEAN, mapping, maximum, table, 1);
    }

    private static PolicyDraft draft(Map<BigDecimal, Double> table) {
        return new PolicyDraft(CalculationMethod.LATEST, 0.65, 2, RollUpRule.MEAN, GradeMapping.TABLE, 100, table, null);
    }
}
