package app.cairn.proficiency.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import app.cairn.proficiency.LevelDraft;
import app.cairn.proficiency.ProficiencyScales;
import app.cairn.proficiency.ScaleConflictException;
import app.cairn.proficiency.ScaleDraft;
import app.cairn.proficiency.ScaleProblem;
import app.cairn.proficiency.ScaleRejectedException;
import app.cairn.proficiency.ScaleView;
import app.cairn.shared.ui.CourseLayout;
import jakarta.annotation.security.RolesAllowed;

/**
 * Where a teacher sets the proficiency scale of their course: one block of labelled fields per
 * level, lowest first. Problems are shown at their fields and listed in a summary that screen
 * readers announce.
 */
@Route(value = "scale", layout = CourseLayout.class)
@RolesAllowed("TEACHER")
public class ScaleEditorView extends VerticalLayout implements HasDynamicTitle {

    // A dark blue-grey for new levels: 7:1 against white, so it passes until the teacher picks one.
    private static final String NEW_LEVEL_COLOUR = "#455a64";

    private final ProficiencyScales scales;
    private final Paragraph source = new Paragraph();
    private final Div problems = new Div();
    private final TextField name = new TextField();
    private final Div levels = new Div();
    private final List<LevelRow> rows = new ArrayList<>();
    private final Button addLevel = new Button();
    private final Button save = new Button();
    private final Button useDefault = new Button();
    private @Nullable Integer baseRevision;

    public ScaleEditorView(ProficiencyScales scales) {
        this.scales = scales;
        addClassName("cairn-scale-editor");
        setPadding(false);

        H1 title = new H1(getTranslation("scale.title"));
        Paragraph intro = new Paragraph(getTranslation("scale.intro"));
        source.setId("scale-source");
        problems.setId("scale-problems");
        problems.addClassName("cairn-problems");
        problems.getElement().setAttribute("role", "alert");
        problems.setVisible(false);

        name.setId("scale-name");
        name.setLabel(getTranslation("scale.name"));
        name.setMaxLength(200);
        // The service decides what is valid; the field only shows its verdict.
        name.setManualValidation(true);
        name.setWidthFull();

        levels.setId("scale-levels");
        levels.addClassName("cairn-levels");

        addLevel.setId("add-level");
        addLevel.setText(getTranslation("scale.add-level"));
        addLevel.addClickListener(event -> addLevel());
        save.setId("save-scale");
        save.setText(getTranslation("scale.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(event -> save());
        useDefault.setId("use-default");
        useDefault.setText(getTranslation("scale.use-default"));
        useDefault.addClickListener(event -> useDefault());

        FlexLayout actions = new FlexLayout(save, useDefault);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.addClassName("cairn-actions");
        add(new SettingsLinks(ScaleEditorView.class), title, intro, source, problems, name, levels, addLevel, actions);
        show(scales.scaleOfMyCourse());
    }

    private void show(ScaleView scale) {
        baseRevision = scale.courseOwn() ? scale.revision() : null;
        source.setText(getTranslation(scale.courseOwn() ? "scale.source.own" : "scale.source.default"));
        useDefault.setVisible(scale.courseOwn());
        name.setValue(scale.name());
        rows.clear();
        scale.levels().forEach(level -> rows.add(wire(new LevelRow(level.toDraft()))));
        renumber();
        clearProblems();
    }

    private void renumber() {
        levels.removeAll();
        for (int i = 0; i < rows.size(); i++) {
            LevelRow row = rows.get(i);
            row.number(i, rows.size());
            levels.add(row);
        }
    }

    private LevelRow wire(LevelRow row) {
        row.up.addClickListener(event -> move(row, -1, row.up));
        row.down.addClickListener(event -> move(row, +1, row.down));
        row.remove.addClickListener(event -> remove(row));
        return row;
    }

    private void addLevel() {
        BigDecimal next = rows.isEmpty() || rows.getLast().points.getValue() == null ? BigDecimal.ONE
                : rows.getLast().points.getValue().add(BigDecimal.ONE);
        LevelRow row = new LevelRow(new LevelDraft(next, "", "", NEW_LEVEL_COLOUR, false));
        rows.add(wire(row));
        renumber();
        row.label.focus();
    }

    private void move(LevelRow row, int by, Button pressed) {
        int from = rows.indexOf(row);
        int to = from + by;
        if (from < 0 || to < 0 || to >= rows.size()) {
            return;
        }
        rows.remove(from);
        rows.add(to, row);
        renumber();
        // Keep the keyboard where it was: on the same button of the level that moved, if it still works.
        if (pressed.isEnabled()) {
            pressed.focus();
        } else {
            row.label.focus();
        }
    }

    private void remove(LevelRow row) {
        rows.remove(row);
        renumber();
        addLevel.focus();
    }

    private ScaleDraft draft() {
        return new ScaleDraft(name.getValue(), baseRevision, rows.stream().map(LevelRow::draft).toList());
    }

    private void save() {
        try {
            ScaleView saved = scales.saveScaleOfMyCourse(draft());
            show(saved);
            Notification.show(getTranslation("scale.saved"));
        } catch (ScaleRejectedException e) {
            showProblems(e.problems());
        } catch (ScaleConflictException e) {
            clearProblems();
            Button reload = new Button(getTranslation("scale.reload"), event -> show(scales.scaleOfMyCourse()));
            reload.setId("reload-scale");
            problems.add(new Paragraph(getTranslation(ScaleConflictException.MESSAGE_KEY)), reload);
            problems.setVisible(true);
        }
    }

    private void useDefault() {
        scales.useDefaultScaleInMyCourse();
        show(scales.scaleOfMyCourse());
        Notification.show(getTranslation("scale.default-in-use"));
    }

    private void showProblems(List<ScaleProblem> found) {
        clearProblems();
        UnorderedList list = new UnorderedList();
        for (ScaleProblem problem : found) {
            String message = getTranslation(problem.messageKey());
            Integer level = problem.level();
            HasValidation field = null;
            if (level == null) {
                if (problem.field() == ScaleProblem.Field.NAME) {
                    field = name;
                }
                list.add(new ListItem(message));
            } else {
                if (level < rows.size()) {
                    field = rows.get(level).field(problem.field());
                }
                list.add(new ListItem(getTranslation("scale.problem.at-level", level + 1, message)));
            }
            if (field != null && !field.isInvalid()) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            }
        }
        problems.add(new Paragraph(getTranslation("scale.problems.title")), list);
        problems.setVisible(true);
    }

    private void clearProblems() {
        problems.removeAll();
        problems.setVisible(false);
        name.setInvalid(false);
        name.setErrorMessage(null);
        rows.forEach(LevelRow::clearErrors);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("scale.page-title");
    }
}
