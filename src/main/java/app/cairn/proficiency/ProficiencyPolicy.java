package app.cairn.proficiency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * How a course turns summative scores into proficiency, rolls it up, and converts a level into
 * gradebook points.
 *
 * @param method       how an indicator's scores over time become one proficiency
 * @param weight       the weight w of the latest score for DECAYING_AVERAGE and WEIGHTED_LATEST (0 &lt; w &lt; 1)
 * @param times        n for PROFICIENT_N_TIMES
 * @param rollUp       indicators to standard, standards to unit
 * @param gradeMapping level to gradebook points
 * @param gradeMaximum the gradebook maximum (the LMS column's points)
 * @param gradeTable   for TABLE: gradebook points by a level's points
 * @param revision     hand it back in a {@link PolicyDraft}; {@code null} while the course uses the defaults
 */
public record ProficiencyPolicy(CalculationMethod method, double weight, int times, RollUpRule rollUp,
                                GradeMapping gradeMapping, double gradeMaximum, Map<BigDecimal, Double> gradeTable,
                                @Nullable Integer revision) {

    public static final CalculationMethod DEFAULT_METHOD = CalculationMethod.DECAYING_AVERAGE;
    public static final double DEFAULT_WEIGHT = 0.65;
    public static final int DEFAULT_TIMES = 2;
    public static final double DEFAULT_MAXIMUM = 100;

    public ProficiencyPolicy {
        TreeMap<BigDecimal, Double> table = new TreeMap<>();
        gradeTable.forEach((points, grade) -> table.put(key(points), grade));
        gradeTable = java.util.Collections.unmodifiableMap(table);
    }

    /** What a course has until a teacher saves its own: a decaying average (65 %), mean roll-up, linear to 100. */
    public static ProficiencyPolicy defaults() {
        return new ProficiencyPolicy(DEFAULT_METHOD, DEFAULT_WEIGHT, DEFAULT_TIMES, RollUpRule.MEAN, GradeMapping.LINEAR,
                DEFAULT_MAXIMUM, Map.of(), null);
    }

    /** The calculator's method, with the scale's mastery points for "proficient n times". */
    public ProficiencyCalculator.Method calculation(ScaleView scale) {
        return new ProficiencyCalculator.Method(method, weight, times, scale.masteryPoints());
    }

    /**
     * The gradebook points for a level of the scale, rounded to two decimals. A TABLE without a row
     * for the level (the scale changed since) falls back to LINEAR.
     */
    public double gradeFor(LevelView level, ScaleView scale) {
        double points = switch (gradeMapping) {
            case LINEAR -> linear(level, scale);
            case TABLE -> {
                Double row = gradeTable.get(key(level.points()));
                yield row == null ? linear(level, scale) : row;
            }
            case PASS_FAIL -> scale.reachesMastery(level.points().doubleValue()) ? gradeMaximum : 0;
        };
        return Math.round(points * 100) / 100.0;
    }

    private double linear(LevelView level, ScaleView scale) {
        double top = scale.topLevel().points().doubleValue();
        return top <= 0 ? 0 : Math.max(0, level.points().doubleValue()) / top * gradeMaximum;
    }

    /** The same draft, ready to edit. */
    public PolicyDraft toDraft() {
        return new PolicyDraft(method, weight, times, rollUp, gradeMapping, gradeMaximum, gradeTable, revision);
    }

    static BigDecimal key(BigDecimal points) {
        return points.setScale(2, RoundingMode.HALF_UP);
    }
}
