package app.cairn.evidence.ui;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.UploadHandler;

import app.cairn.evidence.BodyOfEvidence;
import app.cairn.evidence.EvidenceConflictException;
import app.cairn.evidence.EvidenceDraft;
import app.cairn.evidence.EvidenceFile;
import app.cairn.evidence.EvidenceLimits;
import app.cairn.evidence.EvidenceRejectedException;
import app.cairn.evidence.EvidenceStatus;
import app.cairn.evidence.EvidenceSummary;
import app.cairn.evidence.EvidenceView;
import app.cairn.evidence.Mastery;
import app.cairn.evidence.MasteryGrid;
import app.cairn.evidence.ProficiencyCell;
import app.cairn.evidence.StandardStanding;
import app.cairn.shared.ui.CourseLayout;
import app.cairn.unit.Proposal;
import app.cairn.unit.ProposalStatus;
import app.cairn.unit.StudentPath;
import app.cairn.unit.TargetState;
import app.cairn.unit.Unit;
import app.cairn.unit.Units;
import jakarta.annotation.security.RolesAllowed;

/**
 * A student's evidence in one unit: start evidence for an option they chose (or a proposal their
 * teacher approved) on an open target, write it as a draft (text, links, the day it was done,
 * files), hand it in, read the teacher's answer, and ask for re-assessment with a reason. Their
 * proficiency in the unit so far is at the top: the unit, each target with "why this score" (the
 * evidence counted, the method and the worked calculation), and their standards in this course, each
 * opening the standard across all their courses (the graduation view).
 */
