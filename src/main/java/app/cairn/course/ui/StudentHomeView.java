package app.cairn.course.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;

import app.cairn.course.CourseDirectory;
import app.cairn.shared.CurrentViewer;
import app.cairn.shared.ui.CourseLayout;
import app.cairn.shared.ui.StudentHomeSection;
import jakarta.annotation.security.RolesAllowed;

/** Where a student lands: the sections features contribute (their path), or an honest empty state. */
@Route(value = "student", layout = CourseLayout.class)
@RolesAllowed("STUDENT")
public class StudentHomeView extends HomeView {

    public StudentHomeView(CourseDirectory courses, CurrentViewer currentViewer, List<StudentHomeSection> sections) {
        super("student", courses.overviewOfMyCourse(), currentViewer);
        List<Component> shown = sections.stream().map(StudentHomeSection::create).flatMap(Optional::stream).toList();
        if (shown.isEmpty()) {
            addEmptyState();
        } else {
            shown.forEach(this::add);
        }
    }
}
