package app.cairn.evidence.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import app.cairn.evidence.Mastery;
import app.cairn.evidence.MasteryDistribution;
import app.cairn.evidence.MasteryGrid;
import app.cairn.evidence.ProficiencyCell;
import app.cairn.evidence.StandardsGrid;
import app.cairn.proficiency.GradeRow;
import app.cairn.proficiency.ProficiencyPolicies;
import app.cairn.proficiency.ProficiencyPolicy;
import app.cairn.shared.ui.CourseLayout;
import app.cairn.unit.UnitSummary;
import app.cairn.unit.Units;
import jakarta.annotation.security.RolesAllowed;

/**
 * The class's proficiency in a unit: a row per student, a column per target (its indicator) or, at
 * the teacher's choice, per standard of the unit's targets, and the unit; each cell the level
 * reached, as a chip in the scale's colour with the label written on it. The grid is lazy: it asks
 * {@link Mastery#gridPage} (or {@link Mastery#standardsGridPage}) for the rows it shows, a page of
 * {@value #PAGE} at a time, so a class of a thousand opens as fast as one of thirty. Above it, how the
 * class spreads over the levels (an aggregate, not the rows). An indicator's cell is a button that
 * explains it ("why this score"); a student's name opens their body of evidence. Below, how a level
 * becomes gradebook points in this course.
 */
@Route(value = "mastery", layout = CourseLayout.class)
@RolesAllowed("TEACHER")
public class MasteryView extends VerticalLayout implements HasDynamicTitle {

    /** Rows fetched at a time: about a screenful. */
    static final int PAGE = 50;

    /** Up to this many students the grid is as tall as its rows; a larger class scrolls inside it. */
    static final int ALL_ROWS_UP_TO = 15;

    /** What the grid's columns are. */
    enum Show { INDICATORS, STANDARDS }

    private final Mastery mastery;
    private final Select<UnitSummary> unit = new Select<>();
    private final RadioButtonGroup<Show> show = new RadioButtonGroup<>();
    private final Div grid = new Div();
    private final WhyPanel why = new WhyPanel("mastery-why", false);

