package app.cairn.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.cairn.proficiency.ProficiencyCalculator;

class ScoreSeriesTest {

    private static ProficiencyLedger.Scored scored(long id, String day, String at, String points) {
        return new ProficiencyLedger.Scored(id, "Lab", "Essay", "Plan", LocalDate.parse(day), Instant.parse(at),
                new BigDecimal(points), "Proficient");
    }

    @Test
    void scores_come_back_with_their_points_days_and_order_and_seconds_of_submission() {
        List<ProficiencyLedger.Scored> scores = List.of(
                scored(7, "1969-12-31", "2026-09-01T10:00:00.750Z", "3.00"),
                scored(3, "2026-09-02", "2026-09-02T08:30:00Z", "2.50"),
                scored(9, "2026-09-02", "2026-09-02T08:30:00Z", "0"));

        String series = ScoreSeries.encode(scores);

        assertThat(series).isEqualTo("-1/1788256800/3 20698/1788337800/2.5 20698/1788337800/0");
        assertThat(ScoreSeries.decode(series)).containsExactly(
                new ProficiencyCalculator.Score(3.0, LocalDate.parse("1969-12-31"), Instant.parse("2026-09-01T10:00:00Z")),
                new ProficiencyCalculator.Score(2.5, LocalDate.parse("2026-09-02"), Instant.parse("2026-09-02T08:30:00Z")),
                new ProficiencyCalculator.Score(0.0, LocalDate.parse("2026-09-02"), Instant.parse("2026-09-02T08:30:00Z")));
    }

    @Test
    void no_scores_is_an_empty_series_and_a_damaged_one_is_refused_rather_than_misread() {
        assertThat(ScoreSeries.encode(List.of())).isEmpty();
        assertThat(ScoreSeries.decode("")).isEmpty();
        assertThatThrownBy(() -> ScoreSeries.decode("20698/3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScoreSeries.decode("20698/x/3")).isInstanceOf(NumberFormatException.class);
    }
}
