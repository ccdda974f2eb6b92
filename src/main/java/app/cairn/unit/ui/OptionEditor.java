package app.cairn.unit.ui;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import app.cairn.unit.Modality;
import app.cairn.unit.UnitDraft;
import app.cairn.unit.UnitProblem;

/** One learning option of a menu: labelled fields, ids {@code option-<t>-<a>-<o>-*}. */
class OptionEditor extends Div {

    private final @Nullable Long id;
    final TextField title = new TextField();
    final TextArea description = new TextArea();
    final Select<Modality> modality = new Select<>();
    final TextArea links = new TextArea();
    final IntegerField minutes = new IntegerField();
    final TextField mentor = new TextField();
    final Button remove = new Button();

    OptionEditor(UnitDraft.OptionDraft draft, String prefix, String name) {
        this.id = draft.id();
        addClassName("cairn-option");
        title.setId(prefix + "-title");
        title.setLabel(getTranslation("unit.option.title"));
        title.setValue(draft.title());
        title.setMaxLength(300);
        description.setId(prefix + "-description");
        description.setLabel(getTranslation("unit.option.description"));
        description.setValue(draft.description() == null ? "" : draft.description());
        modality.setId(prefix + "-modality");
        modality.setLabel(getTranslation("unit.option.modality"));
        modality.setItems(Modality.values());
        modality.setItemLabelGenerator(m -> getTranslation("unit.modality." + m));
        modality.setValue(draft.modality());
        links.setId(prefix + "-links");
        links.setLabel(getTranslation("unit.option.links"));
        links.setHelperText(getTranslation("unit.option.links.help"));
        links.setValue(String.join("\n", draft.links()));
        minutes.setId(prefix + "-minutes");
        minutes.setLabel(getTranslation("unit.option.minutes"));
        minutes.setMin(1);
        minutes.setValue(draft.estimatedMinutes());
        mentor.setId(prefix + "-mentor");
        mentor.setLabel(getTranslation("unit.option.mentor"));
        mentor.setValue(draft.mentorOrSite() == null ? "" : draft.mentorOrSite());
        mentor.setVisible(draft.modality() == Modality.WORK_BASED);
        modality.addValueChangeListener(event -> mentor.setVisible(event.getValue() == Modality.WORK_BASED));
        remove.setId(prefix + "-remove");
        remove.setText(getTranslation("unit.option.remove"));
        remove.setAriaLabel(getTranslation("unit.option.remove.label", name));
        title.setWidthFull();
        description.setWidthFull();
        links.setWidthFull();
        mentor.setWidthFull();
        title.setManualValidation(true);
        description.setManualValidation(true);
        links.setManualValidation(true);
        minutes.setManualValidation(true);
        mentor.setManualValidation(true);
        add(title, modality, description, links, minutes, mentor, remove);
    }

    UnitDraft.OptionDraft draft() {
        List<String> lines = links.getValue().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return new UnitDraft.OptionDraft(id, title.getValue(), description.getValue(),
                modality.getValue() == null ? Modality.WRITTEN : modality.getValue(), lines, minutes.getValue(),
                mentor.getValue());
    }

    @Nullable HasValidation field(UnitProblem.Field field) {
        return switch (field) {
            case OPTION_TITLE -> title;
            case OPTION_TEXT -> description;
            case OPTION_LINKS -> links;
            case OPTION_MINUTES -> minutes;
            case OPTION_MENTOR -> mentor;
            default -> null;
        };
    }
}
