package app.cairn.report;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A family progress report for one student: where they stand on each standard of the course, on the
 * school's own scale, with teachers' comments and the graduate-profile attributes each standard serves.
 */
public record FamilyReport(String courseTitle, String studentName, LocalDate asOf, List<ChartLevel> levels,
                           List<StandardProgress> standards) {

    /** How many of the teachers' comments a standard's row carries. */
    public static final int COMMENTS = 3;

    /**
     * @param level    the current proficiency level, or null when there is no summative evidence yet
     * @param value    the proficiency as a number on the scale (e.g. 3.25), or null
     * @param comments teachers' latest feedback on the evidence counted, newest first, at most {@link #COMMENTS}
     * @param history  the proficiency each time it changed, for the chart
     */
    public record StandardProgress(String code, String statement, List<String> attributes, @Nullable ChartLevel level,
                                   @Nullable Double value, List<String> comments, List<SvgCharts.Point> history) {
    }
}
