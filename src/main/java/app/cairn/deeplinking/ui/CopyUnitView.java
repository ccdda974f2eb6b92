package app.cairn.deeplinking.ui;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import app.cairn.deeplinking.CopyOffer;
import app.cairn.deeplinking.Placements;
import jakarta.annotation.security.RolesAllowed;

/**
 * Course copy, from the teacher's side: a link the LMS copied from an earlier course names a unit
 * of that course. The teacher sees what it is and what a copy takes along (and what it leaves: all
 * student work), then copies it in, or picks another unit for the link instead.
 */
@Route("links/:linkId/copy")
@RolesAllowed("TEACHER")
@StyleSheet("/styles/cairn.css")
public class CopyUnitView extends PlacementPage implements BeforeEnterObserver, HasDynamicTitle {

    private final Placements placements;
    private @Nullable CopyOffer offer;

    public CopyUnitView(Placements placements) {
        super("deeplinking.copy.title", "deeplinking.copy.gone", "copy-gone");
        this.placements = placements;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        offer = event.getRouteParameters().getLong("linkId").flatMap(placements::copyOffer).orElse(null);
        add(new H1(getTranslation("deeplinking.copy.title")));
        if (offer == null) {
            add(gone());
            return;
        }
        Paragraph intro = new Paragraph(getTranslation("deeplinking.copy.intro", offer.source().courseTitle()));
        intro.setId("copy-intro");
        Section unit = new Section();
        unit.setId("copy-source");
        unit.add(new H2(offer.source().title()));
        if (offer.source().description() != null) {
            unit.add(new Paragraph(offer.source().description()));
        }
        Paragraph facts = new Paragraph(getTranslation("deeplinking.copy.facts", offer.source().targets(),
                offer.source().assessments()));
        facts.addClassName("cairn-muted");
        unit.add(facts);
        Paragraph what = new Paragraph(getTranslation("deeplinking.copy.what"));
        what.setId("copy-what");
        Button copy = new Button(getTranslation("deeplinking.copy.confirm"), click -> copy());
        copy.setId("copy-unit");
        copy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button other = new Button(getTranslation("deeplinking.copy.other"), click -> UI.getCurrent()
                .navigate(LinkSetUpView.class, new RouteParameters("linkId", String.valueOf(offer.linkId()))));
        other.setId("choose-other-unit");
        FlexLayout actions = new FlexLayout(copy, other);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.addClassName("cairn-actions");
        add(intro, unit, what, actions);
    }

    private void copy() {
        if (offer == null) {
            return;
        }
        long linkId = offer.linkId();
        leave(() -> UI.getCurrent().navigate(placements.copyForLink(linkId).substring(1)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("deeplinking.copy.title");
    }
}
