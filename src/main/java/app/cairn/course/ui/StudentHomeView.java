package app.cairn.course.ui;

import com.vaadin.flow.router.Route;

import app.cairn.course.CourseDirectory;
import app.cairn.shared.CurrentViewer;
import app.cairn.shared.ui.CourseLayout;
import jakarta.annotation.security.RolesAllowed;

/** Where a student lands: later their path; for now, an honest word on what will be here. */
@Route(value = "student", layout = CourseLayout.class)
@RolesAllowed("STUDENT")
public class StudentHomeView extends HomeView {

    public StudentHomeView(CourseDirectory courses, CurrentViewer currentViewer) {
        super("student", courses.overviewOfMyCourse(), currentViewer);
        addEmptyState();
    }
}
