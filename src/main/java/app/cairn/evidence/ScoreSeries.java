package app.cairn.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import app.cairn.proficiency.ProficiencyCalculator;

/**
 * The compact form of an indicator's scores stored beside its proficiency ({@code score_series}):
 * what the calculation needs and nothing else, in the order the work was done. Each score is
 * {@code epochDay/epochSecond/points}, scores are separated by one space.
 */
final class ScoreSeries {

    private ScoreSeries() {
    }

    static String encode(List<ProficiencyLedger.Scored> scores) {
        StringBuilder out = new StringBuilder(scores.size() * 24);
        for (ProficiencyLedger.Scored score : scores) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(score.performedOn().toEpochDay()).append('/').append(score.submittedAt().getEpochSecond())
                    .append('/').append(score.points().stripTrailingZeros().toPlainString());
        }
        return out.toString();
    }

    /** The scores back, in their stored order. */
    static List<ProficiencyCalculator.Score> decode(String series) {
        List<ProficiencyCalculator.Score> scores = new ArrayList<>();
        int at = 0;
        int length = series.length();
        while (at < length) {
            int end = series.indexOf(' ', at);
            if (end < 0) {
                end = length;
            }
            int first = series.indexOf('/', at);
            int second = series.indexOf('/', first + 1);
            if (first < 0 || second < 0 || second >= end) {
                throw new IllegalArgumentException("not a score series: " + series);
            }
            long day = Long.parseLong(series, at, first, 10);
            long submitted = Long.parseLong(series, first + 1, second, 10);
            double points = Double.parseDouble(series.substring(second + 1, end));
            scores.add(new ProficiencyCalculator.Score(points, LocalDate.ofEpochDay(day), Instant.ofEpochSecond(submitted)));
            at = end + 1;
        }
        return scores;
    }
}
