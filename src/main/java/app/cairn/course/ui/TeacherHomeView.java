package app.cairn.course.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;

import app.cairn.course.CourseDirectory;
import app.cairn.course.CourseOverview;
import app.cairn.shared.CurrentViewer;
import app.cairn.shared.ui.CourseLayout;
import jakarta.annotation.security.RolesAllowed;

/** Where a teacher lands after launching Cairn from their course. */
@Route(value = "teacher", layout = CourseLayout.class)
@RolesAllowed("TEACHER")
public class TeacherHomeView extends HomeView {

    public TeacherHomeView(CourseDirectory courses, CurrentViewer currentViewer) {
        this(courses.overviewOfMyCourse(), currentViewer);
    }

    private TeacherHomeView(CourseOverview course, CurrentViewer currentViewer) {
        super("teacher", course, currentViewer);
        Paragraph counts = new Paragraph(getTranslation("home.teacher.counts", course.studentCount(),
                course.teacherCount()));
        counts.setId("course-counts");
        add(counts);
        addEmptyState();
    }
}
