package app.cairn.rubric.ui;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import app.cairn.rubric.Exemplar;
import app.cairn.rubric.IndicatorChoice;
import app.cairn.rubric.RubricDraft;
import app.cairn.rubric.RubricProblem;
import app.cairn.rubric.RubricVersion;

/**
 * One criterion of the rubric builder as a table row: its title, indicator, description, exemplars
 * and buttons in the first cell, then one descriptor per level. Rows are tabbed through in order.
 */
class CriterionRow extends NativeTableRow {

    final TextField title = new TextField();
    final ComboBox<IndicatorChoice> indicator = new ComboBox<>();
    final TextArea description = new TextArea();
    final ExemplarList exemplars;
    final List<TextArea> cells = new ArrayList<>();
    final Button up = new Button();
    final Button down = new Button();
    final Button remove = new Button();
    private final List<RubricVersion.Level> levels;
    private int number;

    CriterionRow(RubricDraft.Criterion criterion, List<RubricVersion.Level> levels, List<IndicatorChoice> choices) {
        this.levels = levels;
        title.setLabel(getTranslation("rubric.criterion.title"));
        title.setMaxLength(300);
        title.setManualValidation(true);
        title.setValueChangeMode(ValueChangeMode.ON_BLUR);
        title.setValue(criterion.title() == null ? "" : criterion.title());
        title.addValueChangeListener(event -> nameCells());

        indicator.setLabel(getTranslation("rubric.criterion.indicator"));
        indicator.setItems(choices);
        indicator.setItemLabelGenerator(IndicatorChoice::label);
        indicator.setManualValidation(true);
        indicator.setWidthFull();
        if (criterion.indicatorId() != null) {
            choices.stream().filter(choice -> choice.id() == criterion.indicatorId()).findFirst()
                    .ifPresent(indicator::setValue);
        }

        description.setLabel(getTranslation("rubric.criterion.description"));
        description.setMaxLength(5000);
        description.setValue(criterion.description() == null ? "" : criterion.description());

        exemplars = new ExemplarList(criterion.exemplars());

        up.setText(getTranslation("rubric.criterion.up"));
        down.setText(getTranslation("rubric.criterion.down"));
        remove.setText(getTranslation("rubric.criterion.remove"));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button button : List.of(up, down, remove)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        FlexLayout buttons = new FlexLayout(up, down, remove);
        buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        buttons.addClassName("cairn-actions");

        NativeTableHeaderCell head = addHeaderCell();
        head.getElement().setAttribute("scope", "row");
        head.addClassName("cairn-criterion");
        head.add(title, indicator, description, exemplars, buttons);

        for (int level = 0; level < levels.size(); level++) {
            TextArea cell = new TextArea();
            cell.setManualValidation(true);
            cell.setMaxLength(5000);
            cell.setWidthFull();
            cell.setValue(level < criterion.descriptors().size() ? criterion.descriptors().get(level) : "");
            cells.add(cell);
            NativeTableCell td = addDataCell();
            td.add(cell);
        }
    }

    /** Sets ids and accessible names for the row's place in the rubric. */
    void number(int index, int count) {
        this.number = index + 1;
        String id = "criterion-" + index;
        setId(id);
        title.setId(id + "-title");
        indicator.setId(id + "-indicator");
        description.setId(id + "-description");
        up.setId(id + "-up");
        down.setId(id + "-down");
        remove.setId(id + "-remove");
        up.setAriaLabel(getTranslation("rubric.criterion.up.aria", number));
        down.setAriaLabel(getTranslation("rubric.criterion.down.aria", number));
        remove.setAriaLabel(getTranslation("rubric.criterion.remove.aria", number));
        up.setEnabled(index > 0);
        down.setEnabled(index < count - 1);
        for (int level = 0; level < cells.size(); level++) {
            cells.get(level).setId("cell-" + index + "-" + level);
        }
        exemplars.name(id, name());
        nameCells();
    }

    /** "Fair test", or "criterion 2" while the title is empty. */
    String name() {
        String typed = title.getValue().strip();
        return typed.isEmpty() ? getTranslation("rubric.criterion.unnamed", number) : typed;
    }

    private void nameCells() {
        for (int level = 0; level < cells.size(); level++) {
            cells.get(level).setAriaLabel(getTranslation("rubric.cell.aria", name(), levels.get(level).label()));
        }
    }

    RubricDraft.Criterion draft() {
        IndicatorChoice chosen = indicator.getValue();
        return new RubricDraft.Criterion(title.getValue(), chosen == null ? null : chosen.id(), description.getValue(),
                cells.stream().map(TextArea::getValue).toList(), exemplars.exemplars());
    }

    @Nullable HasValidation field(RubricProblem problem) {
        Integer index = problem.index();
        return switch (problem.field()) {
            case CRITERION_TITLE -> title;
            case INDICATOR -> indicator;
            case DESCRIPTOR -> index != null && index < cells.size() ? cells.get(index) : null;
            case EXEMPLAR -> index != null && index < exemplars.size() ? exemplars.field(index) : null;
            default -> null;
        };
    }

    void clearErrors() {
        List<HasValidation> fields = new ArrayList<>(List.of(title, indicator));
        fields.addAll(cells);
        fields.forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
        exemplars.clearErrors();
    }

    Component focusTarget() {
        return title;
    }
}
