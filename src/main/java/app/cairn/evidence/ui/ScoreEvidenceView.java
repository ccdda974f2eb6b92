package app.cairn.evidence.ui;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import app.cairn.evidence.BodyOfEvidence;
import app.cairn.evidence.EvidenceConflictException;
import app.cairn.evidence.EvidenceRejectedException;
import app.cairn.evidence.EvidenceView;
import app.cairn.evidence.QueueEntry;
import app.cairn.evidence.QueueFilter;
import app.cairn.evidence.ScoreDraft;
import app.cairn.evidence.Scoring;
import app.cairn.evidence.ScoringSheet;
import app.cairn.rubric.Rubric;
import app.cairn.rubric.RubricVersion;
import app.cairn.shared.ui.CourseLayout;
import app.cairn.unit.AssessmentKind;
import jakarta.annotation.security.RolesAllowed;

/**
 * Answering one piece of evidence: the evidence, then for summative evidence a level per rubric
 * criterion (radio groups: arrow keys move between levels) and a comment; for formative evidence a
 * comment only. Ctrl+Enter saves the score or feedback, Alt+R returns it for revision, Alt+N skips to
 * the next in the queue. A refusal says why; when someone else answered first, Reload shows theirs.
 */
@Route(value = "scoring/:evidenceId", layout = CourseLayout.class)
@RolesAllowed("TEACHER")
public class ScoreEvidenceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Scoring scoring;
    private final BodyOfEvidence evidence;
    private final H1 heading = new H1();
    private final Div content = new Div();
    private final Paragraph message = new Paragraph();
    private @Nullable ScoringSheet sheet;
    private final Map<Long, RadioButtonGroup<RubricVersion.Level>> levels = new HashMap<>();
    private final TextArea comment = new TextArea();

    public ScoreEvidenceView(Scoring scoring, BodyOfEvidence evidence) {
        this.scoring = scoring;
        this.evidence = evidence;
        setPadding(false);
        setMaxWidth("800px");
        heading.setText(getTranslation("evidence.score.title"));
        message.setId("score-message");
        message.getElement().setAttribute("role", "alert");
        content.setWidthFull();
        add(heading, message, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Long id = event.getRouteParameters().getLong("evidenceId").orElse(null);
        message.setText("");
        try {
            if (id == null) {
                throw new AccessDeniedException("No evidence id");
            }
            show(scoring.sheet(id));
        } catch (AccessDeniedException e) {
            sheet = null;
            content.removeAll();
            Paragraph missing = new Paragraph(getTranslation("evidence.not-found"));
            missing.setId("evidence-not-found");
            content.add(missing);
        }
    }

    private void show(ScoringSheet shown) {
        sheet = shown;
        EvidenceView e = shown.evidence();
        heading.setText(getTranslation("evidence.score.heading",
                e.studentName() == null ? getTranslation("evidence.unnamed") : e.studentName(), e.assessmentTitle()));
        content.removeAll();
        levels.clear();
        content.add(new EvidencePanel(evidence, e, true));
        H2 answer = new H2(getTranslation("evidence.score.answer"));
        content.add(answer);
        Rubric rubric = shown.rubric();
        boolean summative = e.kind() == AssessmentKind.SUMMATIVE;
        if (summative && rubric != null) {
            content.add(new Paragraph(getTranslation("evidence.score.rubric", rubric.title(), rubric.current().number())));
            RubricVersion version = rubric.current();
            for (RubricVersion.Criterion criterion : version.criteria()) {
                RadioButtonGroup<RubricVersion.Level> group = new RadioButtonGroup<>();
                group.setId("level-" + criterion.id());
                group.setLabel(criterion.title() + (criterion.indicatorCode() == null ? "" : " (" + criterion.indicatorCode() + ")"));
                group.setItems(version.levels());
                group.setItemLabelGenerator(level -> level.label() + " — " + criterion.descriptors().get(level.position()));
                group.setRequiredIndicatorVisible(true);
                // One level per line: descriptors are sentences, and side by side they wrap into a jumble.
                group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
                group.addClassName("cairn-level-choice");
                e.history().stream().filter(h -> h.kind() == app.cairn.evidence.HistoryKind.SCORED && !h.superseded())
                        .flatMap(h -> h.levels().stream()).filter(l -> l.criterionId() == criterion.id()).findFirst()
                        .ifPresent(l -> group.setValue(version.levels().get(l.levelPosition())));
                levels.put(criterion.id(), group);
                content.add(group);
            }
        }
        comment.setId("score-comment");
        comment.setLabel(getTranslation(summative ? "evidence.score.comment" : "evidence.score.feedback"));
        comment.setWidthFull();
        comment.setValue("");
        content.add(comment);
        Button save = new Button(getTranslation(summative ? "evidence.score.save" : "evidence.score.give-feedback"),
                click -> save());
        save.setId("score-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        Button returnIt = new Button(getTranslation("evidence.score.return"), click -> returnForRevision());
        returnIt.setId("score-return");
        returnIt.addClickShortcut(Key.KEY_R, KeyModifier.ALT);
        Button next = new Button(getTranslation("evidence.score.next"), click -> next());
        next.setId("score-next");
        next.addClickShortcut(Key.KEY_N, KeyModifier.ALT);
        FlexLayout actions = new FlexLayout(save, returnIt, next);
        actions.addClassName("cairn-actions");
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        Paragraph keys = new Paragraph(getTranslation("evidence.score.keys"));
        keys.addClassName("cairn-hint");
        content.add(actions, keys);
        DatePicker performed = new DatePicker(getTranslation("evidence.score.performed-on"));
        performed.setId("score-performed-on");
        performed.setValue(e.performedOn());
        performed.setMax(LocalDate.now(java.time.ZoneOffset.UTC));
        Button correct = new Button(getTranslation("evidence.score.correct-date"), click -> {
            if (performed.getValue() != null) {
                act(() -> scoring.correctPerformedOn(e.id(), e.revision(), performed.getValue()), "evidence.score.date-saved");
            }
        });
        correct.setId("score-correct-date");
        // The button level with the field, not with its label.
        FlexLayout dateRow = new FlexLayout(performed, correct);
        dateRow.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        dateRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        dateRow.addClassName("cairn-actions");
        content.add(dateRow);
    }

    private void save() {
        ScoringSheet shown = sheet;
        if (shown == null) {
            return;
        }
        EvidenceView e = shown.evidence();
        if (e.kind() == AssessmentKind.FORMATIVE) {
            act(() -> scoring.giveFeedback(e.id(), e.revision(), comment.getValue()), "evidence.score.feedback-saved");
            return;
        }
        Rubric rubric = shown.rubric();
        if (rubric == null) {
            message.setText(getTranslation("evidence.error.no-rubric"));
            return;
        }
        Map<Long, Integer> chosen = new HashMap<>();
        levels.forEach((criterion, group) -> {
            if (group.getValue() != null) {
                chosen.put(criterion, group.getValue().position());
            }
        });
        act(() -> scoring.score(e.id(), new ScoreDraft(e.revision(), rubric.current().id(), rubric.revision(), chosen,
                comment.getValue())), "evidence.score.saved");
    }

    private void returnForRevision() {
        ScoringSheet shown = sheet;
        if (shown != null) {
            act(() -> scoring.returnForRevision(shown.evidence().id(), shown.evidence().revision(), comment.getValue()),
                    "evidence.score.returned");
        }
    }

    /** Runs an answer; on success says so and shows the evidence as it is now, else says why. */
    private void act(Runnable answer, String doneKey) {
        ScoringSheet shown = sheet;
        if (shown == null) {
            return;
        }
        try {
            answer.run();
            show(scoring.sheet(shown.evidence().id()));
            message.setText(getTranslation(doneKey));
        } catch (EvidenceRejectedException refused) {
            message.setText(Problems.text(this, refused));
        } catch (EvidenceConflictException conflict) {
            message.setText(Problems.text(this, conflict));
            Button reload = new Button(getTranslation("evidence.reload"),
                    click -> show(scoring.sheet(shown.evidence().id())));
            reload.setId("score-reload");
            content.addComponentAsFirst(reload);
        }
    }

    private void next() {
        long current = sheet == null ? -1 : sheet.evidence().id();
        List<QueueEntry> queue = scoring.queue(QueueFilter.all());
        QueueEntry next = queue.stream().filter(q -> q.evidenceId() != current).findFirst().orElse(null);
        getUI().ifPresent(ui -> {
            if (next == null) {
                ui.navigate(ScoringQueueView.class);
            } else {
                ui.navigate(ScoreEvidenceView.class, new RouteParameters(Map.of("evidenceId",
                        String.valueOf(next.evidenceId()))));
            }
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("evidence.score.title");
    }
}
