package app.cairn.deeplinking.ui;

import java.util.List;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import app.cairn.shared.CurrentViewer;
import jakarta.annotation.security.PermitAll;

/**
 * What a student sees from an LMS link their teacher has not set up yet (or whose unit is still a
 * draft): a friendly word that it is not ready, and the way to their Cairn home. The reason comes
 * from the URL, but only picks one of two messages; nothing is looked up from it.
 */
@Route("not-set-up")
@PermitAll
@StyleSheet("/styles/cairn.css")
public class NotSetUpView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final CurrentViewer currentViewer;
    private boolean draft;

    public NotSetUpView(CurrentViewer currentViewer) {
        this.currentViewer = currentViewer;
        addClassName("cairn-plain");
        setMaxWidth("800px");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        draft = event.getLocation().getQueryParameters().getParameters().getOrDefault("reason", List.of())
                .contains("unit-draft");
        removeAll();
        Paragraph body = new Paragraph(getTranslation(draft ? "deeplinking.not-set-up.draft" : "deeplinking.not-set-up.body"));
        body.setId("not-set-up");
        body.getElement().setAttribute("role", "status");
        boolean teacher = currentViewer.find().map(v -> v.isTeacher()).orElse(false);
        Anchor home = new Anchor(teacher ? "teacher" : "student", getTranslation("deeplinking.not-set-up.home"));
        home.setId("go-home");
        add(new H1(getPageTitle()), body, new Paragraph(home));
    }

    @Override
    public String getPageTitle() {
        return getTranslation(draft ? "deeplinking.not-set-up.draft-title" : "deeplinking.not-set-up.title");
    }
}
