package app.cairn.evidence.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import app.cairn.evidence.Mastery;
import app.cairn.evidence.MasteryGrid;
import app.cairn.evidence.ProficiencyCell;
import app.cairn.evidence.ProficiencyExplanation;
import app.cairn.proficiency.GradeRow;
import app.cairn.proficiency.ProficiencyPolicies;
import app.cairn.proficiency.ProficiencyPolicy;
import app.cairn.shared.ui.CourseLayout;
import app.cairn.unit.UnitSummary;
import app.cairn.unit.Units;
import jakarta.annotation.security.RolesAllowed;

/**
 * The class's proficiency in a unit: a row per student, a column per target (its indicator) and the
 * unit, each cell the level reached. A cell is a button that explains it ("why this score"): the
 * evidence counted, the course's method and the calculation step by step. Below, how a level becomes
 * gradebook points in this course.
 */
@Route(value = "mastery", layout = CourseLayout.class)
@RolesAllowed("TEACHER")
public class MasteryView extends VerticalLayout implements HasDynamicTitle {

    private final Mastery mastery;
    private final Select<UnitSummary> unit = new Select<>();
    private final Div grid = new Div();
    private final Section why = new Section();

    public MasteryView(Mastery mastery, Units units, ProficiencyPolicies policies) {
        this.mastery = mastery;
        setPadding(false);
        List<UnitSummary> all = units.units();
        unit.setId("mastery-unit");
        unit.setLabel(getTranslation("evidence.mastery.unit"));
        unit.setItems(all);
        unit.setItemLabelGenerator(UnitSummary::title);
        unit.addValueChangeListener(event -> draw(event.getValue()));
        grid.setWidthFull();
        why.setId("mastery-why");
        why.getElement().setAttribute("aria-live", "polite");
        why.setWidthFull();
        add(new H1(getTranslation("evidence.mastery.title")), policy(policies), unit, grid, why);
        if (all.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("evidence.mastery.no-units"));
            none.setId("mastery-empty");
            grid.add(none);
        } else {
            unit.setValue(all.getFirst());
        }
    }

    private Div policy(ProficiencyPolicies policies) {
        ProficiencyPolicy policy = policies.policyOfMyCourse();
        Div box = new Div();
        box.setId("mastery-policy");
        box.add(new Paragraph(getTranslation("evidence.mastery.policy",
                getTranslation("proficiency.policy.method." + policy.method()),
                getTranslation("proficiency.policy.rollup." + policy.rollUp()),
                getTranslation("proficiency.policy.mapping." + policy.gradeMapping()))));
        List<GradeRow> rows = policies.gradeTableOfMyCourse();
        StringBuilder table = new StringBuilder();
        for (GradeRow row : rows) {
            table.append(table.isEmpty() ? "" : " · ").append(row.level().label()).append(" → ")
                    .append(number(row.gradePoints())).append('/').append(number(row.gradeMaximum()));
        }
        Paragraph conversion = new Paragraph(getTranslation("evidence.mastery.conversion", table.toString()));
        conversion.setId("mastery-conversion");
        box.add(conversion);
        return box;
    }

    private void draw(@Nullable UnitSummary chosen) {
        grid.removeAll();
        why.removeAll();
        if (chosen == null) {
            return;
        }
        MasteryGrid shown = mastery.grid(chosen.id());
        NativeTable table = new NativeTable();
        table.setId("mastery-grid");
        table.setCaptionText(getTranslation("evidence.mastery.caption", shown.unitTitle()));
        NativeTableRow head = table.getHead().addRow();
        header(head, getTranslation("evidence.mastery.student"));
        for (int i = 0; i < shown.columns().size(); i++) {
            header(head, getTranslation("evidence.mastery.target", i + 1, shown.columns().get(i).label()));
        }
        header(head, getTranslation("evidence.mastery.unit-column"));
        for (MasteryGrid.Row row : shown.rows()) {
            NativeTableRow tr = table.getBody().addRow();
            tr.setId("mastery-row-" + row.studentPersonId());
            String name = row.name() == null ? getTranslation("evidence.unnamed") : row.name();
            NativeTableHeaderCell student = tr.addHeaderCell();
            student.setText(name);
            student.getElement().setAttribute("scope", "row");
            for (int i = 0; i < shown.columns().size(); i++) {
                MasteryGrid.Column column = shown.columns().get(i);
                ProficiencyCell cell = row.cells().get(i);
                Button explain = new Button(cellText(cell), click -> explain(row.studentPersonId(), name, column));
                explain.setId("mastery-cell-" + row.studentPersonId() + "-" + column.targetId());
                explain.addThemeVariants(ButtonVariant.TERTIARY);
                explain.getElement().setAttribute("aria-label", getTranslation("evidence.mastery.explain", name,
                        column.label(), cellText(cell)));
                tr.addDataCell().add(explain);
            }
            tr.addDataCell().setText(cellText(row.unit()) + " · "
                    + getTranslation("evidence.mastery.assessed", row.unit().count(), row.indicatorsTotal()));
        }
        Div scroller = new Div(table);
        scroller.addClassName("cairn-rubric-scroll");
        scroller.getElement().setAttribute("tabindex", "0");
        grid.add(scroller);
        if (shown.rows().isEmpty()) {
            grid.add(new Paragraph(getTranslation("evidence.mastery.no-students")));
        }
    }

    private void explain(long studentId, String name, MasteryGrid.Column column) {
        why.removeAll();
        ProficiencyExplanation explanation = mastery.why(studentId, column.indicatorId());
        why.add(new H2(getTranslation("evidence.why.title", name, column.label())));
        why.add(new Paragraph(getTranslation("evidence.why.method",
                getTranslation("proficiency.policy.method." + explanation.method()))));
        if (!explanation.counted().isEmpty()) {
            OrderedList counted = new OrderedList();
            counted.setId("why-counted");
            DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                    .withLocale(getLocale() == null ? Locale.ENGLISH : getLocale());
            explanation.counted().forEach(c -> counted.add(new ListItem(getTranslation("evidence.why.counted",
                    day.format(c.performedOn()), c.assessmentTitle(), c.viaTitle(), c.criterionTitle(), c.levelLabel(),
                    number(c.points().doubleValue())))));
            why.add(counted);
        }
        OrderedList steps = new OrderedList();
        steps.setId("why-steps");
        explanation.steps().forEach(step -> steps.add(new ListItem(getTranslation(step.messageKey(), step.argsArray()))));
        why.add(steps);
        Paragraph result = new Paragraph(explanation.level() == null ? getTranslation("evidence.why.none")
                : getTranslation("evidence.why.result", number(explanation.proficiency()), explanation.level().label()));
        result.setId("why-result");
        why.add(result);
    }

    private String cellText(ProficiencyCell cell) {
        return cell.level() == null ? getTranslation("evidence.mastery.none")
                : cell.level().label() + " (" + number(cell.proficiency()) + ")";
    }

    private static void header(NativeTableRow row, String text) {
        NativeTableHeaderCell cell = row.addHeaderCell();
        cell.setText(text);
        cell.getElement().setAttribute("scope", "col");
    }

    private String number(@Nullable Double value) {
        if (value == null) {
            return "";
        }
        double rounded = Math.round(value * 100) / 100.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded)
                : String.format(getLocale() == null ? Locale.ENGLISH : getLocale(), "%.2f", rounded);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("evidence.mastery.title");
    }
}
