package app.cairn.unit.ui;

import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import app.cairn.shared.ui.CourseLayout;
import app.cairn.unit.UnitConflictException;
import app.cairn.unit.UnitRejectedException;
import app.cairn.unit.UnitStatus;
import app.cairn.unit.UnitSummary;
import app.cairn.unit.Units;
import jakarta.annotation.security.RolesAllowed;

/** The course's units: start one, duplicate one, publish a draft, open its builder or its board. */
@Route(value = "units", layout = CourseLayout.class)
@RolesAllowed("TEACHER")
public class UnitsView extends VerticalLayout implements HasDynamicTitle {

    private final Units units;
    private final UnorderedList list = new UnorderedList();
    private final TextField newTitle = new TextField();

    public UnitsView(Units units) {
        this.units = units;
        addClassName("cairn-units");
        setPadding(false);
        setMaxWidth("800px");
        newTitle.setId("new-unit-title");
        newTitle.setLabel(getTranslation("unit.new.title"));
        newTitle.setMaxLength(300);
        newTitle.setManualValidation(true);
        Button create = new Button(getTranslation("unit.new"), event -> create());
        create.setId("new-unit");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout start = new FlexLayout(newTitle, create);
        start.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        start.setAlignItems(Alignment.BASELINE);
        start.addClassName("cairn-actions");
        list.setId("unit-list");
        list.addClassName("cairn-unit-list");
        add(new H1(getTranslation("unit.list.title")), start, new H2(getTranslation("unit.list.heading")), list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        List<UnitSummary> all = units.units();
        if (all.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("unit.list.empty"));
            empty.setId("units-empty");
            list.add(new ListItem(empty));
        }
        for (UnitSummary unit : all) {
            list.add(row(unit));
        }
    }

    private ListItem row(UnitSummary unit) {
        RouterLink open = new RouterLink(unit.title(), UnitBuilderView.class,
                new RouteParameters("unitId", String.valueOf(unit.id())));
        open.setId("open-unit-" + unit.id());
        Span facts = new Span(getTranslation("unit.list.facts", getTranslation("unit.status." + unit.status()),
                getTranslation("unit.pacing." + unit.pacing()), unit.targets()));
        facts.addClassName("cairn-muted");
        facts.setId("unit-facts-" + unit.id());
        FlexLayout actions = new FlexLayout();
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.addClassName("cairn-actions");
        Button duplicate = new Button(getTranslation("unit.duplicate"), event -> duplicate(unit));
        duplicate.setId("duplicate-unit-" + unit.id());
        duplicate.setAriaLabel(getTranslation("unit.duplicate.label", unit.title()));
        actions.add(duplicate);
        if (unit.status() == UnitStatus.DRAFT) {
            Button publish = new Button(getTranslation("unit.publish"), event -> publish(unit));
            publish.setId("publish-unit-" + unit.id());
            publish.setAriaLabel(getTranslation("unit.publish.label", unit.title()));
            actions.add(publish);
        } else {
            RouterLink board = new RouterLink(getTranslation("unit.board.open"), UnitBoardView.class,
                    new RouteParameters("unitId", String.valueOf(unit.id())));
            board.setId("board-unit-" + unit.id());
            board.getElement().setAttribute("aria-label", getTranslation("unit.board.open.label", unit.title()));
            actions.add(board);
        }
        Div text = new Div(open, new Div(facts));
        return new ListItem(text, actions);
    }

    private void create() {
        try {
            var unit = units.create(newTitle.getValue());
            UI.getCurrent().navigate(UnitBuilderView.class, new RouteParameters("unitId", String.valueOf(unit.id())));
        } catch (UnitRejectedException e) {
            newTitle.setErrorMessage(getTranslation(e.problems().getFirst().messageKey()));
            newTitle.setInvalid(true);
        }
    }

    private void duplicate(UnitSummary unit) {
        units.duplicate(unit.id(), getTranslation("unit.duplicate.title", unit.title()));
        Notification.show(getTranslation("unit.duplicated", unit.title()));
        refresh();
    }

    private void publish(UnitSummary unit) {
        try {
            units.publish(unit.id(), unit.revision());
            Notification.show(getTranslation("unit.published", unit.title()));
        } catch (UnitRejectedException e) {
            Notification.show(getTranslation(e.problems().getFirst().messageKey()));
        } catch (UnitConflictException e) {
            Notification.show(getTranslation(UnitConflictException.MESSAGE_KEY));
        }
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("unit.list.title");
    }
}
