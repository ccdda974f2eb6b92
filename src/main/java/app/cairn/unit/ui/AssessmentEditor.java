package app.cairn.unit.ui;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import app.cairn.unit.AssessmentKind;
import app.cairn.unit.ChoiceRule;
import app.cairn.unit.RubricOption;
import app.cairn.unit.UnitDraft;
import app.cairn.unit.UnitProblem;

/** An assessment of a target with its menu of options; ids {@code assessment-<t>-<a>-*}. */
class AssessmentEditor extends Div {

    private final @Nullable Long id;
    final TextField title = new TextField();
    final Select<AssessmentKind> kind = new Select<>();
    final ComboBox<RubricOption> rubric = new ComboBox<>();
    final Select<ChoiceRule> rule = new Select<>();
    final Div menu = new Div();
    final List<OptionEditor> options = new ArrayList<>();
    final Button addOption = new Button();
    final Button remove = new Button();

    AssessmentEditor(UnitDraft.AssessmentDraft draft, int t, int a, List<RubricOption> rubrics) {
        this.id = draft.id();
        String prefix = "assessment-" + t + "-" + a;
        String name = draft.title().isBlank() ? getTranslation("unit.assessment.unnamed", a + 1) : draft.title();
        addClassName("cairn-assessment");
        setId(prefix);
        title.setId(prefix + "-title");
        title.setLabel(getTranslation("unit.assessment.title"));
        title.setValue(draft.title());
        title.setMaxLength(300);
        title.setWidthFull();
        kind.setId(prefix + "-kind");
        kind.setLabel(getTranslation("unit.assessment.kind"));
        kind.setItems(AssessmentKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("unit.kind." + k));
        kind.setValue(draft.kind());
        rubric.setId(prefix + "-rubric");
        rubric.setLabel(getTranslation("unit.assessment.rubric"));
        rubric.setItems(rubrics);
        rubric.setItemLabelGenerator(RubricOption::title);
        rubrics.stream().filter(r -> Long.valueOf(r.id()).equals(draft.rubricId())).findFirst().ifPresent(rubric::setValue);
        rubric.setClearButtonVisible(true);
        rule.setId(prefix + "-rule");
        rule.setLabel(getTranslation("unit.assessment.rule"));
        rule.setItems(ChoiceRule.values());
        rule.setItemLabelGenerator(r -> getTranslation("unit.rule." + r));
        rule.setValue(draft.choiceRule());
        title.setManualValidation(true);
        rubric.setManualValidation(true);
        menu.setId(prefix + "-menu");
        menu.addClassName("cairn-menu");
        menu.getElement().setAttribute("role", "group");
        menu.getElement().setAttribute("aria-label", getTranslation("unit.menu.label", name));
        for (int o = 0; o < draft.options().size(); o++) {
            String optionName = draft.options().get(o).title().isBlank()
                    ? getTranslation("unit.option.unnamed", o + 1) : draft.options().get(o).title();
            OptionEditor option = new OptionEditor(draft.options().get(o), "option-" + t + "-" + a + "-" + o, optionName);
            options.add(option);
            menu.add(option);
        }
        addOption.setId(prefix + "-add-option");
        addOption.setText(getTranslation("unit.option.add"));
        addOption.setAriaLabel(getTranslation("unit.option.add.label", name));
        remove.setId(prefix + "-remove");
        remove.setText(getTranslation("unit.assessment.remove"));
        remove.setAriaLabel(getTranslation("unit.assessment.remove.label", name));
        add(new H4(name), title, kind, rubric, rule, menu, addOption, remove);
    }

    UnitDraft.AssessmentDraft draft() {
        return new UnitDraft.AssessmentDraft(id, title.getValue(),
                kind.getValue() == null ? AssessmentKind.FORMATIVE : kind.getValue(),
                rubric.getValue() == null ? null : rubric.getValue().id(),
                rule.getValue() == null ? ChoiceRule.CHOOSE_ONE : rule.getValue(),
                options.stream().map(OptionEditor::draft).toList());
    }

    @Nullable HasValidation field(UnitProblem problem) {
        if (problem.option() != null) {
            return problem.option() < options.size() ? options.get(problem.option()).field(problem.field()) : null;
        }
        return switch (problem.field()) {
            case ASSESSMENT_TITLE -> title;
            case RUBRIC -> rubric;
            default -> null;
        };
    }
}
