package app.cairn.course.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

import app.cairn.course.CourseOverview;
import app.cairn.shared.CurrentViewer;

/**
 * What both homes show: the course, who you are in it, and an honest empty state. Message keys
 * are {@code home.<role>.*}.
 */
abstract class HomeView extends VerticalLayout implements HasDynamicTitle {

    private final String keyPrefix;

    HomeView(String role, CourseOverview course, CurrentViewer currentViewer) {
        this.keyPrefix = "home." + role + ".";
        addClassName("cairn-home");
        setPadding(false);
        String name = currentViewer.require().displayName();

        H1 title = new H1(course.title());
        title.setId("course-title");
        Paragraph roleLine = new Paragraph(name == null
                ? getTranslation(keyPrefix + "role-anonymous")
                : getTranslation(keyPrefix + "role", name));
        roleLine.setId("viewer-role");
        add(title, roleLine);
    }

    /** The "what comes next" box, added after anything the subclass shows first. */
    protected final void addEmptyState() {
        Section next = new Section(new H2(getTranslation(keyPrefix + "next.title")),
                new Paragraph(getTranslation(keyPrefix + "next.body")));
        next.setId("empty-state");
        next.addClassName("cairn-empty-state");
        add(next);
    }

    @Override
    public String getPageTitle() {
        return getTranslation(keyPrefix + "page-title");
    }
}
