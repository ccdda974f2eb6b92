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

/** Where a student lands: later their path; for now, an honest word on what will be here. */
@Route(value = "student", layout = CourseLayout.class)
@RolesAllowed("STUDENT")
public class StudentHomeView extends VerticalLayout implements HasDynamicTitle {

    public StudentHomeView(CourseDirectory courses, CurrentViewer currentViewer) {
        addClassName("cairn-home");
        setPadding(false);
        CourseOverview course = courses.overviewOfMyCourse();
        String name = currentViewer.require().displayName();

        H1 title = new H1(course.title());
        title.setId("course-title");
        Paragraph role = new Paragraph(name == null
                ? getTranslation("home.student.role-anonymous")
                : getTranslation("home.student.role", name));
        role.setId("viewer-role");

        Section next = new Section(new H2(getTranslation("home.student.next.title")),
                new Paragraph(getTranslation("home.student.next.body")));
        next.setId("empty-state");
        next.addClassName("cairn-empty-state");
        add(title, role, next);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.student.page-title");
    }
}
