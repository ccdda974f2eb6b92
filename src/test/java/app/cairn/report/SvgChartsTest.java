package app.cairn.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class SvgChartsTest {

    private static final List<ChartLevel> LEVELS = List.of(new ChartLevel(1, "Beginning", "#b3261e", false),
            new ChartLevel(3, "Proficient", "#1e6b35", true), new ChartLevel(4, "Exceeding", "#0b4f8a", false));

    @Test
    void a_line_per_series_placed_by_date_and_value_with_the_mastery_line_dashed() throws Exception {
        String svg = SvgCharts.proficiencyOverTime("me", "Over time", "How it changed", LEVELS, List.of(
                new SvgCharts.Series("SCI.1", List.of(new SvgCharts.Point(LocalDate.of(2026, 9, 1), 1),
                        new SvgCharts.Point(LocalDate.of(2026, 9, 11), 4))),
                new SvgCharts.Series("SCI.2 & <more>", List.of(new SvgCharts.Point(LocalDate.of(2026, 9, 6), 3)))), Locale.US);

        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getAttribute("aria-labelledby")).isEqualTo("me-title me-desc");
        var lines = doc.getElementsByTagName("polyline");
        assertThat(lines.getLength()).isEqualTo(2);
        // 1 is the bottom of the plot (y = 224), 4 the top (y = 16); 10 days span the whole width.
        assertThat(((Element) lines.item(0)).getAttribute("points")).isEqualTo("110.0,224.0 620.0,16.0");
        assertThat(((Element) lines.item(1)).getAttribute("points")).isEqualTo("365.0,85.3");
        assertThat(((Element) lines.item(1)).getAttribute("stroke-dasharray")).isNotEmpty();
        assertThat(svg).contains("stroke-dasharray=\"6 4\"").contains("SCI.2 &amp; &lt;more&gt;").contains("Sep 1, 2026");
    }

    @Test
    void bars_stack_the_levels_in_scale_colours_and_scale_to_the_largest_class() throws Exception {
        String svg = SvgCharts.distributionOverTime("dist", "Levels", "Class", LEVELS, List.of(
                new SvgCharts.Period(LocalDate.of(2026, 9, 1), Map.of(1.0, 4, 3.0, 2)),
                new SvgCharts.Period(LocalDate.of(2026, 10, 1), Map.of(3.0, 3, 4.0, 1))), Locale.US);

        var rects = parse(svg).getElementsByTagName("rect");
        // 4 bar segments and 3 legend swatches.
        assertThat(rects.getLength()).isEqualTo(7);
        Element beginning = (Element) rects.item(0);
        assertThat(beginning.getAttribute("fill")).isEqualTo("#b3261e");
        assertThat(Double.parseDouble(beginning.getAttribute("height"))).isCloseTo(208 * 4 / 6.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(beginning.getTextContent()).isEqualTo("Beginning: 4");
    }

    @Test
    void no_data_still_draws_a_valid_empty_chart() throws Exception {
        assertThat(parse(SvgCharts.proficiencyOverTime("e", "t", "d", LEVELS, List.of(), Locale.US))
                .getElementsByTagName("polyline").getLength()).isZero();
        assertThat(parse(SvgCharts.distributionOverTime("e2", "t", "d", List.of(), List.of(), Locale.US))
                .getElementsByTagName("rect").getLength()).isZero();
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }
}
