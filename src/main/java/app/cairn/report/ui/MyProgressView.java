package app.cairn.report.ui;

import java.util.List;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import app.cairn.report.FamilyReport;
import app.cairn.report.FamilyReportDocument;
import app.cairn.report.Reports;
import app.cairn.shared.ui.CourseLayout;
import jakarta.annotation.security.RolesAllowed;

/** A student's own proficiency per standard over time, and their report to take home. */
@Route(value = "progress", layout = CourseLayout.class)
@RolesAllowed("STUDENT")
public class MyProgressView extends VerticalLayout implements HasDynamicTitle {

    public MyProgressView(Reports reports, FamilyReportDocument document) {
        setPadding(false);
        FamilyReport report = reports.myReport();
        add(new H1(getPageTitle()), new Paragraph(getTranslation("report.progress.intro")));
        add(new HorizontalLayout(
                ReportLinks.printPage("progress-print", getTranslation("report.print"), document,
                        () -> List.of(reports.myReport()), getLocale()),
                ReportLinks.pdf("progress-pdf", getTranslation("report.pdf"), "my-progress.pdf", document,
                        () -> List.of(reports.myReport()), getLocale())));
        add(new ProgressPanel(report));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("report.progress.title");
    }
}
