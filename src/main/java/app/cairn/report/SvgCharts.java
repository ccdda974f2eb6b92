package app.cairn.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Charts as SVG text, drawn on the server: no chart library, nothing to license, and the same
 * picture in the browser, on the print page and in the PDF. Every chart carries a title and a
 * description; views put the numbers in a table beside it for screen readers.
 */
public final class SvgCharts {

    /** One line of a chart: a standard's (or indicator's) proficiency on each date it changed. */
    public record Series(String name, List<Point> points) {
    }

    public record Point(LocalDate date, double value) {
    }

    /** One bar of a distribution chart: how many students were at each level (by points) at a date. */
    public record Period(LocalDate date, Map<Double, Integer> studentsByLevel) {
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 110;
    private static final int RIGHT = 20;
    private static final int TOP = 16;
    private static final int BOTTOM = 36;
    /** Distinct, colour-blind-safe line colours (Okabe–Ito), all at least 3:1 against white. */
    private static final String[] LINE_COLOURS = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8F6A00", "#56B4E9"};
    private static final String[] DASHES = {"", "6 3", "2 3", "8 3 2 3", "4 4", "1 2"};

    private SvgCharts() {
    }

    /**
     * Proficiency over time: the scale's levels as horizontal bands (mastery dashed), one line per
     * series. Lines differ in colour and in dash pattern, so they can be told apart without colour.
     */
    public static String proficiencyOverTime(String id, String title, String description, List<ChartLevel> levels,
                                             List<Series> series, Locale locale) {
        StringBuilder svg = open(id, title, description);
        List<ChartLevel> ordered = levels.stream().sorted(Comparator.comparingDouble(ChartLevel::points)).toList();
        // The axis spans the scale, stretched only if a value falls outside it (a zero score).
        double low = Math.min(ordered.isEmpty() ? 0 : ordered.getFirst().points(),
                series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::value).min().orElse(Double.MAX_VALUE));
        double high = Math.max(ordered.isEmpty() ? 1 : ordered.getLast().points(),
                series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::value).max().orElse(-Double.MAX_VALUE));
        List<LocalDate> dates = series.stream().flatMap(s -> s.points().stream()).map(Point::date).sorted().toList();
        LocalDate first = dates.isEmpty() ? LocalDate.EPOCH : dates.getFirst();
        LocalDate last = dates.isEmpty() ? LocalDate.EPOCH : dates.getLast();
        long span = Math.max(1, ChronoUnit.DAYS.between(first, last));

