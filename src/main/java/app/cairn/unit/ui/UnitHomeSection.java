package app.cairn.unit.ui;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;

import app.cairn.rubric.Rubrics;
import app.cairn.shared.ui.StudentHomeSection;
import app.cairn.unit.UnitSummary;
import app.cairn.unit.Units;

/** "My path" on the student home: the published unit's path, or a picker when there are several. */
@Component
class UnitHomeSection implements StudentHomeSection {

    private final Units units;
    private final Rubrics rubrics;

    UnitHomeSection(Units units, Rubrics rubrics) {
        this.units = units;
        this.rubrics = rubrics;
    }

    /** A student's path (units/:unitId/path). */
    @Override
    public Set<String> pages() {
        return Set.of("units");
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create() {
        List<UnitSummary> published = units.units();
        if (published.isEmpty()) {
            return Optional.empty();
        }
        Div box = new Div();
        box.setId("my-path");
        box.setWidthFull();
        Div pathBox = new Div();
        pathBox.setWidthFull();
        if (published.size() > 1) {
            Select<UnitSummary> picker = new Select<>();
            picker.setId("unit-picker");
            picker.setLabel(box.getTranslation("unit.path.pick"));
            picker.setItems(published);
            picker.setItemLabelGenerator(UnitSummary::title);
            picker.addValueChangeListener(event -> {
                pathBox.removeAll();
                if (event.getValue() != null) {
                    pathBox.add(new PathPanel(units, rubrics, units.myPath(event.getValue().id()), false));
                }
            });
            box.add(picker);
            picker.setValue(published.getFirst());
        } else {
            pathBox.add(new PathPanel(units, rubrics, units.myPath(published.getFirst().id()), false));
        }
        box.add(pathBox);
        return Optional.of(box);
    }
}
