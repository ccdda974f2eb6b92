package app.cairn.unit.ui;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import app.cairn.rubric.Rubrics;
import app.cairn.shared.ui.CourseLayout;
import app.cairn.unit.Units;
import jakarta.annotation.security.RolesAllowed;

/** A student's own path through one unit: where an LMS link to the unit takes them. */
@Route(value = "units/:unitId/path", layout = CourseLayout.class)
@RolesAllowed("STUDENT")
public class MyPathView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Units units;
    private final Rubrics rubrics;
    private final Div content = new Div();

    public MyPathView(Units units, Rubrics rubrics) {
        this.units = units;
        this.rubrics = rubrics;
        setPadding(false);
        setMaxWidth("800px");
        content.setWidthFull();
        add(new H1(getTranslation("unit.path.my-title")), content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        content.removeAll();
        try {
            long unitId = event.getRouteParameters().getLong("unitId")
                    .orElseThrow(() -> new AccessDeniedException("No unit id"));
            content.add(new PathPanel(units, rubrics, units.myPath(unitId), false));
        } catch (AccessDeniedException e) {
            Paragraph missing = new Paragraph(getTranslation("unit.path.my-not-found"));
            missing.setId("unit-not-found");
            content.add(missing);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("unit.path.my-title");
    }
}
