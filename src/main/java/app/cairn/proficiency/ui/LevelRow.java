package app.cairn.proficiency.ui;

import java.math.BigDecimal;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import org.jspecify.annotations.Nullable;

import app.cairn.proficiency.LevelDraft;
import app.cairn.proficiency.ScaleColours;
import app.cairn.proficiency.ScaleProblem;

/** One level in the scale editor: its fields, a live colour swatch, and buttons to move or remove it. */
class LevelRow extends Section {

    final H2 heading = new H2();
    final BigDecimalField points = new BigDecimalField();
    final TextField label = new TextField();
    final TextArea description = new TextArea();
    final TextField colour = new TextField();
    final Span swatch = new Span();
    final Checkbox mastery = new Checkbox();
    final Button up = new Button();
    final Button down = new Button();
    final Button remove = new Button();

    LevelRow(LevelDraft level) {
        addClassName("cairn-level");
        points.setLabel(getTranslation("scale.level.points"));
        label.setLabel(getTranslation("scale.level.label"));
        label.setMaxLength(100);
        description.setLabel(getTranslation("scale.level.description"));
        description.setMaxLength(2000);
        colour.setLabel(getTranslation("scale.level.colour"));
        colour.setHelperText(getTranslation("scale.level.colour.help"));
        colour.setMaxLength(7);
        colour.setValueChangeMode(ValueChangeMode.EAGER);
        mastery.setLabel(getTranslation("scale.level.mastery"));
        // The service decides what is valid; the fields only show its verdict.
        points.setManualValidation(true);
        label.setManualValidation(true);
        description.setManualValidation(true);
        colour.setManualValidation(true);
        up.setText(getTranslation("scale.level.up"));
        down.setText(getTranslation("scale.level.down"));
        remove.setText(getTranslation("scale.level.remove"));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);

        points.setValue(level.points());
        label.setValue(level.label() == null ? "" : level.label());
        description.setValue(level.description() == null ? "" : level.description());
        colour.setValue(level.colour() == null ? "" : level.colour());
        mastery.setValue(level.mastery());

        swatch.addClassName("cairn-swatch");
        // The swatch only previews what the fields already say, so screen readers skip it.
        swatch.getElement().setAttribute("aria-hidden", "true");
        colour.addValueChangeListener(event -> paintSwatch());
        label.addValueChangeListener(event -> paintSwatch());
        paintSwatch();

        FormLayout fields = new FormLayout();
        fields.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32em", 2));
        Div colourWithSwatch = new Div(colour, swatch);
        colourWithSwatch.addClassName("cairn-colour");
        fields.add(points, label, colourWithSwatch, mastery);
        fields.add(description, 2);

        FlexLayout actions = new FlexLayout(up, down, remove);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.addClassName("cairn-level-actions");
        add(heading, fields, actions);
    }

    /** Numbers the row (0 is the lowest level): ids, heading and the buttons' spoken names follow. */
    void number(int index, int count) {
        int n = index + 1;
        String prefix = "level-" + index + "-";
        setId(prefix + "row");
        heading.setText(getTranslation("scale.level.heading", n));
        heading.setId(prefix + "heading");
        points.setId(prefix + "points");
        label.setId(prefix + "label");
        description.setId(prefix + "description");
        colour.setId(prefix + "colour");
        swatch.setId(prefix + "swatch");
        mastery.setId(prefix + "mastery");
        up.setId(prefix + "up");
        down.setId(prefix + "down");
        remove.setId(prefix + "remove");
        up.setAriaLabel(getTranslation("scale.level.up.aria", n));
        down.setAriaLabel(getTranslation("scale.level.down.aria", n));
        remove.setAriaLabel(getTranslation("scale.level.remove.aria", n));
        up.setEnabled(index > 0);
        down.setEnabled(index < count - 1);
    }

    LevelDraft draft() {
        BigDecimal value = points.getValue();
        return new LevelDraft(value, label.getValue(), description.getValue(), colour.getValue().strip(),
                mastery.getValue());
    }

    /** The field a problem is about, when the row has one that can show a message. */
    @Nullable HasValidation field(ScaleProblem.Field field) {
        return switch (field) {
            case POINTS -> points;
            case LABEL -> label;
            case DESCRIPTION -> description;
            case COLOUR -> colour;
            default -> null;
        };
    }

    void clearErrors() {
        for (HasValidation field : new HasValidation[] {points, label, description, colour}) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
    }

    private void paintSwatch() {
        String value = colour.getValue().strip();
        String text = label.getValue().isBlank() ? getTranslation("scale.level.swatch-sample") : label.getValue();
        swatch.setText(text);
        if (ScaleColours.isHex(value)) {
            swatch.getStyle().set("background-color", value).set("color", ScaleColours.textColourOn(value));
            swatch.getStyle().remove("border-style").remove("border-color");
        } else {
            swatch.getStyle().remove("background-color").remove("color").set("border-style", "dashed")
                    .set("border-color", "var(--lumo-contrast-60pct)");
        }
    }
}
