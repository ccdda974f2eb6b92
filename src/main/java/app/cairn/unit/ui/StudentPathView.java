package app.cairn.unit.ui;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import app.cairn.rubric.Rubrics;
import app.cairn.shared.ui.CourseLayout;
import app.cairn.unit.StudentPath;
import app.cairn.unit.UnitRejectedException;
import app.cairn.unit.Units;
import jakarta.annotation.security.RolesAllowed;

/**
 * A teacher's look at one student's path, with the gate's two levers for the current target:
 * mark it proficient, or let the student move on with a reason.
 */
@Route(value = "units/:unitId/students/:studentId", layout = CourseLayout.class)
@RolesAllowed("TEACHER")
public class StudentPathView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Units units;
    private final Rubrics rubrics;
    private final H1 heading = new H1();
    private final Div content = new Div();
    private @Nullable StudentPath path;

    public StudentPathView(Units units, Rubrics rubrics) {
        this.units = units;
        this.rubrics = rubrics;
        setPadding(false);
        setMaxWidth("800px");
        heading.setText(getTranslation("unit.student-path.title"));
        content.setWidthFull();
        add(heading, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Long unitId = event.getRouteParameters().getLong("unitId").orElse(null);
        Long studentId = event.getRouteParameters().getLong("studentId").orElse(null);
        try {
            if (unitId == null || studentId == null) {
                throw new AccessDeniedException("No ids");
            }
            show(units.pathOf(unitId, studentId));
        } catch (AccessDeniedException e) {
            path = null;
            content.removeAll();
            Paragraph missing = new Paragraph(getTranslation("unit.not-found"));
            missing.setId("unit-not-found");
            content.add(missing);
        }
    }

    private void show(StudentPath shown) {
        path = shown;
        content.removeAll();
        RouterLink back = new RouterLink(getTranslation("unit.board.back"), UnitBoardView.class,
                new RouteParameters("unitId", String.valueOf(shown.unit().id())));
        back.setId("back-to-board");
        content.add(back);
        StudentPath.Step current = shown.current();
        if (current != null) {
            Div gate = new Div();
            gate.setId("gate");
            gate.add(new H2(getTranslation("unit.gate.title", current.target().position() + 1)));
            Button proficient = new Button(getTranslation("unit.gate.proficient"), e -> {
                units.markTargetProficient(shown.studentPersonId(), current.target().id());
                Notification.show(getTranslation("unit.gate.marked"));
                show(units.pathOf(shown.unit().id(), shown.studentPersonId()));
            });
            proficient.setId("mark-proficient");
            TextArea reason = new TextArea(getTranslation("unit.gate.reason"));
            reason.setId("override-reason");
            reason.setManualValidation(true);
            reason.setWidthFull();
            Button override = new Button(getTranslation("unit.gate.override"), e -> {
                try {
                    units.overrideGate(shown.studentPersonId(), current.target().id(), reason.getValue());
                    Notification.show(getTranslation("unit.gate.overridden"));
                    show(units.pathOf(shown.unit().id(), shown.studentPersonId()));
                } catch (UnitRejectedException ex) {
                    reason.setErrorMessage(getTranslation(ex.problems().getFirst().messageKey()));
                    reason.setInvalid(true);
                }
            });
            override.setId("override-gate");
            gate.add(proficient, reason, override);
            content.add(gate);
        }
        content.add(new PathPanel(units, rubrics, shown, true));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("unit.student-path.title");
    }
}
