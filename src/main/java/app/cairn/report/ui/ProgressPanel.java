package app.cairn.report.ui;

import java.util.List;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;

import app.cairn.report.FamilyReport;
import app.cairn.report.SvgCharts;

/**
 * One student's proficiency per standard: the chart over time, and the same facts as a table, which
 * is what screen readers (and anyone who prefers numbers) read.
 */
class ProgressPanel extends Div {

    ProgressPanel(FamilyReport report) {
        addClassName("cairn-progress");
        List<SvgCharts.Series> series = report.standards().stream().filter(s -> !s.history().isEmpty())
                .map(s -> new SvgCharts.Series(s.code().isEmpty() ? s.statement() : s.code(), s.history())).toList();
        add(new H2(getTranslation("report.progress.chart")));
        if (series.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("report.progress.none"));
            none.setId("progress-none");
            add(none);
        } else {
            Html chart = new Html("<div class=\"cairn-chart\">" + SvgCharts.proficiencyOverTime("progress-chart",
                    getTranslation("report.family.over-time"),
                    getTranslation("report.family.over-time.description", report.studentName()),
                    report.levels(), series, getLocale()) + "</div>");
            add(chart);
            add(new Paragraph(getTranslation("report.family.legend",
                    String.join(", ", series.stream().map(SvgCharts.Series::name).toList()))));
        }
        if (!report.standards().isEmpty()) {
            add(table(report));
        }
    }

    private NativeTable table(FamilyReport report) {
        NativeTable table = new NativeTable();
        table.setId("progress-table");
        table.addClassName("cairn-progress-table");
        NativeTableHeader head = new NativeTableHeader();
        head.add(new NativeTableRow(column("report.family.column.standard"), column("report.family.column.level"),
                column("report.progress.column.changes")));
        NativeTableBody body = new NativeTableBody();
        for (FamilyReport.StandardProgress standard : report.standards()) {
            String level = standard.level() == null ? getTranslation("report.family.no-evidence")
                    : standard.level().label() + (standard.value() == null ? ""
                    : " (" + String.format(getLocale(), "%.2f", standard.value()) + ")");
            String changes = standard.history().stream()
                    .map(p -> p.date() + ": " + String.format(getLocale(), "%.2f", p.value()))
                    .reduce((a, b) -> a + " · " + b).orElse("—");
            body.add(new NativeTableRow(new NativeTableCell((standard.code() + " " + standard.statement()).strip()),
                    new NativeTableCell(level), new NativeTableCell(changes)));
        }
        table.add(head, body);
        table.getElement().setAttribute("aria-label", getTranslation("report.progress.table"));
        return table;
    }

    private NativeTableHeaderCell column(String key) {
        NativeTableHeaderCell cell = new NativeTableHeaderCell(getTranslation(key));
        cell.getElement().setAttribute("scope", "col");
        return cell;
    }
}
