package app.cairn.unit.ui;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import app.cairn.rubric.Rubrics;
import app.cairn.rubric.ui.RubricView;
import app.cairn.unit.ChoiceRule;
import app.cairn.unit.Proposal;
import app.cairn.unit.ProposalDraft;
import app.cairn.unit.ProposalKind;
import app.cairn.unit.StudentPath;
import app.cairn.unit.TargetState;
import app.cairn.unit.Unit;
import app.cairn.unit.UnitRejectedException;
import app.cairn.unit.Units;

/**
 * A student's path through a unit, one column: where they stand, then each target. Open targets
 * show what proficient looks like (the summative rubric), the menu, goal and reflection, and the
 * student's proposals; locked targets show only that they are locked. For a teacher
 * ({@code teacher}) the same, read-only.
 */
class PathPanel extends Div {

    private final Units units;
    private final Rubrics rubrics;
    private final boolean teacher;
    private StudentPath path;

    PathPanel(Units units, Rubrics rubrics, StudentPath path, boolean teacher) {
        this.units = units;
        this.rubrics = rubrics;
        this.teacher = teacher;
        this.path = path;
        addClassName("cairn-path");
        setId("path");
        setWidthFull();
        draw();
    }

    /** The student's own words ("you", "my") for the student; the teacher reads the same about the student. */
    private String says(String key, Object... parameters) {
        return getTranslation(teacher ? key + ".teacher" : key, parameters);
    }

    void refresh(StudentPath fresh) {
        path = fresh;
        draw();
    }

    private void draw() {
        removeAll();
        Unit unit = path.unit();
        H2 title = new H2(unit.title());
        title.setId("path-unit-title");
        add(title);
        if (unit.description() != null) {
            add(new Paragraph(unit.description()));
        }
        Paragraph where = new Paragraph();
        where.setId("path-where");
        where.getElement().setAttribute("role", "status");
        StudentPath.Step current = path.current();
        where.setText(current == null ? says("unit.path.all-passed")
                : says("unit.path.current", current.target().position() + 1, current.target().label()));
        Paragraph pacing = new Paragraph(getTranslation("unit.path.pacing", getTranslation("unit.pacing-status." + path.pacing())));
        pacing.setId("path-pacing");
        add(where, pacing);
        if (current != null && current.target().position() + 1 < path.steps().size()) {
            Paragraph next = new Paragraph(getTranslation("unit.path.next",
                    path.steps().get(current.target().position() + 1).target().label()));
            next.setId("path-next");
            add(next);
        }
        for (StudentPath.Step step : path.steps()) {
            add(step(step));
        }
        if (!teacher && path.mayPropose().contains(ProposalKind.PROJECT)) {
            add(projectForm());
        }
    }

    private Section step(StudentPath.Step step) {
        Unit.Target target = step.target();
        int t = target.position();
        Section box = new Section();
        box.setId("step-" + t);
        box.addClassName("cairn-step");
        box.addClassName("cairn-step-" + step.state().name().toLowerCase(java.util.Locale.ROOT));
        H3 heading = new H3(getTranslation("unit.target.name", t + 1) + ": " + target.label());
        Span state = new Span(getTranslation("unit.state." + step.state()));
        state.setId("step-" + t + "-state");
        state.addClassName("cairn-badge");
        box.add(heading, state);
        if (step.state() == TargetState.LOCKED) {
            box.add(new Paragraph(getTranslation("unit.path.locked")));
            return box;
        }
        if (target.suggestedDate() != null) {
            box.add(new Paragraph(getTranslation("unit.path.date", target.suggestedDate().toString())));
        }
        if (!target.objectives().isEmpty()) {
            UnorderedList objectives = new UnorderedList();
            objectives.getElement().setAttribute("aria-label", getTranslation("unit.target.objectives"));
            target.objectives().forEach(o -> objectives.add(new ListItem(o)));
            box.add(objectives);
        }
        if (step.passage() != null && !step.passage().proficient()) {
            box.add(new Paragraph(says("unit.path.overridden", step.passage().overrideReason())));
        }
        for (int a = 0; a < target.assessments().size(); a++) {
            box.add(assessment(step, target.assessments().get(a), t, a));
        }
        box.add(notes(step, t));
        List<Proposal> mine = path.proposals().stream().filter(p -> p.targetIds().contains(target.id())).toList();
        for (Proposal proposal : mine) {
            Paragraph line = new Paragraph(says("unit.path.proposal", proposal.title(),
                    getTranslation("unit.proposal.status." + proposal.status()))
                    + (proposal.teacherComment() == null ? "" : " " + getTranslation("unit.path.proposal-comment",
                    proposal.teacherComment())));
            line.setId("my-proposal-" + proposal.id());
            box.add(line);
        }
        if (!teacher && path.mayPropose().stream().anyMatch(k -> k != ProposalKind.PROJECT)) {
            box.add(proposalForm(target, t));
        }
        return box;
    }

