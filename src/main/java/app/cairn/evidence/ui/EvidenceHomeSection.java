package app.cairn.evidence.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import app.cairn.shared.ui.StudentHomeSection;
import app.cairn.unit.UnitSummary;
import app.cairn.unit.Units;

/** "My evidence" on the student home: a link per published unit to hand in evidence and read feedback. */
@Component
class EvidenceHomeSection implements StudentHomeSection {

    private final Units units;

    EvidenceHomeSection(Units units) {
        this.units = units;
    }

    /** My evidence, and a standard across courses opened from it. */
    @Override
    public Set<String> pages() {
        return Set.of("my-evidence", "graduation");
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create() {
        List<UnitSummary> published = units.units();
        if (published.isEmpty()) {
            return Optional.empty();
        }
        Div box = new Div();
        box.setId("my-evidence");
        box.add(new H2(box.getTranslation("evidence.home.title")));
        UnorderedList list = new UnorderedList();
        for (UnitSummary unit : published) {
            RouterLink link = new RouterLink(box.getTranslation("evidence.home.unit", unit.title()), MyEvidenceView.class,
                    new RouteParameters(Map.of("unitId", String.valueOf(unit.id()))));
            link.setId("my-evidence-" + unit.id());
            list.add(new ListItem(link));
        }
        box.add(list);
        return Optional.of(box);
    }
}