@Route(value = "my-evidence/:unitId", layout = CourseLayout.class)
@RolesAllowed("STUDENT")
public class MyEvidenceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final BodyOfEvidence evidence;
    private final Units units;
    private final Mastery mastery;
    private final H1 heading = new H1();
    private final Paragraph message = new Paragraph();
    private final Div content = new Div();
    private final Section editor = new Section();
    private final WhyPanel why = new WhyPanel("mine-why", true);
    private long unitId;

    public MyEvidenceView(BodyOfEvidence evidence, Units units, Mastery mastery) {
        this.evidence = evidence;
        this.units = units;
        this.mastery = mastery;
        setPadding(false);
        setMaxWidth("800px");
        heading.setText(getTranslation("evidence.mine.title"));
        message.setId("mine-message");
        message.getElement().setAttribute("role", "alert");
        content.setWidthFull();
        editor.setId("mine-editor");
        editor.setWidthFull();
        add(heading, message, content, editor);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Long id = event.getRouteParameters().getLong("unitId").orElse(null);
        try {
            if (id == null) {
                throw new AccessDeniedException("No unit id");
            }
            unitId = id;
            draw();
        } catch (AccessDeniedException e) {
            content.removeAll();
            editor.removeAll();
            Paragraph missing = new Paragraph(getTranslation("evidence.not-found"));
            missing.setId("evidence-not-found");
            content.add(missing);
        }
    }

    private void draw() {
        StudentPath path = units.myPath(unitId);
        heading.setText(getTranslation("evidence.mine.heading", path.unit().title()));
        content.removeAll();
        MasteryGrid grid = mastery.myGrid(unitId);
        MasteryGrid.Row me = grid.rows().getFirst();
        Paragraph standing = new Paragraph(me.unit().level() == null ? getTranslation("evidence.mine.no-proficiency")
                : getTranslation("evidence.mine.proficiency", me.unit().level().label(), me.unit().count(),
                me.indicatorsTotal()));
        standing.setId("mine-proficiency");
        content.add(standing, targets(grid, me), standards(me.studentPersonId()));

        H2 start = new H2(getTranslation("evidence.mine.start"));
        UnorderedList ways = new UnorderedList();
        ways.setId("mine-ways");
        for (StudentPath.Step step : path.steps()) {
            if (step.state() == TargetState.LOCKED) {
                continue;
            }
            for (Unit.Assessment assessment : step.target().assessments()) {
                for (Unit.LearningOption option : assessment.options()) {
                    if (step.chosenOptionIds().contains(option.id())) {
                        ways.add(new ListItem(startButton(assessment, option.id(), null, option.title())));
                    }
                }
                for (Proposal proposal : path.proposals()) {
                    if (proposal.status() == ProposalStatus.APPROVED && proposal.targetIds().contains(step.target().id())) {
                        ways.add(new ListItem(startButton(assessment, null, proposal.id(), proposal.title())));
                    }
                }
            }
        }
        content.add(start);
        if (ways.getChildren().findAny().isEmpty()) {
            content.add(new Paragraph(getTranslation("evidence.mine.choose-first")));
        } else {
            content.add(ways);
        }

        List<EvidenceSummary> mine = evidence.mine(unitId);
        H2 listHeading = new H2(getTranslation("evidence.mine.list"));
        content.add(listHeading);
        if (mine.isEmpty()) {
            content.add(new Paragraph(getTranslation("evidence.mine.none")));
        } else {
            UnorderedList list = new UnorderedList();
            list.setId("mine-list");
            for (EvidenceSummary summary : mine) {
                Button open = new Button(summary.assessmentTitle() + " · " + summary.viaTitle() + " — "
                        + getTranslation("evidence.status." + summary.status()), click -> open(evidence.evidence(summary.id())));
                open.setId("mine-open-" + summary.id());
                open.addThemeVariants(ButtonVariant.TERTIARY);
                list.add(new ListItem(open));
            }
            content.add(list);
        }
    }

    /** Each target's level so far, with "why this score": the evidence counted, the method, the calculation. */
    private Div targets(MasteryGrid grid, MasteryGrid.Row me) {
        Div box = new Div();
        why.clear();
        box.add(new H2(getTranslation("evidence.mine.targets")));
        UnorderedList list = new UnorderedList();
        list.setId("mine-targets");
        list.addClassName("cairn-plain-list");
        for (int i = 0; i < grid.columns().size(); i++) {
            MasteryGrid.Column column = grid.columns().get(i);
            ProficiencyCell cell = me.cells().get(i);
            Button explain = new Button(getTranslation("evidence.mine.why"), click -> why.show(
                    getTranslation("evidence.mine.why-title", column.label()),
                    mastery.why(me.studentPersonId(), column.indicatorId())));
            explain.setId("mine-why-" + column.targetId());
            explain.addThemeVariants(ButtonVariant.TERTIARY);
            explain.getElement().setAttribute("aria-label", getTranslation("evidence.mine.why-label", column.label()));
            ListItem item = new ListItem(new Span(column.label() + " "), LevelChip.of(this, cell), explain);
            item.setId("mine-target-" + column.targetId());
            list.add(item);
        }
        box.add(list, why);
        return box;
    }

    /** The standards of this course with a level so far, each opening the standard across all courses. */
    private Div standards(long me) {
        Div box = new Div();
        List<StandardStanding> standings = mastery.standardsOf(me);
        if (standings.isEmpty()) {
            return box;
        }
        box.add(new H2(getTranslation("evidence.mine.standards")));
        UnorderedList list = new UnorderedList();
        list.setId("mine-standards");
        list.addClassName("cairn-plain-list");
        for (StandardStanding standing : standings) {
            RouterLink across = new RouterLink(getTranslation("evidence.student.across"), GraduationView.class,
                    GraduationView.parameters(me, standing.standardId()));
            across.setQueryParameters(QueryParameters.of(GraduationView.UNIT, String.valueOf(unitId)));
            across.setId("mine-across-" + standing.standardId());
            across.getElement().setAttribute("aria-label", getTranslation("evidence.student.across-label", standing.label()));
            list.add(new ListItem(new Span(standing.label() + " "), LevelChip.of(this, standing.cell()), new Span(" "),
                    across));
        }
        box.add(list);
        return box;
    }

    private Button startButton(Unit.Assessment assessment, @Nullable Long optionId, @Nullable Long proposalId,
                               String via) {
        Button button = new Button(getTranslation("evidence.mine.start-for", assessment.title(), via), click -> {
            try {
                EvidenceView started = evidence.start(unitId, assessment.id(), optionId, proposalId);
                message.setText("");
                draw();
                open(started);
            } catch (EvidenceRejectedException refused) {
                message.setText(Problems.text(this, refused));
            }
        });
        button.setId("mine-start-" + assessment.id() + "-" + (optionId != null ? "o" + optionId : "p" + proposalId));
        return button;
    }

    /**
     * Shows a piece below the lists and takes the student there: in a short iframe it opens out of
     * sight, and keyboard users should land on it rather than stay on the button.
     */
    private void open(EvidenceView shown) {
        edit(shown);
        editor.getChildren().findFirst().ifPresent(heading -> heading.getElement()
                .executeJs("this.scrollIntoView({block: 'start'}); this.focus({preventScroll: true})"));
    }

    private void edit(EvidenceView shown) {
        editor.removeAll();
        H2 heading = new H2(getTranslation("evidence.mine.editing", shown.assessmentTitle(), shown.viaTitle()));
        heading.setId("mine-editor-heading");
        // Focusable by script only (see open), not a tab stop.
        heading.getElement().setAttribute("tabindex", "-1");
        // What became of the student's last action shows where they are working, not at the page's top.
        editor.add(heading, message);
        if (!shown.status().editable()) {
            editor.add(new EvidencePanel(evidence, shown, false));
            if (shown.status() == EvidenceStatus.SCORED) {
                TextArea reason = new TextArea(getTranslation("evidence.mine.reason"));
                reason.setId("mine-reason");
                reason.setWidthFull();
                Button ask = new Button(getTranslation("evidence.mine.reassess"), click -> act(
                        () -> evidence.requestReassessment(shown.id(), shown.revision(), reason.getValue()),
                        "evidence.mine.reassess-sent"));
                ask.setId("mine-reassess");
                editor.add(reason, ask);
            }
            return;
        }
        if (shown.latestTeacherComment() != null) {
            Paragraph returned = new Paragraph(getTranslation("evidence.mine.teacher-said",
                    shown.latestTeacherComment().comment() == null ? "" : shown.latestTeacherComment().comment()));
            returned.setId("mine-teacher-said");
            editor.add(returned);
        }
        TextArea text = new TextArea(getTranslation("evidence.mine.text"));
        text.setId("mine-text");
        text.setWidthFull();
        text.setValue(shown.text() == null ? "" : shown.text());
        EvidenceLimits limits = evidence.limits();
        text.setMaxLength(limits.maxTextChars());
        TextArea links = new TextArea(getTranslation("evidence.mine.links"));
        links.setId("mine-links");
        links.setWidthFull();
        links.setHelperText(getTranslation("evidence.mine.links-help"));
        links.setValue(String.join("\n", shown.links()));
        DatePicker performed = new DatePicker(getTranslation("evidence.mine.performed-on"));
        performed.setId("mine-performed-on");
        performed.setHelperText(getTranslation("evidence.mine.performed-on-help"));
        performed.setValue(shown.performedOn());
        performed.setMax(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        editor.add(text, links, performed);

        UnorderedList files = new UnorderedList();
        files.setId("mine-files");
        for (EvidenceFile file : shown.files()) {
            Button remove = new Button(getTranslation("evidence.mine.remove-file", file.name()),
                    click -> act(() -> evidence.removeFile(shown.id(), file.id()), "evidence.mine.file-removed"));
            remove.setId("mine-remove-file-" + file.id());
            remove.addThemeVariants(ButtonVariant.TERTIARY);
            files.add(new ListItem(new Span(file.name() + " (" + EvidencePanel.size(file.sizeBytes()) + ") "), remove));
        }
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> act(
                () -> evidence.attachFile(shown.id(), metadata.fileName(), new java.io.ByteArrayInputStream(bytes)),
                "evidence.mine.file-added"))));
        upload.setId("mine-upload");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()));
        upload.setAcceptedFileTypes(Arrays.stream(limits.allowedExtensions().toArray(String[]::new))
                .map(e -> "." + e).toArray(String[]::new));
        Paragraph fileHelp = new Paragraph(getTranslation("evidence.mine.files-help",
                String.join(", ", limits.allowedExtensions()), limits.maxFileMegabytes(), limits.maxFiles()));
        editor.add(new H2(getTranslation("evidence.mine.files")), files, upload, fileHelp);

        Button save = new Button(getTranslation("evidence.mine.save"), click -> act(() -> evidence.saveDraft(shown.id(),
                draft(text, links, performed, shown.revision())), "evidence.mine.saved"));
        save.setId("mine-save");
        Button submit = new Button(getTranslation("evidence.mine.submit"), click -> act(() -> {
            EvidenceView saved = evidence.saveDraft(shown.id(), draft(text, links, performed, shown.revision()));
            return evidence.submit(saved.id(), saved.revision());
        }, "evidence.mine.submitted"));
        submit.setId("mine-submit");
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        FlexLayout actions = new FlexLayout(save, submit);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.addClassName("cairn-actions");
        editor.add(actions);
        if (shown.status() == EvidenceStatus.DRAFT && shown.history().isEmpty()) {
            Button discard = new Button(getTranslation("evidence.mine.discard"), click -> {
                try {
                    evidence.discardDraft(shown.id());
                    editor.removeAll();
                    addComponentAtIndex(1, message);
                    draw();
                    message.setText(getTranslation("evidence.mine.discarded"));
                } catch (EvidenceRejectedException refused) {
                    message.setText(Problems.text(this, refused));
                }
            });
            discard.setId("mine-discard");
            discard.addThemeVariants(ButtonVariant.TERTIARY);
            editor.add(discard);
        }
    }

    private static EvidenceDraft draft(TextArea text, TextArea links, DatePicker performed, int revision) {
        return new EvidenceDraft(text.getValue(), links.getValue().lines().toList(), performed.getValue(), revision);
    }

    /** Runs a change; on success says so and shows the evidence as it is now, else says why. */
    private void act(java.util.function.Supplier<EvidenceView> change, String doneKey) {
        try {
            EvidenceView changed = change.get();
            draw();
            edit(changed);
            message.setText(getTranslation(doneKey));
        } catch (EvidenceRejectedException refused) {
            message.setText(Problems.text(this, refused));
        } catch (EvidenceConflictException conflict) {
            message.setText(Problems.text(this, conflict));
        }
        message.getElement().executeJs("this.scrollIntoView({block: 'nearest'})");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("evidence.mine.title");
    }
}
