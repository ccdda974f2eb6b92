package app.cairn.course.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import app.cairn.shared.CurrentViewer;

/** The root path sends each person to the home of their role. */
@Route("")
@AnonymousAllowed
public class HomeRedirect extends Div implements BeforeEnterObserver {

    private final CurrentViewer currentViewer;

    public HomeRedirect(CurrentViewer currentViewer) {
        this.currentViewer = currentViewer;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        currentViewer.find().ifPresentOrElse(
                viewer -> event.forwardTo(viewer.isTeacher() ? TeacherHomeView.class : StudentHomeView.class),
                () -> event.forwardTo(NotLaunchedView.class));
    }
}
