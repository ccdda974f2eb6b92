package app.cairn.deeplinking.ui;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import app.cairn.deeplinking.LinkToSetUp;
import app.cairn.deeplinking.Placements;
import jakarta.annotation.security.RolesAllowed;

/**
 * Where a teacher lands from an LMS link that opens nothing in Cairn yet (added by hand, or made
 * for a unit Cairn cannot find): they pick the unit it opens, start one, or make it the course
 * home link. Their choice holds for everyone who opens the link from then on.
 */
@Route("links/:linkId")
@RolesAllowed("TEACHER")
@StyleSheet("/styles/cairn.css")
public class LinkSetUpView extends PlacementPage implements BeforeEnterObserver, HasDynamicTitle {

    private final Placements placements;
    private @Nullable LinkToSetUp link;
    private @Nullable UnitPicker picker;

    public LinkSetUpView(Placements placements) {
        super("deeplinking.link.title", "deeplinking.link.gone", "link-gone");
        this.placements = placements;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        link = event.getRouteParameters().getLong("linkId").flatMap(placements::linkToSetUp).orElse(null);
        add(new H1(getTranslation("deeplinking.link.title")));
        if (link == null) {
            add(gone());
            return;
        }
        Paragraph intro = new Paragraph(link.title() == null ? getTranslation("deeplinking.link.intro")
                : getTranslation("deeplinking.link.intro-named", link.title()));
        intro.setId("link-intro");
        add(intro);
        if (link.unitMissing()) {
            Paragraph missing = new Paragraph(getTranslation("deeplinking.link.missing"));
            missing.setId("link-unit-missing");
            missing.getElement().setAttribute("role", "status");
            add(missing);
        }
        picker = new UnitPicker(placements, false, getTranslation("deeplinking.pick.units-one"));
        Button use = new Button(getTranslation("deeplinking.link.tie"), click -> tie());
        use.setId("tie-link");
        use.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout actions = new FlexLayout(use);
        actions.addClassName("cairn-actions");
        Paragraph homeHint = new Paragraph(getTranslation("deeplinking.link.home-hint"));
        Button home = new Button(getTranslation("deeplinking.link.home"), click -> go(() -> placements.useLinkForCourseHome(link.id())));
        home.setId("link-course-home");
        add(picker, actions, new H2(getTranslation("deeplinking.link.home-heading")), homeHint, home);
    }

    private void tie() {
        if (link == null || picker == null) {
            return;
        }
        List<Long> chosen = picker.selected();
        if (chosen.isEmpty()) {
            picker.showError(getTranslation("deeplinking.pick.choose-one"));
            return;
        }
        go(() -> placements.tieLink(link.id(), chosen.getFirst()));
    }

    private void go(java.util.function.Supplier<String> action) {
        leave(() -> UI.getCurrent().navigate(action.get().substring(1)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("deeplinking.link.title");
    }
}
