package app.cairn.report;

import static app.cairn.report.SvgCharts.escape;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Renders family reports as one XHTML document, which is both the print-friendly page and the
 * source of the PDF, so the two never differ. Several reports (a whole class) each start a new page.
 */
@Component
public class FamilyReportDocument {

    /** Where paper is US Letter rather than A4. */
    private static final Set<String> LETTER_COUNTRIES = Set.of("US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT",
            "SV", "DO", "PR");
    /** PDFBox ships this font; it has every Latin letter Spanish and English need, and the arrows. */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final MessageSource messages;

    FamilyReportDocument(MessageSource messages) {
        this.messages = messages;
    }

    /** The reports as a standalone XHTML page, ready to print, with a chart of each student's progress. */
    public String xhtml(List<FamilyReport> reports, Locale locale) {
        return xhtml(reports, locale, true);
    }

    private String xhtml(List<FamilyReport> reports, Locale locale, boolean charts) {
        String paper = LETTER_COUNTRIES.contains(locale.getCountry()) ? "letter" : "A4";
        StringBuilder html = new StringBuilder(8192)
                .append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(escape(locale.toLanguageTag())).append("\"><head><meta charset=\"UTF-8\"/>")
                .append("<title>").append(escape(text(locale, "report.family.title"))).append("</title>")
                .append("<style>")
                .append("@page { size: ").append(paper).append("; margin: 18mm 16mm; }")
                .append("body { font-family: 'Liberation Sans', Arial, sans-serif; color: #1a1a1a; font-size: 11pt; line-height: 1.4; }")
                .append("h1 { font-size: 18pt; margin: 0 0 2mm 0; } h2 { font-size: 13pt; margin: 6mm 0 2mm 0; }")
                .append(".report { page-break-after: always; } .report:last-child { page-break-after: auto; }")
                .append("table { width: 100%; border-collapse: collapse; } th, td { text-align: left; vertical-align: top; ")
                .append("border-bottom: 1px solid #bbb; padding: 2mm 1.5mm; }")
                .append("th { font-size: 10pt; } .code { white-space: nowrap; font-weight: bold; }")
                .append(".swatch { display: inline-block; width: 3mm; height: 3mm; border: 1px solid #555; margin-right: 1.5mm; }")
                .append(".muted { color: #4a4a4a; font-size: 10pt; } ul { margin: 0; padding-left: 4mm; }")
                .append("svg { max-width: 170mm; }")
                .append("</style></head><body>");
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        int index = 0;
        for (FamilyReport report : reports) {
            html.append("<section class=\"report\">")
                    .append("<h1>").append(escape(text(locale, "report.family.heading", report.studentName()))).append("</h1>")
                    .append("<p class=\"muted\">").append(escape(text(locale, "report.family.course-date",
                            report.courseTitle(), dates.format(report.asOf())))).append("</p>");
            scale(html, report, locale);
            standards(html, report, locale);
            if (charts) {
                chart(html, report, locale, index++);
            }
            html.append("</section>");
        }
        return html.append("</body></html>").toString();
    }

    /**
     * The same document as PDF. The chart stays on the print page: drawing SVG into a PDF would need
     * Batik (tens of megabytes); the table already says where the student is on every standard.
     */
    public byte[] pdf(List<FamilyReport> reports, Locale locale) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> FamilyReportDocument.class.getResourceAsStream(FONT), "Liberation Sans");
            builder.withHtmlContent(xhtml(reports, locale, false), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the family report as PDF", e);
        }
    }

    private void scale(StringBuilder html, FamilyReport report, Locale locale) {
        html.append("<h2>").append(escape(text(locale, "report.family.scale"))).append("</h2><p>");
        for (ChartLevel level : report.levels()) {
            html.append("<span class=\"swatch\" style=\"background:").append(escape(level.colour())).append("\"></span>")
                    .append(escape(level.label()));
            if (level.mastery()) {
                html.append(" (").append(escape(text(locale, "report.family.mastery"))).append(')');
            }
            html.append(" &#160; ");
        }
        html.append("</p>");
    }

    private void standards(StringBuilder html, FamilyReport report, Locale locale) {
        html.append("<h2>").append(escape(text(locale, "report.family.standards"))).append("</h2>")
                .append("<table><thead><tr><th>").append(escape(text(locale, "report.family.column.standard")))
                .append("</th><th>").append(escape(text(locale, "report.family.column.level")))
                .append("</th><th>").append(escape(text(locale, "report.family.column.comments")))
                .append("</th></tr></thead><tbody>");
        for (FamilyReport.StandardProgress standard : report.standards()) {
            html.append("<tr><td><span class=\"code\">").append(escape(standard.code())).append("</span> ")
                    .append(escape(standard.statement()));
            if (!standard.attributes().isEmpty()) {
                html.append("<br/><span class=\"muted\">").append(escape(text(locale, "report.family.attributes",
                        String.join(", ", standard.attributes())))).append("</span>");
            }
            html.append("</td><td>");
            if (standard.level() == null) {
                html.append("<span class=\"muted\">").append(escape(text(locale, "report.family.no-evidence"))).append("</span>");
            } else {
                html.append("<span class=\"swatch\" style=\"background:").append(escape(standard.level().colour()))
                        .append("\"></span>").append(escape(standard.level().label()));
                if (standard.value() != null) {
                    html.append(" <span class=\"muted\">(").append(String.format(locale, "%.2f", standard.value())).append(")</span>");
                }
            }
            html.append("</td><td>");
            if (standard.comments().isEmpty()) {
                html.append("<span class=\"muted\">—</span>");
            } else {
                html.append("<ul>");
                standard.comments().forEach(c -> html.append("<li>").append(escape(c)).append("</li>"));
                html.append("</ul>");
            }
            html.append("</td></tr>");
        }
        html.append("</tbody></table>");
    }

    private void chart(StringBuilder html, FamilyReport report, Locale locale, int index) {
        List<SvgCharts.Series> series = report.standards().stream().filter(s -> !s.history().isEmpty())
                .map(s -> new SvgCharts.Series(s.code(), s.history())).toList();
        if (series.isEmpty()) {
            return;
        }
        html.append("<h2>").append(escape(text(locale, "report.family.over-time"))).append("</h2>")
                .append(SvgCharts.proficiencyOverTime("family-chart-" + index, text(locale, "report.family.over-time"),
                        text(locale, "report.family.over-time.description", report.studentName()), report.levels(),
                        series, locale))
                .append("<p class=\"muted\">").append(escape(text(locale, "report.family.legend",
                        String.join(", ", series.stream().map(SvgCharts.Series::name).toList())))).append("</p>");
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, locale);
    }
}