    private Div assessment(StudentPath.Step step, Unit.Assessment assessment, int t, int a) {
        Div box = new Div();
        box.addClassName("cairn-assessment");
        String prefix = "path-" + t + "-" + a;
        box.add(new H4(assessment.title() + " (" + getTranslation("unit.kind." + assessment.kind()) + ")"));
        if (assessment.rubricId() != null) {
            try {
                Div proficient = new Div(new Paragraph(getTranslation("unit.path.proficient-looks-like")),
                        new RubricView(rubrics.rubric(assessment.rubricId()), 5));
                proficient.setId(prefix + "-rubric");
                box.add(proficient);
            } catch (AccessDeniedException e) {
                // The rubric was archived or is no longer readable: the menu still stands.
            }
        }
        box.add(new Paragraph(getTranslation("unit.rule.help." + assessment.choiceRule())));
        UnorderedList menu = new UnorderedList();
        menu.setId(prefix + "-menu");
        menu.getElement().setAttribute("aria-label", getTranslation("unit.menu.label", assessment.title()));
        for (Unit.LearningOption option : assessment.options()) {
            ListItem item = new ListItem();
            item.setId("option-" + option.id());
            boolean chosen = step.chosenOptionIds().contains(option.id());
            item.add(new H4(option.title() + (chosen ? " – " + getTranslation("unit.path.chosen") : "")));
            String facts = getTranslation("unit.modality." + option.modality())
                    + (option.estimatedMinutes() == null ? "" : ", " + getTranslation("unit.path.minutes", option.estimatedMinutes()))
                    + (option.mentorOrSite() == null ? "" : ", " + getTranslation("unit.path.mentor", option.mentorOrSite()));
            Span factLine = new Span(facts);
            factLine.addClassName("cairn-muted");
            item.add(factLine);
            if (option.description() != null) {
                item.add(new Paragraph(option.description()));
            }
            for (String link : option.links()) {
                Anchor anchor = new Anchor(link, link, AnchorTarget.BLANK);
                anchor.getElement().setAttribute("rel", "noopener noreferrer");
                item.add(new Div(anchor));
            }
            if (!teacher && assessment.choiceRule() == ChoiceRule.CHOOSE_ONE) {
                Button choose = new Button(getTranslation(chosen ? "unit.path.chosen" : "unit.path.choose"),
                        e -> choose(assessment.id(), Set.of(option.id())));
                choose.setId("choose-" + option.id());
                choose.setAriaLabel(getTranslation("unit.path.choose.label", option.title()));
                choose.setEnabled(!chosen);
                item.add(choose);
            }
            menu.add(item);
        }
        box.add(menu);
        if (!teacher && assessment.choiceRule() == ChoiceRule.CHOOSE_ANY) {
            CheckboxGroup<Unit.LearningOption> pick = new CheckboxGroup<>(getTranslation("unit.path.pick-any"));
            pick.setId(prefix + "-pick");
            pick.setItems(assessment.options());
            pick.setItemLabelGenerator(Unit.LearningOption::title);
            pick.setValue(new HashSet<>(assessment.options().stream()
                    .filter(o -> step.chosenOptionIds().contains(o.id())).toList()));
            Button save = new Button(getTranslation("unit.path.save-choices"), e -> choose(assessment.id(),
                    new HashSet<>(pick.getValue().stream().map(Unit.LearningOption::id).toList())));
            save.setId(prefix + "-save-choices");
            box.add(pick, save);
        }
        return box;
    }

    private Div notes(StudentPath.Step step, int t) {
        Div box = new Div();
        TextArea goal = new TextArea(says("unit.path.goal"));
        goal.setId("goal-" + t);
        goal.setHelperText(getTranslation("unit.path.goal.help"));
        goal.setValue(step.goal() == null ? "" : step.goal());
        goal.setWidthFull();
        TextArea reflection = new TextArea(says("unit.path.reflection"));
        reflection.setId("reflection-" + t);
        reflection.setHelperText(getTranslation("unit.path.reflection.help"));
        reflection.setValue(step.reflection() == null ? "" : step.reflection());
        reflection.setWidthFull();
        box.add(goal, reflection);
        if (teacher) {
            goal.setReadOnly(true);
            reflection.setReadOnly(true);
        } else {
            Button save = new Button(getTranslation("unit.path.save-notes"), e -> {
                try {
                    units.saveGoal(step.target().id(), goal.getValue());
                    units.saveReflection(step.target().id(), reflection.getValue());
                    Notification.show(getTranslation("unit.path.notes-saved"));
                } catch (UnitRejectedException ex) {
                    Notification.show(getTranslation(ex.problems().getFirst().messageKey()));
                }
            });
            save.setId("save-notes-" + t);
            save.setAriaLabel(getTranslation("unit.path.save-notes.label", t + 1));
            box.add(save);
        }
        return box;
    }