    public MasteryView(Mastery mastery, Units units, ProficiencyPolicies policies) {
        this.mastery = mastery;
        setPadding(false);
        List<UnitSummary> all = units.units();
        unit.setId("mastery-unit");
        unit.setLabel(getTranslation("evidence.mastery.unit"));
        unit.setItems(all);
        unit.setItemLabelGenerator(UnitSummary::title);
        unit.addValueChangeListener(event -> draw());
        show.setId("mastery-show");
        show.setLabel(getTranslation("evidence.mastery.show"));
        show.setItems(Show.values());
        show.setItemLabelGenerator(s -> getTranslation("evidence.mastery.show." + s));
        show.setValue(Show.INDICATORS);
        show.addValueChangeListener(event -> draw());
        FlexLayout choices = new FlexLayout(unit, show);
        choices.addClassName("cairn-mastery-choices");
        grid.setWidthFull();
        // The grid first, so it fills the first screen of a short iframe; how levels become points below.
        add(new H1(getTranslation("evidence.mastery.title")), choices, grid, why, policy(policies));
        if (all.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("evidence.mastery.no-units"));
            none.setId("mastery-empty");
            grid.add(none);
            show.setEnabled(false);
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
                    .append(LevelChip.number(this, row.gradePoints())).append('/')
                    .append(LevelChip.number(this, row.gradeMaximum()));
        }
        Paragraph conversion = new Paragraph(getTranslation("evidence.mastery.conversion", table.toString()));
        conversion.setId("mastery-conversion");
        box.add(conversion);
        // A plain link, not the proficiency feature's view class: features meet through routes and services.
        Anchor change = new Anchor("scale/calculation", getTranslation("evidence.mastery.change-policy"));
        change.setId("mastery-change-policy");
        box.add(change);
        return box;
    }

    private void draw() {
        grid.removeAll();
        why.clear();
        UnitSummary chosen = unit.getValue();
        if (chosen == null) {
            return;
        }
        long unitId = chosen.id();
        boolean byStandard = show.getValue() == Show.STANDARDS;
        // The columns (and the unit's title) without any student; the rows come page by page.
        MasteryGrid shape = byStandard ? null : mastery.gridPage(unitId, 0, 0);
        StandardsGrid standardShape = byStandard ? mastery.standardsGridPage(unitId, 0, 0) : null;
        String title = byStandard ? standardShape.unitTitle() : shape.unitTitle();
        Paragraph caption = new Paragraph(getTranslation(byStandard ? "evidence.mastery.caption-standards"
                : "evidence.mastery.caption", title));
        caption.setId("mastery-caption");
        MasteryDistribution spread = mastery.distribution(unitId);
        grid.add(caption, distribution(spread));
        Grid<MasteryGrid.Row> table = new Grid<>();
        table.setId("mastery-grid");
        table.getElement().setAttribute("aria-label", caption.getText());
        table.addThemeVariants(GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_COMPACT);
        table.setPageSize(PAGE);
        // The class's size, as the distribution counted it: the grid is drawn again on every change of
        // unit or view, so it needs no count of its own.
        int students = spread.students();
        if (students <= ALL_ROWS_UP_TO) {
            // A class of a few: every row shows, with no empty box below them.
            table.setAllRowsVisible(true);
        } else {
            // Most of the iframe's height, never so little that only a few rows show.
            table.setHeight("max(24rem, 75vh)");
        }
        table.addComponentColumn(row -> studentLink(row, unitId)).setKey("student")
                .setHeader(getTranslation("evidence.mastery.student")).setFrozen(true).setAutoWidth(true).setFlexGrow(0);
        if (byStandard) {
            for (int i = 0; i < standardShape.columns().size(); i++) {
                StandardsGrid.Column column = standardShape.columns().get(i);
                int index = i;
                String header = getTranslation(column.standard() ? "evidence.mastery.standard"
                        : "evidence.mastery.loose-indicator", i + 1, column.label());
                table.addComponentColumn(row -> standardCell(row, column, row.cells().get(index)))
                        .setKey("s" + column.itemId()).setHeader(head(header,
                                getTranslation("evidence.mastery.standard-short", i + 1)))
                        .setAutoWidth(true).setFlexGrow(0);
            }
        } else {
            for (int i = 0; i < shape.columns().size(); i++) {
                MasteryGrid.Column column = shape.columns().get(i);
                int index = i;
                String header = getTranslation("evidence.mastery.target", i + 1, column.label());
                table.addComponentColumn(row -> cellButton(row, column, row.cells().get(index)))
                        .setKey("t" + column.targetId()).setHeader(head(header,
                                getTranslation("evidence.mastery.target-short", i + 1)))
                        .setAutoWidth(true).setFlexGrow(0);
            }
        }
        table.addComponentColumn(row -> {
                    Span cell = new Span(LevelChip.of(this, row.unit()), new Span(" " + getTranslation(
                            "evidence.mastery.assessed", row.unit().count(), row.indicatorsTotal())));
                    cell.setId("mastery-unit-" + row.studentPersonId());
                    return cell;
                })
                .setKey("unit").setHeader(getTranslation("evidence.mastery.unit-column")).setAutoWidth(true);
        if (byStandard) {
            table.setItems(query -> mastery.standardsGridPage(unitId, query.getOffset(), query.getLimit()).rows().stream(),
                    query -> students);
        } else {
            table.setItems(query -> mastery.gridPage(unitId, query.getOffset(), query.getLimit()).rows().stream(),
                    query -> students);
        }
        grid.add(table);
        if (students == 0) {
            grid.add(new Paragraph(getTranslation("evidence.mastery.no-students")));
        }
    }

    /**
     * A short header ("T1", "S1") that names the whole column: a tooltip for pointers, and for screen
     * readers the full name as hidden text (an aria-label on a plain span is not read).
     */
    private static Span head(String full, String shortText) {
        Span visible = new Span(shortText);
        visible.getElement().setAttribute("aria-hidden", "true");
        Span spoken = new Span(full);
        spoken.addClassName("cairn-sr-only");
        Span head = new Span(visible, spoken);
        head.setTitle(full);
        return head;
    }

    private RouterLink studentLink(MasteryGrid.Row row, long unitId) {
        RouterLink link = new RouterLink(studentName(row), StudentEvidenceView.class,
                new RouteParameters(Map.of("studentId", String.valueOf(row.studentPersonId()))));
        link.setQueryParameters(QueryParameters.of(StudentEvidenceView.UNIT, String.valueOf(unitId)));
        link.setId("mastery-student-" + row.studentPersonId());
        link.getElement().setAttribute("aria-label", getTranslation("evidence.mastery.open-student", studentName(row)));
        return link;
    }

    private Button cellButton(MasteryGrid.Row row, MasteryGrid.Column column, ProficiencyCell cell) {
        String name = studentName(row);
        Button explain = new Button();
        explain.addClickListener(click -> explain(row.studentPersonId(), name, column));
        explain.getElement().appendChild(LevelChip.of(this, cell).getElement());
        explain.setId("mastery-cell-" + row.studentPersonId() + "-" + column.targetId());
        explain.addThemeVariants(ButtonVariant.TERTIARY);
        explain.addClassName("cairn-cell-button");
        explain.getElement().setAttribute("aria-label", getTranslation("evidence.mastery.explain", name,
                column.label(), LevelChip.text(this, cell)));
        return explain;
    }

    private Span standardCell(MasteryGrid.Row row, StandardsGrid.Column column, ProficiencyCell cell) {
        Span chip = LevelChip.of(this, cell);
        chip.setId("mastery-cell-" + row.studentPersonId() + "-s" + column.itemId());
        if (cell.level() != null && column.standard()) {
            chip.setTitle(getTranslation("evidence.mastery.standard-assessed", cell.count()));
        }
        return chip;
    }

    /** The class over the levels, each level as its chip with the count written beside the label. */
    private Div distribution(MasteryDistribution spread) {
        Div box = new Div();
        box.setId("mastery-distribution");
        Span intro = new Span(getTranslation("evidence.mastery.distribution", spread.students()));
        intro.setId("mastery-distribution-intro");
        UnorderedList levels = new UnorderedList();
        levels.addClassName("cairn-distribution");
        for (MasteryDistribution.LevelCount count : spread.levels()) {
            levels.add(new ListItem(LevelChip.of(count.level(), getTranslation("evidence.mastery.distribution-level",
                    count.level().label(), count.students()))));
        }
        Span none = new Span(getTranslation("evidence.mastery.distribution-level",
                getTranslation("evidence.mastery.none"), spread.notYet()));
        none.addClassNames("cairn-level-chip", "cairn-level-none");
        levels.add(new ListItem(none));
        box.add(intro, levels);
        return box;
    }

    private String studentName(MasteryGrid.Row row) {
        return row.name() == null ? getTranslation("evidence.unnamed") : row.name();
    }

    private void explain(long studentId, String name, MasteryGrid.Column column) {
        why.show(getTranslation("evidence.why.title", name, column.label()), mastery.why(studentId, column.indicatorId()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("evidence.mastery.title");
    }
}
