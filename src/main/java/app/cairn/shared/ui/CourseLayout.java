package app.cairn.shared.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.RouterLayout;

import com.vaadin.flow.component.dependency.StyleSheet;

import app.cairn.shared.CurrentViewer;
import app.cairn.shared.Viewer;
import jakarta.annotation.security.PermitAll;

/**
 * The frame every in-course view sits in. The LMS already draws the header, course menu and
 * sign-in, so Cairn shows only a slim row of tabs above the content.
 */
@StyleSheet("/styles/cairn.css")
@PermitAll
public class CourseLayout extends Div implements RouterLayout {

    private final Main content = new Main();

    public CourseLayout(CurrentViewer currentViewer) {
        addClassName("cairn-layout");
        Tabs tabs = new Tabs();
        tabs.addClassName("cairn-tabs");
        tabs.getElement().setAttribute("aria-label", getTranslation("nav.label"));
        Viewer viewer = currentViewer.find().orElse(null);
        if (viewer != null) {
            // A plain link by path: the router handles it, and shared/ needs no feature's classes.
            Anchor home = new Anchor(viewer.isTeacher() ? "teacher" : "student", getTranslation("nav.home"));
            home.setId("nav-home");
            tabs.add(new Tab(home));
        }
        content.addClassName("cairn-content");
        add(tabs, content);
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.removeAll();
        content.getElement().appendChild(view.getElement());
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        content.removeAll();
    }
}
