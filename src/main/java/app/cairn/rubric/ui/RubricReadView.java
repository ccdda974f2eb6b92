package app.cairn.rubric.ui;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import app.cairn.rubric.Rubric;
import app.cairn.rubric.Rubrics;
import app.cairn.shared.ui.CourseLayout;
import jakarta.annotation.security.PermitAll;

/**
 * A rubric to read, for the students and teachers of the course (and of every course, for rubrics
 * shared with the platform). The service decides who may read which rubric.
 */
@Route(value = "rubric/:rubricId", layout = CourseLayout.class)
@PermitAll
public class RubricReadView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final Rubrics rubrics;
    private String pageTitle;

    public RubricReadView(Rubrics rubrics) {
        this.rubrics = rubrics;
        this.pageTitle = getTranslation("rubric.read.page-title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            long id = event.getRouteParameters().getLong("rubricId")
                    .orElseThrow(() -> new AccessDeniedException("No rubric id"));
            Rubric rubric = rubrics.rubric(id);
            pageTitle = rubric.title();
            add(new RubricView(rubric));
        } catch (AccessDeniedException e) {
            Paragraph missing = new Paragraph(getTranslation("rubric.not-found"));
            missing.setId("rubric-not-found");
            add(missing);
        }
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }
}
