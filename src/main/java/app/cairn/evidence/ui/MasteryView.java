package app.cairn.evidence.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import app.cairn.evidence.Mastery;
import app.cairn.evidence.MasteryDistribution;
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
 * unit, each cell the level reached. The grid is lazy: it asks {@link Mastery#gridPage} for the rows
 * it shows, a page of {@value #PAGE} at a time, so a class of a thousand opens as fast as one of
 * thirty. Above it, how the class spreads over the levels (an aggregate, not the rows). A cell is a button that explains it ("why this score"): the
 * evidence counted, the course's method and the calculation step by step. Below, how a level becomes
 * gradebook points in this course.
 */
@Route(value = "mastery", layout = CourseLayout.class)
@RolesAllowed("TEACHER")
public class MasteryView extends VerticalLayout implements HasDynamicTitle {

    /** Rows fetched at a time: about a screenful. */
    static final int PAGE = 50;

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
        // A plain link, not the proficiency feature's view class: features meet through routes and services.
        com.vaadin.flow.component.html.Anchor change = new com.vaadin.flow.component.html.Anchor("scale/calculation",
                getTranslation("evidence.mastery.change-policy"));
        change.setId("mastery-change-policy");
        box.add(change);
        return box;
    }

    private void draw(@Nullable UnitSummary chosen) {
        grid.removeAll();
        why.removeAll();
        if (chosen == null) {
            return;
        }
        long unitId = chosen.id();
        // The columns (and the unit's title) without any student; the rows come page by page.
        MasteryGrid shape = mastery.gridPage(unitId, 0, 0);
        Paragraph caption = new Paragraph(getTranslation("evidence.mastery.caption", shape.unitTitle()));
        caption.setId("mastery-caption");
        grid.add(caption, distribution(mastery.distribution(unitId)));
        Grid<MasteryGrid.Row> table = new Grid<>();
        table.setId("mastery-grid");
        table.getElement().setAttribute("aria-label", caption.getText());
        table.addThemeVariants(GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_COMPACT);
        table.setPageSize(PAGE);
        table.setHeight("60vh");
        table.addColumn(row -> studentName(row)).setKey("student").setHeader(getTranslation("evidence.mastery.student"))
                .setFrozen(true).setAutoWidth(true).setFlexGrow(0);
        for (int i = 0; i < shape.columns().size(); i++) {
            MasteryGrid.Column column = shape.columns().get(i);
            int index = i;
            String header = getTranslation("evidence.mastery.target", i + 1, column.label());
            Span head = new Span(getTranslation("evidence.mastery.target-short", i + 1));
            head.setTitle(header);
            head.getElement().setAttribute("aria-label", header);
            table.addComponentColumn(row -> cellButton(row, column, row.cells().get(index)))
                    .setKey("t" + column.targetId()).setHeader(head).setAutoWidth(true).setFlexGrow(0);
        }
        table.addColumn(row -> cellText(row.unit()) + " · "
                        + getTranslation("evidence.mastery.assessed", row.unit().count(), row.indicatorsTotal()))
                .setKey("unit").setHeader(getTranslation("evidence.mastery.unit-column")).setAutoWidth(true);
        table.setItems(query -> mastery.gridPage(unitId, query.getOffset(), query.getLimit()).rows().stream(),
                query -> mastery.gridSize(unitId));
        grid.add(table);
        if (mastery.gridSize(unitId) == 0) {
            grid.add(new Paragraph(getTranslation("evidence.mastery.no-students")));
        }
    }

    private Button cellButton(MasteryGrid.Row row, MasteryGrid.Column column, ProficiencyCell cell) {
        String name = studentName(row);
        Button explain = new Button(cellText(cell), click -> explain(row.studentPersonId(), name, column));
        explain.setId("mastery-cell-" + row.studentPersonId() + "-" + column.targetId());
        explain.addThemeVariants(ButtonVariant.TERTIARY);
        explain.getElement().setAttribute("aria-label", getTranslation("evidence.mastery.explain", name,
                column.label(), cellText(cell)));
        return explain;
    }

    private Paragraph distribution(MasteryDistribution spread) {
        StringBuilder text = new StringBuilder();
        for (MasteryDistribution.LevelCount count : spread.levels()) {
            text.append(text.isEmpty() ? "" : " · ").append(getTranslation("evidence.mastery.distribution-level",
                    count.level().label(), count.students()));
        }
        text.append(text.isEmpty() ? "" : " · ").append(getTranslation("evidence.mastery.distribution-level",
                getTranslation("evidence.mastery.none"), spread.notYet()));
        Paragraph paragraph = new Paragraph(getTranslation("evidence.mastery.distribution", spread.students(),
                text.toString()));
        paragraph.setId("mastery-distribution");
        return paragraph;
    }

    private String studentName(MasteryGrid.Row row) {
        return row.name() == null ? getTranslation("evidence.unnamed") : row.name();
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
