package app.cairn.proficiency;

import java.util.List;
import java.util.Optional;

/** The arithmetic of {@link RollUpRule}: pure, no database. */
public final class RollUp {

    private RollUp() {
    }

    /**
     * Rolls parts (an indicator's or a standard's proficiency, empty when it has no evidence yet) up
     * to one proficiency, empty when no part has any.
     *
     * @param scale the course's scale, for the mastery level (ALL_PROFICIENT)
     */
    public static Optional<Double> combine(RollUpRule rule, List<Optional<Double>> parts, ScaleView scale) {
        List<Double> present = parts.stream().flatMap(Optional::stream).toList();
        if (present.isEmpty()) {
            return Optional.empty();
        }
        double min = present.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        return Optional.of(switch (rule) {
            case MEAN -> present.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            case MINIMUM -> min;
            case ALL_PROFICIENT -> {
                boolean all = present.size() == parts.size() && scale.reachesMastery(min);
                yield all ? min : Math.min(min, scale.belowMasteryPoints());
            }
        });
    }
}
