package app.cairn.unit.ui;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;

import app.cairn.unit.IndicatorOption;
import app.cairn.unit.RubricOption;
import app.cairn.unit.UnitDraft;
import app.cairn.unit.UnitProblem;

/** A learning target: its performance indicator and objectives, suggested date, assessments; ids {@code target-<t>-*}. */
class TargetEditor extends Section {

    private final @Nullable Long id;
    final ComboBox<IndicatorOption> indicator = new ComboBox<>();
    final DatePicker date = new DatePicker();
    final List<AssessmentEditor> assessments = new ArrayList<>();
    final Button up = new Button();
    final Button down = new Button();
    final Button remove = new Button();
    final Button addAssessment = new Button();

    TargetEditor(UnitDraft.TargetDraft draft, int t, int count, List<IndicatorOption> indicators,
                 List<RubricOption> rubrics) {
        this.id = draft.id();
        String prefix = "target-" + t;
        setId(prefix);
        addClassName("cairn-target");
        IndicatorOption chosen = indicators.stream().filter(i -> i.id() == draft.indicatorId()).findFirst().orElse(null);
        String name = getTranslation("unit.target.name", t + 1);
        H3 heading = new H3(chosen == null ? name : name + ": " + chosen.label());
        indicator.setId(prefix + "-indicator");
        indicator.setLabel(getTranslation("unit.target.indicator"));
        indicator.setItems(indicators);
        indicator.setItemLabelGenerator(IndicatorOption::label);
        indicator.setValue(chosen);
        indicator.setWidthFull();
        indicator.setManualValidation(true);
        date.setId(prefix + "-date");
        date.setLabel(getTranslation("unit.target.date"));
        date.setHelperText(getTranslation("unit.target.date.help"));
        date.setValue(draft.suggestedDate());
        add(heading, indicator);
        if (chosen != null && !chosen.objectives().isEmpty()) {
            UnorderedList objectives = new UnorderedList();
            objectives.setId(prefix + "-objectives");
            objectives.getElement().setAttribute("aria-label", getTranslation("unit.target.objectives"));
            chosen.objectives().forEach(o -> objectives.add(new ListItem(o)));
            add(objectives);
        }
        up.setId(prefix + "-up");
        up.setText(getTranslation("unit.move.up"));
        up.setAriaLabel(getTranslation("unit.target.up.label", t + 1));
        up.setEnabled(t > 0);
        down.setId(prefix + "-down");
        down.setText(getTranslation("unit.move.down"));
        down.setAriaLabel(getTranslation("unit.target.down.label", t + 1));
        down.setEnabled(t < count - 1);
        remove.setId(prefix + "-remove");
        remove.setText(getTranslation("unit.target.remove"));
        remove.setAriaLabel(getTranslation("unit.target.remove.label", t + 1));
        FlexLayout moves = new FlexLayout(up, down, remove);
        moves.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        moves.addClassName("cairn-actions");
        add(date, moves);
        for (int a = 0; a < draft.assessments().size(); a++) {
            AssessmentEditor assessment = new AssessmentEditor(draft.assessments().get(a), t, a, rubrics);
            assessments.add(assessment);
            add(assessment);
        }
        addAssessment.setId(prefix + "-add-assessment");
        addAssessment.setText(getTranslation("unit.assessment.add"));
        addAssessment.setAriaLabel(getTranslation("unit.assessment.add.label", t + 1));
        add(addAssessment);
    }

    /** With no indicator chosen the id is -1, which the service refuses at the field. */
    UnitDraft.TargetDraft draft() {
        IndicatorOption chosen = indicator.getValue();
        return new UnitDraft.TargetDraft(id, chosen == null ? -1 : chosen.id(), date.getValue(),
                assessments.stream().map(AssessmentEditor::draft).toList());
    }

    @Nullable HasValidation field(UnitProblem problem) {
        if (problem.assessment() != null) {
            return problem.assessment() < assessments.size() ? assessments.get(problem.assessment()).field(problem) : null;
        }
        return problem.field() == UnitProblem.Field.INDICATOR ? indicator : null;
    }
}
