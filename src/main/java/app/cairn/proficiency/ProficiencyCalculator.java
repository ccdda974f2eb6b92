package app.cairn.proficiency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Turns a student's summative scores for one indicator into a proficiency, and says how, step by
 * step, so a student can see "why this score". Pure arithmetic: no database, no clock.
 */
public final class ProficiencyCalculator {

    private ProficiencyCalculator() {
    }

    /** One score, with the date the work was performed (not graded) and when it was recorded. */
    public record Score(double points, java.time.LocalDate performedOn, java.time.Instant recordedAt) {
    }

    /**
     * The method and its parameter: the weight for the averages (0 &lt; w &lt; 1), n for
     * "proficient n times" (with the scale's mastery points), unused otherwise.
     */
    public record Method(CalculationMethod method, double weight, int times, double masteryPoints) {

        public static Method of(CalculationMethod method) {
            return new Method(method, 0.65, 2, 3);
        }
    }

    /** One line of the explanation: an i18n key (under {@code proficiency.explain.}) and its arguments. */
    public record Step(String key, List<Object> args) {
        static Step of(String key, Object... args) {
            return new Step(key, List.of(args));
        }
    }

    /** The proficiency (empty when there is not yet enough evidence) and how it was reached. */
    public record Result(Optional<Double> value, List<Step> steps) {
    }

    public static Result calculate(List<Score> scores, Method method) {
        List<Double> s = scores.stream()
                .sorted(Comparator.comparing(Score::performedOn).thenComparing(Score::recordedAt))
                .map(Score::points).toList();
        List<Step> steps = new ArrayList<>();
        if (s.isEmpty()) {
            steps.add(Step.of("no-scores"));
            return new Result(Optional.empty(), steps);
        }
        steps.add(Step.of("scores", format(s)));
        Double value = switch (method.method()) {
            case LATEST -> {
                steps.add(Step.of("latest", round(s.getLast())));
                yield s.getLast();
            }
            case HIGHEST -> {
                double highest = s.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                steps.add(Step.of("highest", round(highest)));
                yield highest;
            }
            case MEAN -> mean(s, steps);
            case MODE -> mode(s, steps);
            case DECAYING_AVERAGE -> decaying(s, method.weight(), steps);
            case WEIGHTED_LATEST -> weightedLatest(s, method.weight(), steps);
            case PROFICIENT_N_TIMES -> nTimes(s, method.times(), method.masteryPoints(), steps);
            case POWER_LAW -> powerLaw(s, steps);
        };
        return new Result(Optional.ofNullable(value), steps);
    }

    private static double mean(List<Double> s, List<Step> steps) {
        double mean = s.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        steps.add(Step.of("mean", format(s), s.size(), round(mean)));
        return mean;
    }

    private static double mode(List<Double> s, List<Step> steps) {
        int bestCount = 0;
        double best = s.getLast();
        // Walk from the most recent back, so among equally frequent scores the most recent wins.
        for (int i = s.size() - 1; i >= 0; i--) {
            double candidate = s.get(i);
            int count = (int) s.stream().filter(x -> x == candidate).count();
            if (count > bestCount) {
                bestCount = count;
                best = candidate;
            }
        }
        steps.add(Step.of("mode", round(best), bestCount));
        return best;
    }

    private static double decaying(List<Double> s, double w, List<Step> steps) {
        double d = s.getFirst();
        steps.add(Step.of("decaying.first", round(d)));
        for (int k = 1; k < s.size(); k++) {
            double next = (1 - w) * d + w * s.get(k);
            steps.add(Step.of("decaying.step", k + 1, round(1 - w), round(d), round(w), round(s.get(k)), round(next)));
            d = next;
        }
        return d;
    }

    private static double weightedLatest(List<Double> s, double w, List<Step> steps) {
        if (s.size() == 1) {
            steps.add(Step.of("weighted.single", round(s.getFirst())));
            return s.getFirst();
        }
        double earlierMean = s.subList(0, s.size() - 1).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double value = w * s.getLast() + (1 - w) * earlierMean;
        steps.add(Step.of("weighted", round(w), round(s.getLast()), round(1 - w), round(earlierMean), round(value)));
        return value;
    }

    private static @Nullable Double nTimes(List<Double> s, int n, double mastery, List<Step> steps) {
        List<Double> proficient = s.stream().filter(x -> x >= mastery).toList();
        if (proficient.size() < n) {
            steps.add(Step.of("n-times.not-yet", round(mastery), proficient.size(), n));
            return null;
        }
        double mean = proficient.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        steps.add(Step.of("n-times", round(mastery), proficient.size(), n, format(proficient), round(mean)));
        return mean;
    }

    /**
     * Least squares on ln y = ln a + b·ln x for attempts x = 1…n. Needs at least three scores and
     * no score at or below zero (no logarithm); otherwise the mean stands in, and says so.
     */
    private static double powerLaw(List<Double> s, List<Step> steps) {
        if (s.size() < 3) {
            steps.add(Step.of("power.too-few", s.size()));
            return mean(s, steps);
        }
        if (s.stream().anyMatch(x -> x <= 0)) {
            steps.add(Step.of("power.zero"));
            return mean(s, steps);
        }
        int n = s.size();
        double meanLnX = 0;
        double meanLnY = 0;
        for (int i = 0; i < n; i++) {
            meanLnX += Math.log(i + 1);
            meanLnY += Math.log(s.get(i));
        }
        meanLnX /= n;
        meanLnY /= n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(i + 1) - meanLnX;
            sxx += dx * dx;
            sxy += dx * (Math.log(s.get(i)) - meanLnY);
        }
        double b = sxy / sxx;
        double a = Math.exp(meanLnY - b * meanLnX);
        double value = a * Math.pow(n, b);
        steps.add(Step.of("power", round(a), round(b), n, round(value)));
        return value;
    }

    /** Two decimals for explanations; the value itself keeps full precision. */
    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String format(List<Double> scores) {
        return String.join(", ", scores.stream().map(x -> {
            double r = round(x);
            return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
        }).toList());
    }
}
