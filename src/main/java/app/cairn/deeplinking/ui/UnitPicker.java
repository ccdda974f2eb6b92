package app.cairn.deeplinking.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextField;

import app.cairn.deeplinking.Placements;
import app.cairn.unit.UnitLink;
import app.cairn.unit.UnitRejectedException;
import app.cairn.unit.UnitStatus;

/**
 * The course's units to choose from, as native radio buttons (one unit) or checkboxes (several),
 * so the keyboard and screen readers work as everywhere; below them, a field to start a new unit
 * by title, which then appears chosen. Used by the deep linking picker and by links not set up yet.
 */
class UnitPicker extends Div {

    private final Placements placements;
    private final boolean multiple;
    private final RadioButtonGroup<UnitLink> one = new RadioButtonGroup<>();
    private final CheckboxGroup<UnitLink> several = new CheckboxGroup<>();
    private final Paragraph empty = new Paragraph();
    private final TextField newTitle = new TextField();
    private List<UnitLink> units = List.of();

    UnitPicker(Placements placements, boolean multiple, String label) {
        this.placements = placements;
        this.multiple = multiple;
        setId("unit-picker");
        setWidthFull();
        one.setId("units");
        one.setLabel(label);
        one.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        one.setItemLabelGenerator(this::itemLabel);
        several.setId("units");
        several.setLabel(label);
        several.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        several.setItemLabelGenerator(this::itemLabel);
        empty.setId("units-empty");
        empty.setText(getTranslation("deeplinking.pick.empty"));
        newTitle.setId("new-unit-title");
        newTitle.setLabel(getTranslation("deeplinking.pick.new-title"));
        newTitle.setMaxLength(300);
        newTitle.setManualValidation(true);
        Button create = new Button(getTranslation("deeplinking.pick.create"), event -> create());
        create.setId("create-unit");
        newTitle.addKeyPressListener(Key.ENTER, event -> create());
        FlexLayout start = new FlexLayout(newTitle, create);
        start.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        start.setAlignItems(FlexComponent.Alignment.BASELINE);
        start.addClassName("cairn-actions");
        add(multiple ? several : one, empty, start);
        refresh();
    }

    /** The ids of the chosen units, in list order. */
    List<Long> selected() {
        List<Long> ids = new ArrayList<>();
        if (multiple) {
            units.stream().filter(several.getValue()::contains).forEach(unit -> ids.add(unit.id()));
        } else if (one.getValue() != null) {
            ids.add(one.getValue().id());
        }
        return ids;
    }

    /** Marks the list as wrongly answered, with the message read out by screen readers. */
    void showError(String message) {
        if (multiple) {
            several.setErrorMessage(message);
            several.setInvalid(true);
            several.getElement().callJsFunction("focus");
        } else {
            one.setErrorMessage(message);
            one.setInvalid(true);
            one.getElement().callJsFunction("focus");
        }
    }

    private void refresh() {
        units = placements.units();
        if (multiple) {
            Set<UnitLink> kept = several.getValue();
            several.setItems(units);
            several.setValue(units.stream().filter(u -> kept.stream().anyMatch(k -> k.id() == u.id()))
                    .collect(java.util.stream.Collectors.toSet()));
        } else {
            UnitLink kept = one.getValue();
            one.setItems(units);
            if (kept != null) {
                units.stream().filter(u -> u.id() == kept.id()).findFirst().ifPresent(one::setValue);
            }
        }
        empty.setVisible(units.isEmpty());
    }

    private void create() {
        try {
            UnitLink created = placements.createUnit(newTitle.getValue());
            newTitle.clear();
            newTitle.setInvalid(false);
            refresh();
            UnitLink shown = units.stream().filter(u -> u.id() == created.id()).findFirst().orElse(created);
            if (multiple) {
                Set<UnitLink> chosen = new java.util.HashSet<>(several.getValue());
                chosen.add(shown);
                several.setValue(chosen);
                several.setInvalid(false);
            } else {
                one.setValue(shown);
                one.setInvalid(false);
            }
            Notification.show(getTranslation("deeplinking.pick.created", created.title()));
        } catch (UnitRejectedException e) {
            newTitle.setErrorMessage(getTranslation(e.problems().getFirst().messageKey()));
            newTitle.setInvalid(true);
        }
    }

    private String itemLabel(UnitLink unit) {
        return unit.status() == UnitStatus.DRAFT ? getTranslation("deeplinking.pick.draft", unit.title()) : unit.title();
    }
}
