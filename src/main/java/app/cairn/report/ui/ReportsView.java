package app.cairn.report.ui;

import java.util.List;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import app.cairn.report.FamilyReportDocument;
import app.cairn.report.Reports;
import app.cairn.shared.ui.CourseLayout;
import app.cairn.unit.UnitOutline;
import app.cairn.unit.Units;
import jakarta.annotation.security.RolesAllowed;

/**
 * Family progress reports (one student or the whole class, print page or PDF), one student's
 * progress over time, and CSV exports of a unit's mastery grid and of every score.
 */
@Route(value = "reports", layout = CourseLayout.class)
@RolesAllowed("TEACHER")
public class ReportsView extends VerticalLayout implements HasDynamicTitle {

    private final Reports reports;
    private final Div studentArea = new Div();

    public ReportsView(Reports reports, FamilyReportDocument document, Units units) {
        this.reports = reports;
        setPadding(false);
        add(new H1(getPageTitle()));

        ComboBox<Reports.StudentChoice> student = new ComboBox<>(getTranslation("report.student"));
        student.setId("reports-student");
        student.setItems(reports.studentsOfMyCourse());
        student.setItemLabelGenerator(Reports.StudentChoice::name);
        student.setPlaceholder(getTranslation("report.student.placeholder"));
        student.setWidth("min(24rem, 100%)");
        studentArea.setId("reports-student-area");
        student.addValueChangeListener(event -> show(event.getValue(), document));
        Section family = new Section(new H2(getTranslation("report.family.section")),
                new Paragraph(getTranslation("report.family.section.help")),
                new HorizontalLayout(
                        ReportLinks.printPage("reports-class-print", getTranslation("report.class.print"), document,
                                reports::classReports, getLocale()),
                        ReportLinks.pdf("reports-class-pdf", getTranslation("report.class.pdf"), "class-reports.pdf",
                                document, reports::classReports, getLocale())),
                student, studentArea);

        Select<UnitOutline> unit = new Select<>();
        unit.setId("reports-unit");
        unit.setLabel(getTranslation("report.csv.unit"));
        List<UnitOutline> outlines = units.outlines();
        unit.setItems(outlines);
        unit.setItemLabelGenerator(UnitOutline::title);
        Div gridLink = new Div();
        unit.addValueChangeListener(event -> {
            gridLink.removeAll();
            if (event.getValue() != null) {
                long unitId = event.getValue().id();
                gridLink.add(ReportLinks.csv("reports-grid-csv", getTranslation("report.csv.grid", event.getValue().title()),
                        "mastery-grid.csv", () -> reports.masteryGridCsv(unitId)));
            }
        });
        Section exports = new Section(new H2(getTranslation("report.csv.section")),
                new Paragraph(getTranslation("report.csv.help")),
                new Paragraph(ReportLinks.csv("reports-scores-csv", getTranslation("report.csv.scores"), "scores.csv",
                        reports::scoresCsv)),
                unit, gridLink);
        add(family, exports);
    }

    private void show(Reports.StudentChoice choice, FamilyReportDocument document) {
        studentArea.removeAll();
        if (choice == null) {
            return;
        }
        long id = choice.personId();
        studentArea.add(new HorizontalLayout(
                ReportLinks.printPage("reports-student-print", getTranslation("report.print.for", choice.name()), document,
                        () -> List.of(reports.reportOf(id)), getLocale()),
                ReportLinks.pdf("reports-student-pdf", getTranslation("report.pdf.for", choice.name()), "report.pdf",
                        document, () -> List.of(reports.reportOf(id)), getLocale())),
                new ProgressPanel(reports.reportOf(id)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("report.title");
    }
}
