package app.cairn.rubric.ui;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import app.cairn.rubric.IndicatorChoice;
import app.cairn.rubric.Rubric;
import app.cairn.rubric.RubricConflictException;
import app.cairn.rubric.RubricDraft;
import app.cairn.rubric.RubricProblem;
import app.cairn.rubric.RubricRejectedException;
import app.cairn.rubric.RubricVersion;
import app.cairn.rubric.Rubrics;
import app.cairn.shared.ui.CourseLayout;
import jakarta.annotation.security.RolesAllowed;

/**
 * The rubric builder: a table with one row per criterion and one column per level, every cell a
 * labelled text area, so a keyboard user tabs through the rubric row by row. The table scrolls
 * sideways inside its own box on narrow LMS iframes. Problems are shown at their fields and in a
 * summary that screen readers announce. Rubrics shared with the platform open read-only.
 */
@Route(value = "rubrics/:rubricId", layout = CourseLayout.class)
@RolesAllowed("TEACHER")
public class RubricBuilderView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Rubrics rubrics;
    private final H1 heading = new H1();
    private final Paragraph versionLine = new Paragraph();
    private final Div problems = new Div();
    private final TextField title = new TextField();
    private final Div editor = new Div();
    private final List<CriterionRow> rows = new ArrayList<>();
    private final Button addCriterion = new Button();
    private final Button save = new Button();
    private List<IndicatorChoice> choices = List.of();
    private List<RubricVersion.Level> levels = List.of();
    private @Nullable Rubric rubric;
    private @Nullable ExemplarList rubricExemplars;
    private @Nullable NativeTable table;

    public RubricBuilderView(Rubrics rubrics) {
        this.rubrics = rubrics;
        addClassName("cairn-rubric-builder");
        setPadding(false);
        heading.setText(getTranslation("rubric.builder.title"));
        versionLine.setId("rubric-version");
        versionLine.getElement().setAttribute("role", "status");
        problems.setId("rubric-problems");
        problems.addClassName("cairn-problems");
        problems.getElement().setAttribute("role", "alert");
        problems.setVisible(false);

        title.setId("rubric-title");
        title.setLabel(getTranslation("rubric.title"));
        title.setMaxLength(300);
        title.setManualValidation(true);
        title.setWidthFull();

        addCriterion.setId("add-criterion");
        addCriterion.setText(getTranslation("rubric.criterion.add"));
        addCriterion.addClickListener(event -> addCriterion());
        save.setId("save-rubric");
        save.setText(getTranslation("rubric.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(event -> save());
        editor.setWidthFull();
        add(heading, versionLine, problems, editor);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Long id = event.getRouteParameters().getLong("rubricId").orElse(null);
        try {
            if (id == null) {
                throw new AccessDeniedException("No rubric id");
            }
            Rubric found = rubrics.rubric(id);
            choices = found.editable() ? rubrics.indicators() : List.of();
            show(found);
        } catch (AccessDeniedException e) {
            editor.removeAll();
            versionLine.setText("");
            Paragraph missing = new Paragraph(getTranslation("rubric.not-found"));
            missing.setId("rubric-not-found");
            editor.add(missing);
        }
    }

    private void show(Rubric shown) {
        rubric = shown;
        levels = shown.current().levels();
        editor.removeAll();
        clearProblems();
        versionLine.setText(versionText(shown.current()));
        if (!shown.editable()) {
            Paragraph readOnly = new Paragraph(getTranslation("rubric.builder.read-only"));
            readOnly.setId("rubric-read-only");
            editor.add(readOnly, new RubricView(shown));
            return;
        }
        title.setValue(shown.title());
        rows.clear();
        RubricDraft draft = shown.toDraft();
        draft.criteria().forEach(criterion -> rows.add(wire(new CriterionRow(criterion, levels, choices))));
        if (rows.isEmpty()) {
            rows.add(wire(new CriterionRow(emptyCriterion(), levels, choices)));
        }
        table = new NativeTable();
        table.addClassName("cairn-rubric-grid");
        table.setCaptionText(getTranslation("rubric.grid.caption"));
        NativeTableRow header = table.getHead().addRow();
        NativeTableHeaderCell corner = header.addHeaderCell();
        corner.setText(getTranslation("rubric.grid.criterion"));
        corner.getElement().setAttribute("scope", "col");
        for (RubricVersion.Level level : levels) {
            NativeTableHeaderCell cell = header.addHeaderCell();
            cell.getElement().setAttribute("scope", "col");
            cell.setText(RubricView.levelHeading(this, level));
        }
        Div scroller = new Div(table);
        scroller.setId("rubric-grid");
        scroller.addClassName("cairn-rubric-scroll");
        // A scrolling box must take focus, or keyboard users cannot scroll it sideways.
        scroller.getElement().setAttribute("tabindex", "0");
        scroller.getElement().setAttribute("role", "region");
        scroller.getElement().setAttribute("aria-label", getTranslation("rubric.grid.caption"));
        renumber();

        rubricExemplars = new ExemplarList(draft.exemplars());
        rubricExemplars.name("rubric", getTranslation("rubric.exemplars.owner"));
        H2 exemplarsHeading = new H2(getTranslation("rubric.exemplars.title"));
        FlexLayout actions = new FlexLayout(addCriterion, save);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.addClassName("cairn-actions");
        editor.add(title, scroller, exemplarsHeading, rubricExemplars, actions);
    }

    private String versionText(RubricVersion version) {
        if (version.inUse()) {
            return getTranslation("rubric.version.in-use", version.number(), version.number() + 1);
        }
        return version.number() == 1 ? getTranslation("rubric.version.first")
                : getTranslation("rubric.version.later", version.number(), version.number() - 1);
    }

    private static RubricDraft.Criterion emptyCriterion() {
        return new RubricDraft.Criterion("", null, null, List.of(), List.of());
    }

    private CriterionRow wire(CriterionRow row) {
        row.up.addClickListener(event -> move(row, -1, row.up));
        row.down.addClickListener(event -> move(row, +1, row.down));
        row.remove.addClickListener(event -> remove(row));
        return row;
    }

    private void renumber() {
        if (table == null) {
            return;
        }
        table.getBody().removeAllRows();
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).number(i, rows.size());
            table.getBody().addRows(rows.get(i));
        }
    }

    private void addCriterion() {
        CriterionRow row = wire(new CriterionRow(emptyCriterion(), levels, choices));
        rows.add(row);
        renumber();
        row.title.focus();
    }

    private void move(CriterionRow row, int by, Button pressed) {
        int from = rows.indexOf(row);
        int to = from + by;
        if (from < 0 || to < 0 || to >= rows.size()) {
            return;
        }
        rows.remove(from);
        rows.add(to, row);
        renumber();
        // Keep the keyboard where it was: on the same button of the moved row, if it still works.
        if (pressed.isEnabled()) {
            pressed.focus();
        } else {
            row.title.focus();
        }
    }

    private void remove(CriterionRow row) {
        rows.remove(row);
        renumber();
        addCriterion.focus();
    }

    private void save() {
        Rubric current = rubric;
        if (current == null || rubricExemplars == null) {
            return;
        }
        RubricDraft draft = new RubricDraft(title.getValue(), current.revision(),
                rows.stream().map(CriterionRow::draft).toList(), rubricExemplars.exemplars());
        try {
            Rubric saved = rubrics.save(current.id(), draft);
            show(saved);
            Notification.show(saved.current().number() > current.current().number()
                    ? getTranslation("rubric.saved.new-version", saved.current().number(), current.current().number())
                    : getTranslation("rubric.saved"));
        } catch (RubricRejectedException e) {
            showProblems(e.problems());
        } catch (RubricConflictException e) {
            clearProblems();
            Button reload = new Button(getTranslation("rubric.reload"), event -> show(rubrics.rubric(current.id())));
            reload.setId("reload-rubric");
            problems.add(new Paragraph(getTranslation(RubricConflictException.MESSAGE_KEY)), reload);
            problems.setVisible(true);
        }
    }

    private void showProblems(List<RubricProblem> found) {
        clearProblems();
        UnorderedList list = new UnorderedList();
        for (RubricProblem problem : found) {
            String message = getTranslation(problem.messageKey());
            Integer row = problem.criterion();
            HasValidation field = null;
            if (row == null) {
                if (problem.field() == RubricProblem.Field.TITLE) {
                    field = title;
                } else if (problem.field() == RubricProblem.Field.EXEMPLAR && rubricExemplars != null
                        && problem.index() != null && problem.index() < rubricExemplars.size()) {
                    field = rubricExemplars.field(problem.index());
                }
                list.add(new ListItem(message));
            } else {
                CriterionRow criterion = row < rows.size() ? rows.get(row) : null;
                if (criterion != null) {
                    field = criterion.field(problem);
                }
                Integer level = problem.index();
                String where = criterion == null ? getTranslation("rubric.criterion.unnamed", row + 1) : criterion.name();
                list.add(new ListItem(problem.field() == RubricProblem.Field.DESCRIPTOR && level != null && level < levels.size()
                        ? getTranslation("rubric.problem.at-cell", where, levels.get(level).label(), message)
                        : getTranslation("rubric.problem.at-criterion", where, message)));
            }
            if (field != null && !field.isInvalid()) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            }
        }
        problems.add(new Paragraph(getTranslation("rubric.problems.title")), list);
        problems.setVisible(true);
    }

    private void clearProblems() {
        problems.removeAll();
        problems.setVisible(false);
        title.setInvalid(false);
        title.setErrorMessage(null);
        rows.forEach(CriterionRow::clearErrors);
        if (rubricExemplars != null) {
            rubricExemplars.clearErrors();
        }
    }

    @Override
    public String getPageTitle() {
        return rubric == null ? getTranslation("rubric.builder.title") : rubric.title();
    }
}
