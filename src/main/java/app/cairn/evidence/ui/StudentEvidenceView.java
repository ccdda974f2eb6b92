package app.cairn.evidence.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import app.cairn.evidence.BodyOfEvidence;
import app.cairn.evidence.EvidenceSummary;
import app.cairn.evidence.HistoryEntry;
import app.cairn.evidence.Mastery;
import app.cairn.evidence.StandardStanding;
import app.cairn.evidence.StudentEvidence;
import app.cairn.shared.ui.CourseLayout;
import app.cairn.unit.UnitSummary;
import app.cairn.unit.Units;
import jakarta.annotation.security.RolesAllowed;

/**
 * One student's body of evidence in the teacher's course, opened from their name in the mastery
 * grid: their standards here (each linking to the standard across all courses) and everything they
 * handed in, newest first, in one unit or all, with its status, dates, the score that counts and the
 * teacher's latest words, each linking to the page where the teacher answers it. The services check
 * that the student is one of this course's; anyone else's id shows "not found".
 */
@Route(value = "mastery/student/:studentId", layout = CourseLayout.class)
@RolesAllowed("TEACHER")
public class StudentEvidenceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The query parameter naming the unit to show first (the grid's unit). */
    static final String UNIT = "unit";

    private final BodyOfEvidence evidence;
    private final Mastery mastery;
    private final Units units;
    private final H1 heading = new H1();
    private final Div content = new Div();
    private final Div list = new Div();
    private long studentId;

    public StudentEvidenceView(BodyOfEvidence evidence, Mastery mastery, Units units) {
        this.evidence = evidence;
        this.mastery = mastery;
        this.units = units;
        setPadding(false);
        setMaxWidth("960px");
        heading.setText(getTranslation("evidence.student.title"));
        RouterLink back = new RouterLink(getTranslation("evidence.student.back"), MasteryView.class);
        back.setId("student-back");
        content.setWidthFull();
        list.setWidthFull();
        add(back, heading, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Long id = event.getRouteParameters().getLong("studentId").orElse(null);
        Long unitId = event.getLocation().getQueryParameters().getSingleParameter(UNIT).map(StudentEvidenceView::number)
                .orElse(null);
        content.removeAll();
        try {
            if (id == null) {
                throw new AccessDeniedException("No student id");
            }
            studentId = id;
            draw(unitId);
        } catch (AccessDeniedException e) {
            heading.setText(getTranslation("evidence.student.title"));
            content.removeAll();
            Paragraph missing = new Paragraph(getTranslation("evidence.student.not-found"));
            missing.setId("student-not-found");
            content.add(missing);
        }
    }

    static @Nullable Long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void draw(@Nullable Long unitId) {
        // Asked first: it refuses a student who is not this course's before anything is shown.
        StudentEvidence body = evidence.bodyOf(studentId, null);
        String name = body.studentName() == null ? getTranslation("evidence.unnamed") : body.studentName();
        heading.setText(getTranslation("evidence.student.heading", name));
        content.add(standards(mastery.standardsOf(studentId)));

        List<UnitSummary> all = units.units();
        Map<Long, String> titles = new HashMap<>();
        all.forEach(u -> titles.put(u.id(), u.title()));
        content.add(new H2(getTranslation("evidence.student.evidence")));
        // Made afresh each time: the view may be reused for another student.
        Select<@Nullable UnitSummary> unit = new Select<>();
        unit.setId("student-unit");
        unit.setLabel(getTranslation("evidence.student.unit"));
        unit.setEmptySelectionAllowed(true);
        unit.setEmptySelectionCaption(getTranslation("evidence.student.all-units"));
        unit.setItems(all);
        unit.setItemLabelGenerator(u -> u == null ? getTranslation("evidence.student.all-units") : u.title());
        unit.setValue(all.stream().filter(u -> unitId != null && u.id() == unitId).findFirst().orElse(null));
        unit.addValueChangeListener(event -> showEvidence(event.getValue() == null ? body
                : evidence.bodyOf(studentId, event.getValue().id()), titles));
        content.add(unit, list);
        showEvidence(unit.getValue() == null ? body : evidence.bodyOf(studentId, unit.getValue().id()), titles);
    }

    private Div standards(List<StandardStanding> standings) {
        Div box = new Div();
        box.add(new H2(getTranslation("evidence.student.standards")));
        if (standings.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("evidence.student.no-standards"));
            none.setId("student-no-standards");
            box.add(none);
            return box;
        }
        NativeTable table = new NativeTable();
        table.setId("student-standards");
        table.addClassName("cairn-progress-table");
        table.setCaptionText(getTranslation("evidence.student.standards-caption"));
        NativeTableRow head = table.getHead().addRow();
        for (String key : new String[] {"evidence.student.column.standard", "evidence.student.column.level",
                "evidence.student.column.assessed", "evidence.student.column.across"}) {
            NativeTableHeaderCell cell = head.addHeaderCell();
            cell.setText(getTranslation(key));
            cell.getElement().setAttribute("scope", "col");
        }
        for (StandardStanding standing : standings) {
            NativeTableRow row = table.getBody().addRow();
            row.setId("student-standard-" + standing.standardId());
            NativeTableHeaderCell label = row.addHeaderCell();
            label.getElement().setAttribute("scope", "row");
            label.setText(standing.label());
            row.addDataCell().add(LevelChip.of(this, standing.cell()));
            row.addDataCell().setText(String.valueOf(standing.cell().count()));
            RouterLink across = new RouterLink(getTranslation("evidence.student.across"), GraduationView.class,
                    GraduationView.parameters(studentId, standing.standardId()));
            across.setId("student-across-" + standing.standardId());
            across.getElement().setAttribute("aria-label",
                    getTranslation("evidence.student.across-label", standing.label()));
            row.addDataCell().add(across);
        }
        Div scroller = new Div(table);
        scroller.addClassName("cairn-rubric-scroll");
        // Focusable so keyboard users can scroll it sideways when it is wider than the iframe.
        scroller.getElement().setAttribute("tabindex", "0");
        scroller.getElement().setAttribute("role", "region");
        scroller.getElement().setAttribute("aria-label", getTranslation("evidence.student.standards-caption"));
        box.add(scroller);
        return box;
    }

    private void showEvidence(StudentEvidence body, Map<Long, String> unitTitles) {
        list.removeAll();
        if (body.items().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("evidence.student.none"));
            none.setId("student-evidence-none");
            list.add(none);
            return;
        }
        Locale locale = getLocale() == null ? Locale.ENGLISH : getLocale();
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale)
                .withZone(ZoneOffset.UTC);
        UnorderedList items = new UnorderedList();
        items.setId("student-evidence");
        items.addClassName("cairn-evidence-list");
        for (StudentEvidence.Item item : body.items()) {
            EvidenceSummary e = item.evidence();
            ListItem card = new ListItem();
            card.setId("student-evidence-" + e.id());
            card.addClassName("cairn-evidence-card");
            Span status = new Span(EvidencePanel.status(this, e.status(), true));
            status.addClassName("cairn-badge");
            card.add(new H3(getTranslation("evidence.view.for", e.assessmentTitle(), e.viaTitle())), status);
            List<String> facts = new ArrayList<>();
            facts.add(unitTitles.getOrDefault(e.unitId(), getTranslation("evidence.student.unit-gone")));
            facts.add(getTranslation("evidence.kind." + e.kind()));
            if (e.performedOn() != null) {
                facts.add(getTranslation("evidence.student.performed", day.format(e.performedOn())));
            }
            if (e.submittedAt() != null) {
                facts.add(getTranslation("evidence.student.submitted", when.format(e.submittedAt())));
            }
            card.add(new Paragraph(String.join(" · ", facts)));
            HistoryEntry score = item.score();
            if (score != null && !score.levels().isEmpty()) {
                UnorderedList levels = new UnorderedList();
                levels.setId("student-score-" + e.id());
                score.levels().forEach(l -> levels.add(new ListItem(getTranslation("evidence.student.level",
                        l.criterionTitle(), l.levelLabel(), LevelChip.number(this, l.points().doubleValue())))));
                card.add(new Paragraph(getTranslation("evidence.student.score", when.format(score.at()))), levels);
            }
            HistoryEntry said = item.lastWord();
            if (said != null && said.comment() != null) {
                Paragraph words = new Paragraph(getTranslation("evidence.student.said", said.comment(),
                        when.format(said.at())));
                words.setId("student-said-" + e.id());
                words.getStyle().set("white-space", "pre-wrap");
                card.add(words);
            }
            RouterLink open = new RouterLink(getTranslation(e.status().queued() ? "evidence.student.answer"
                    : "evidence.student.open"), ScoreEvidenceView.class,
                    new RouteParameters(Map.of("evidenceId", String.valueOf(e.id()))));
            open.setId("student-open-" + e.id());
            open.getElement().setAttribute("aria-label", getTranslation(e.status().queued()
                    ? "evidence.student.answer-label" : "evidence.student.open-label", e.assessmentTitle(), e.viaTitle()));
            card.add(open);
            items.add(card);
        }
        list.add(items);
    }

    @Override
    public String getPageTitle() {
        return heading.getText();
    }
}
