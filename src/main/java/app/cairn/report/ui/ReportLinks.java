package app.cairn.report.ui;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.streams.DownloadEvent;

import app.cairn.report.FamilyReport;
import app.cairn.report.FamilyReportDocument;

/** Links that hand out a report as a print page (new tab), a PDF or a CSV, built when clicked. */
final class ReportLinks {

    private ReportLinks() {
    }

    static Anchor printPage(String id, String text, FamilyReportDocument document, Supplier<List<FamilyReport>> reports,
                            Locale locale) {
        Anchor link = new Anchor();
        link.setText(text);
        link.setId(id);
        link.setHref((DownloadEvent event) -> write(event, "report.html", "text/html; charset=UTF-8",
                document.xhtml(reports.get(), locale).getBytes(StandardCharsets.UTF_8)), AttachmentType.INLINE);
        link.setTarget(AnchorTarget.BLANK);
        return link;
    }

    static Anchor pdf(String id, String text, String fileName, FamilyReportDocument document,
                      Supplier<List<FamilyReport>> reports, Locale locale) {
        Anchor link = new Anchor();
        link.setText(text);
        link.setId(id);
        link.setHref((DownloadEvent event) -> write(event, fileName, "application/pdf",
                document.pdf(reports.get(), locale)), AttachmentType.DOWNLOAD);
        return link;
    }

    static Anchor csv(String id, String text, String fileName, Supplier<String> csv) {
        Anchor link = new Anchor();
        link.setText(text);
        link.setId(id);
        // A byte-order mark, so spreadsheet programs read accents right.
        link.setHref((DownloadEvent event) -> write(event, fileName, "text/csv; charset=UTF-8",
                ("\uFEFF" + csv.get()).getBytes(StandardCharsets.UTF_8)), AttachmentType.DOWNLOAD);
        return link;
    }

    private static void write(DownloadEvent event, String fileName, String type, byte[] bytes) throws java.io.IOException {
        event.setFileName(fileName);
        event.setContentType(type);
        event.setContentLength(bytes.length);
        event.getOutputStream().write(bytes);
    }
}