    private void choose(long assessmentId, Set<Long> options) {
        try {
            refresh(units.choose(assessmentId, options));
            Notification.show(getTranslation("unit.path.choice-saved"));
        } catch (UnitRejectedException e) {
            Notification.show(getTranslation(e.problems().getFirst().messageKey()));
        }
    }

    private Div proposalForm(Unit.Target target, int t) {
        Div form = new Div();
        form.setId("propose-" + t);
        form.add(new H4(getTranslation("unit.proposal.new")));
        Select<ProposalKind> kind = new Select<>();
        kind.setId("propose-" + t + "-kind");
        kind.setLabel(getTranslation("unit.proposal.kind"));
        List<ProposalKind> kinds = path.mayPropose().stream().filter(k -> k != ProposalKind.PROJECT).sorted().toList();
        kind.setItems(kinds);
        kind.setItemLabelGenerator(k -> getTranslation("unit.proposal.kind." + k));
        kind.setValue(kinds.getFirst());
        form.add(kind);
        addProposalFields(form, "propose-" + t, () -> new ProposalDraftParts(kind.getValue(), List.of(target.id())));
        return form;
    }

    private Div projectForm() {
        Div form = new Div();
        form.setId("propose-project");
        form.add(new H3(getTranslation("unit.proposal.project")));
        CheckboxGroup<Unit.Target> targets = new CheckboxGroup<>(getTranslation("unit.proposal.targets"));
        targets.setId("propose-project-targets");
        targets.setItems(path.steps().stream().filter(s -> s.state() != TargetState.LOCKED).map(StudentPath.Step::target).toList());
        targets.setItemLabelGenerator(Unit.Target::label);
        form.add(targets);
        addProposalFields(form, "propose-project", () -> new ProposalDraftParts(ProposalKind.PROJECT,
                targets.getValue().stream().sorted(java.util.Comparator.comparingInt(Unit.Target::position))
                        .map(Unit.Target::id).toList()));
        return form;
    }

    private record ProposalDraftParts(ProposalKind kind, List<Long> targets) {
    }

    private void addProposalFields(Div form, String prefix, java.util.function.Supplier<ProposalDraftParts> parts) {
        TextField title = new TextField(getTranslation("unit.proposal.title"));
        title.setId(prefix + "-title");
        title.setWidthFull();
        TextArea plan = new TextArea(getTranslation("unit.proposal.plan"));
        plan.setId(prefix + "-plan");
        plan.setWidthFull();
        TextArea shows = new TextArea(getTranslation("unit.proposal.evidence"));
        shows.setId(prefix + "-evidence");
        shows.setWidthFull();
        title.setManualValidation(true);
        plan.setManualValidation(true);
        shows.setManualValidation(true);
        Div alert = new Div();
        alert.setId(prefix + "-problems");
        alert.getElement().setAttribute("role", "alert");
        alert.addClassName("cairn-problems");
        alert.setVisible(false);
        Button send = new Button(getTranslation("unit.proposal.send"), e -> {
            ProposalDraftParts p = parts.get();
            try {
                units.propose(path.unit().id(), new ProposalDraft(p.kind(), p.targets(), title.getValue(),
                        plan.getValue(), shows.getValue()));
                Notification.show(getTranslation("unit.proposal.sent"));
                refresh(teacher ? path : units.myPath(path.unit().id()));
            } catch (UnitRejectedException ex) {
                alert.removeAll();
                UnorderedList list = new UnorderedList();
                for (var problem : ex.problems()) {
                    String message = getTranslation(problem.messageKey());
                    list.add(new ListItem(message));
                    var field = switch (problem.field()) {
                        case PROPOSAL_TITLE -> title;
                        case PROPOSAL_PLAN -> plan;
                        case PROPOSAL_EVIDENCE -> shows;
                        default -> null;
                    };
                    if (field != null) {
                        field.setErrorMessage(message);
                        field.setInvalid(true);
                    }
                }
                alert.add(new Paragraph(getTranslation("unit.proposal.not-sent")), list);
                alert.setVisible(true);
            }
        });
        send.setId(prefix + "-send");
        form.add(alert, title, plan, shows, send);
    }
}