        for (ChartLevel level : ordered) {
            double y = y(level.points(), low, high);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y))
                    .append("\" stroke=\"").append(level.mastery() ? "#1a1a1a" : "#c8c8c8").append('"')
                    .append(level.mastery() ? " stroke-dasharray=\"6 4\" stroke-width=\"1.5\"" : "").append("/>");
            svg.append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\" font-size=\"12\" fill=\"#333\">")
                    .append(escape(level.label())).append("</text>");
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        if (!dates.isEmpty()) {
            axisLabel(svg, LEFT, format.format(first), "start");
            if (!last.equals(first)) {
                axisLabel(svg, WIDTH - RIGHT, format.format(last), "end");
            }
        }
        int index = 0;
        for (Series line : series) {
            String colour = LINE_COLOURS[index % LINE_COLOURS.length];
            String dash = DASHES[index % DASHES.length];
            List<Point> points = line.points().stream().sorted(Comparator.comparing(Point::date)).toList();
            StringBuilder path = new StringBuilder();
            for (Point point : points) {
                double x = x(point.date(), first, span, dates.size() == 1 || first.equals(last));
                path.append(path.isEmpty() ? "" : " ").append(fmt(x)).append(',').append(fmt(y(point.value(), low, high)));
            }
            svg.append("<g><title>").append(escape(line.name())).append("</title>");
            svg.append("<polyline fill=\"none\" stroke-width=\"2.5\" stroke=\"").append(colour).append('"')
                    .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"")
                    .append(" points=\"").append(path).append("\"/>");
            for (Point point : points) {
                double x = x(point.date(), first, span, dates.size() == 1 || first.equals(last));
                svg.append("<circle r=\"3.5\" fill=\"").append(colour).append("\" cx=\"").append(fmt(x))
                        .append("\" cy=\"").append(fmt(y(point.value(), low, high))).append("\"/>");
            }
            svg.append("</g>");
            index++;
        }
        return svg.append("</svg>").toString();
    }

    /**
     * The class's distribution of levels over time: one stacked bar per date, each level in the
     * scale's colour, bottom to top from the lowest level.
     */
    public static String distributionOverTime(String id, String title, String description, List<ChartLevel> levels,
                                              List<Period> periods, Locale locale) {
        StringBuilder svg = open(id, title, description);
        List<ChartLevel> ordered = levels.stream().sorted(Comparator.comparingDouble(ChartLevel::points)).toList();
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int max = periods.stream().mapToInt(p -> p.studentsByLevel().values().stream().mapToInt(Integer::intValue).sum())
                .max().orElse(0);
        double slot = periods.isEmpty() ? plotWidth : (double) plotWidth / periods.size();
        double barWidth = Math.min(48, slot * 0.7);
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale);
        for (int i = 0; i < periods.size(); i++) {
            Period period = periods.get(i);
            double x = LEFT + slot * i + (slot - barWidth) / 2;
            double bottom = TOP + plotHeight;
            for (ChartLevel level : ordered) {
                int count = period.studentsByLevel().getOrDefault(level.points(), 0);
                if (count == 0 || max == 0) {
                    continue;
                }
                double height = (double) count / max * plotHeight;
                bottom -= height;
                svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(bottom))
                        .append("\" width=\"").append(fmt(barWidth)).append("\" height=\"").append(fmt(height))
                        .append("\" fill=\"").append(escape(level.colour())).append("\" stroke=\"#fff\">")
                        .append("<title>").append(escape(level.label())).append(": ").append(count).append("</title></rect>");
            }
            if (periods.size() <= 8 || i % Math.ceil(periods.size() / 8.0) == 0) {
                axisLabel(svg, x + barWidth / 2, format.format(period.date()), "middle");
            }
        }
        // The legend doubles as the key for readers who cannot tell the colours apart.
        double legendX = 8;
        for (int i = ordered.size() - 1; i >= 0; i--) {
            ChartLevel level = ordered.get(i);
            double y = TOP + (ordered.size() - 1 - i) * 18;
            svg.append("<rect x=\"").append(fmt(legendX)).append("\" y=\"").append(fmt(y)).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(escape(level.colour())).append("\"/>");
            svg.append("<text x=\"").append(fmt(legendX + 16)).append("\" y=\"").append(fmt(y + 10))
                    .append("\" font-size=\"12\" fill=\"#333\">").append(escape(level.label())).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** @param id unique on the page: the title and description are referenced by it */
    private static StringBuilder open(String id, String title, String description) {
        String safeId = id.replaceAll("[^A-Za-z0-9_-]", "-");
        return new StringBuilder(2048)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"100%\" role=\"img\" aria-labelledby=\"").append(safeId).append("-title ")
                .append(safeId).append("-desc\" font-family=\"sans-serif\">")
                .append("<title id=\"").append(safeId).append("-title\">").append(escape(title)).append("</title>")
                .append("<desc id=\"").append(safeId).append("-desc\">").append(escape(description)).append("</desc>");
    }

    private static void axisLabel(StringBuilder svg, double x, String text, String anchor) {
        svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(HEIGHT - 12)
                .append("\" text-anchor=\"").append(anchor).append("\" font-size=\"12\" fill=\"#333\">")
                .append(escape(text)).append("</text>");
    }

    private static double x(LocalDate date, LocalDate first, long span, boolean single) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        return single ? LEFT + plotWidth / 2.0 : LEFT + (double) ChronoUnit.DAYS.between(first, date) / span * plotWidth;
    }

    private static double y(double value, double low, double high) {
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double range = high - low == 0 ? 1 : high - low;
        return TOP + plotHeight - (value - low) / range * plotHeight;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
