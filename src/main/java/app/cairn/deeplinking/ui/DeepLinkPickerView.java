package app.cairn.deeplinking.ui;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import app.cairn.deeplinking.PickRequest;
import app.cairn.deeplinking.Placements;
import jakarta.annotation.security.RolesAllowed;

/**
 * The picker an LMS opens when a teacher adds Cairn to a course (LTI Deep Linking): the course's
 * units, one or several as the LMS allows, a way to start a new unit, then Add to course (or
 * Cancel). It runs in the LMS's own dialog, so it has no course tabs around it. The answer to the
 * LMS is signed and posted by a page of the LTI feature; this view only sends the browser there.
 */
@Route("deep-linking/:requestId")
@RolesAllowed("TEACHER")
@StyleSheet("/styles/cairn.css")
public class DeepLinkPickerView extends PlacementPage implements BeforeEnterObserver, HasDynamicTitle {

    private final Placements placements;
    private @Nullable PickRequest request;
    private @Nullable UnitPicker picker;

    public DeepLinkPickerView(Placements placements) {
        super("deeplinking.pick.title", "deeplinking.pick.gone", "pick-gone");
        this.placements = placements;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        request = event.getRouteParameters().get("requestId").flatMap(placements::pickRequest).orElse(null);
        if (request == null) {
            add(new H1(getTranslation("deeplinking.pick.title")), gone());
            return;
        }
        H1 title = new H1(getTranslation(request.acceptMultiple() ? "deeplinking.pick.title" : "deeplinking.pick.title-one"));
        Paragraph intro = new Paragraph(getTranslation("deeplinking.pick.intro"));
        intro.setId("pick-intro");
        picker = new UnitPicker(placements, request.acceptMultiple(),
                getTranslation(request.acceptMultiple() ? "deeplinking.pick.units" : "deeplinking.pick.units-one"));
        Button add = new Button(getTranslation("deeplinking.pick.add"), click -> add());
        add.setId("add-to-course");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("deeplinking.pick.cancel"), click -> cancel());
        cancel.setId("cancel-pick");
        FlexLayout actions = new FlexLayout(add, cancel);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.addClassName("cairn-actions");
        add(title, intro, picker, actions);
    }

    private void add() {
        if (request == null || picker == null) {
            return;
        }
        List<Long> chosen = picker.selected();
        if (chosen.isEmpty()) {
            picker.showError(getTranslation(request.acceptMultiple() ? "deeplinking.pick.choose-some"
                    : "deeplinking.pick.choose-one"));
            return;
        }
        answer(() -> placements.placeUnits(request.id(), chosen));
    }

    private void cancel() {
        if (request != null) {
            answer(() -> placements.cancelPlacing(request.id()));
        }
    }

    /** Sends the browser to the page that posts the answer to the LMS, or says the request is gone. */
    private void answer(java.util.function.Supplier<String> send) {
        leave(() -> UI.getCurrent().getPage().setLocation(send.get()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation(request != null && !request.acceptMultiple() ? "deeplinking.pick.title-one"
                : "deeplinking.pick.title");
    }
}
