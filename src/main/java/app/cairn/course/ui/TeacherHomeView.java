package app.cairn.course.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import app.cairn.course.CourseDirectory;
import app.cairn.course.CourseOverview;
import app.cairn.shared.CurrentViewer;
import app.cairn.shared.ui.CourseLayout;
import jakarta.annotation.security.RolesAllowed;

/** Where a teacher lands after launching Cairn from their course. */
@Route(value = "teacher", layout = CourseLayout.class)
@RolesAllowed("TEACHER")
public class TeacherHomeView extends VerticalLayout implements HasDynamicTitle {

    public TeacherHomeView(CourseDirectory courses, CurrentViewer currentViewer) {
        addClassName("cairn-home");
        setPadding(false);
        CourseOverview course = courses.overviewOfMyCourse();
        String name = currentViewer.require().displayName();

        H1 title = new H1(course.title());
        title.setId("course-title");
        Paragraph role = new Paragraph(name == null
                ? getTranslation("home.teacher.role-anonymous")
                : getTranslation("home.teacher.role", name));
        role.setId("viewer-role");
        Paragraph counts = new Paragraph(getTranslation("home.teacher.counts", course.studentCount(), course.teacherCount()));
        counts.setId("course-counts");

        Section next = new Section(new H2(getTranslation("home.teacher.next.title")),
                new Paragraph(getTranslation("home.teacher.next.body")));
        next.setId("empty-state");
        next.addClassName("cairn-empty-state");
        add(title, role, counts, next);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.teacher.page-title");
    }
}
