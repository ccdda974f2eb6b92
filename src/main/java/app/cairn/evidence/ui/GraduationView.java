package app.cairn.evidence.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import app.cairn.evidence.GraduationStanding;
import app.cairn.evidence.Mastery;
import app.cairn.shared.CurrentViewer;
import app.cairn.shared.ui.CourseLayout;
import jakarta.annotation.security.RolesAllowed;

/**
 * The graduation view: one standard of one student across every course of the platform that has
 * evidence for it: per course the standard's level there (that course's scale and roll-up rule) and
 * each indicator with how many scores count, and whether the standard is shown as mastered (in at
 * least one course). Teachers reach it from a student's body of evidence, students from their own
 * evidence page; {@link Mastery#graduation} lets only the student and their teachers read it, so
 * another student's id shows "not found". The back link leads where each came from: a teacher to the
 * student's body of evidence, a student to their evidence in the unit named by {@link #UNIT}.
 */
@Route(value = "graduation/:studentId/:standardId", layout = CourseLayout.class)
@RolesAllowed({"TEACHER", "STUDENT"})
public class GraduationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The query parameter naming the unit a student came from, for the back link. */
    static final String UNIT = "unit";

    private final Mastery mastery;
    private final CurrentViewer viewer;
    private final Div back = new Div();
    private final H1 heading = new H1();
    private final Div content = new Div();

    public GraduationView(Mastery mastery, CurrentViewer viewer) {
        this.mastery = mastery;
        this.viewer = viewer;
        setPadding(false);
        setMaxWidth("800px");
        heading.setText(getTranslation("evidence.graduation.title"));
        content.setWidthFull();
        add(back, heading, content);
    }

    static RouteParameters parameters(long studentId, long standardId) {
        return new RouteParameters(Map.of("studentId", String.valueOf(studentId), "standardId", String.valueOf(standardId)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Long student = event.getRouteParameters().getLong("studentId").orElse(null);
        Long standard = event.getRouteParameters().getLong("standardId").orElse(null);
        content.removeAll();
        back.removeAll();
        if (student != null) {
            backLink(student, event.getLocation().getQueryParameters().getSingleParameter(UNIT)
                    .map(StudentEvidenceView::number).orElse(null));
        }
        try {
            if (student == null || standard == null) {
                throw new AccessDeniedException("No student or standard id");
            }
            show(mastery.graduation(student, standard));
        } catch (AccessDeniedException e) {
            heading.setText(getTranslation("evidence.graduation.title"));
            Paragraph missing = new Paragraph(getTranslation("evidence.graduation.not-found"));
            missing.setId("graduation-not-found");
            content.add(missing);
        }
    }

    private void backLink(long student, Long unitId) {
        RouterLink link;
        if (viewer.require().isTeacher()) {
            link = new RouterLink(getTranslation("evidence.graduation.back-teacher"), StudentEvidenceView.class,
                    new RouteParameters("studentId", String.valueOf(student)));
        } else if (unitId != null) {
            link = new RouterLink(getTranslation("evidence.graduation.back-student"), MyEvidenceView.class,
                    new RouteParameters("unitId", String.valueOf(unitId)));
        } else {
            return;
        }
        link.setId("graduation-back");
        back.add(link);
    }

    private void show(GraduationStanding standing) {
        String standard = standing.standardCode() == null ? standing.standardStatement()
                : standing.standardCode() + " " + standing.standardStatement();
        heading.setText(getTranslation("evidence.graduation.heading", standard));
        Paragraph shown = new Paragraph(getTranslation(standing.shown() ? "evidence.graduation.shown"
                : "evidence.graduation.not-shown"));
        shown.setId("graduation-shown");
        shown.addClassName("cairn-badge");
        content.add(new Paragraph(getTranslation("evidence.graduation.intro")), shown);
        if (standing.courses().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("evidence.graduation.none"));
            none.setId("graduation-none");
            content.add(none);
            return;
        }
        Locale locale = getLocale() == null ? Locale.ENGLISH : getLocale();
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(ZoneOffset.UTC);
        for (GraduationStanding.InCourse course : standing.courses()) {
            Div box = new Div();
            box.setId("graduation-course-" + course.courseId());
            box.addClassName("cairn-evidence-card");
            box.add(new H2(course.courseTitle()));
            String level = course.levelLabel() == null ? getTranslation("evidence.mastery.none")
                    : course.levelLabel() + " (" + LevelChip.number(this, course.proficiency()) + ")";
            Paragraph summary = new Paragraph(getTranslation("evidence.graduation.in-course", level,
                    course.indicatorsAssessed(), getTranslation("proficiency.policy.rollup." + course.rollUp())));
            summary.setId("graduation-level-" + course.courseId());
            box.add(summary);
            if (course.mastery()) {
                Span mastered = new Span(getTranslation("evidence.graduation.mastered-here"));
                mastered.addClassName("cairn-badge");
                box.add(mastered);
            }
            if (course.updatedAt().getEpochSecond() > 0) {
                box.add(new Paragraph(getTranslation("evidence.graduation.updated", day.format(course.updatedAt()))));
            }
            UnorderedList indicators = new UnorderedList();
            indicators.setId("graduation-indicators-" + course.courseId());
            for (GraduationStanding.Indicator indicator : course.indicators()) {
                String name = indicator.code() == null ? indicator.statement()
                        : indicator.code() + " " + indicator.statement();
                String value = indicator.levelLabel() == null ? getTranslation("evidence.mastery.none")
                        : indicator.levelLabel() + " (" + LevelChip.number(this, indicator.proficiency()) + ")";
                indicators.add(new ListItem(getTranslation(indicator.mastery() ? "evidence.graduation.indicator-mastered"
                        : "evidence.graduation.indicator", name, value, indicator.scoreCount())));
            }
            box.add(indicators);
            content.add(box);
        }
    }

    @Override
    public String getPageTitle() {
        return heading.getText();
    }
}
