package app.cairn.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import app.cairn.shared.i18n.Messages;

/** The family report as print page and PDF; the PDF is parsed back and read. */
class FamilyReportDocumentTest {

    private static final List<ChartLevel> LEVELS = List.of(
            new ChartLevel(1, "Beginning", "#b3261e", false), new ChartLevel(2, "Developing", "#8a5a00", false),
            new ChartLevel(3, "Proficient", "#1e6b35", true), new ChartLevel(4, "Exceeding", "#0b4f8a", false));

    private final FamilyReportDocument document = new FamilyReportDocument(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(Messages.basenames().toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private static FamilyReport report(String student) {
        return new FamilyReport("Biology 9", student, LocalDate.of(2026, 11, 20), LEVELS, List.of(
                new FamilyReport.StandardProgress("SCI.1", "Plans and carries out investigations",
                        List.of("Critical thinker", "Collaborator"), LEVELS.get(2), 3.25,
                        List.of("Your control variables were clear & well chosen."),
                        List.of(new SvgCharts.Point(LocalDate.of(2026, 9, 1), 2), new SvgCharts.Point(LocalDate.of(2026, 10, 1), 3.25))),
                new FamilyReport.StandardProgress("SCI.2", "Analyses data <with> care", List.of(), null, null, List.of(), List.of())));
    }

    @Test
    void the_pdf_holds_the_scale_each_standard_its_level_the_comments_and_the_attributes() throws IOException {
        byte[] pdf = document.pdf(List.of(report("Ana Ortiz")), Locale.US);

        String text = text(pdf);
        assertThat(text).contains("Progress report: Ana Ortiz", "Biology 9", "November 20, 2026",
                "Beginning", "Proficient (shows mastery)", "SCI.1", "Plans and carries out investigations",
                "Builds: Critical thinker, Collaborator", "3.25", "Your control variables were clear & well chosen.",
                "SCI.2", "Analyses data <with> care", "No summative evidence yet");
    }

    @Test
    void a_whole_class_gets_one_page_per_student_at_least() throws IOException {
        byte[] pdf = document.pdf(List.of(report("Ana Ortiz"), report("Ben Lee"), report("Chen Wu")), Locale.UK);

        try (PDDocument parsed = Loader.loadPDF(pdf)) {
            assertThat(parsed.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(3);
            stripper.setEndPage(parsed.getNumberOfPages());
            assertThat(stripper.getText(parsed)).contains("Chen Wu").doesNotContain("Ana Ortiz");
        }
    }

    @Test
    void spanish_families_read_it_in_spanish_with_accents_intact() throws IOException {
        String text = text(document.pdf(List.of(report("Lucía Núñez")), Locale.of("es", "MX")));

        assertThat(text).contains("Informe de progreso: Lucía Núñez", "Estándares", "Aún no hay evidencia sumativa",
                "Desarrolla: Critical thinker");
    }

    @Test
    void the_print_page_is_well_formed_xhtml_with_an_accessible_chart() throws Exception {
        String xhtml = document.xhtml(List.of(report("Ana <script>")), Locale.US);

        Document parsed = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xhtml)));
        assertThat(parsed.getDocumentElement().getAttribute("lang")).isEqualTo("en-US");
        assertThat(xhtml).contains("Ana &lt;script&gt;").doesNotContain("<script>");
        assertThat(parsed.getElementsByTagName("svg").getLength()).isEqualTo(1);
        assertThat(((org.w3c.dom.Element) parsed.getElementsByTagName("svg").item(0)).getAttribute("role")).isEqualTo("img");
        assertThat(xhtml).contains("size: letter");
        assertThat(new FamilyReportDocument(messages()).xhtml(List.of(report("A")), Locale.UK)).contains("size: A4");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument parsed = Loader.loadPDF(new ByteArrayInputStream(pdf).readAllBytes())) {
            return new PDFTextStripper().getText(parsed).replaceAll("\\s+", " ");
        }
    }
}
