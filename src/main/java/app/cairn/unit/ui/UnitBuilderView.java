package app.cairn.unit.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import app.cairn.shared.ui.CourseLayout;
import app.cairn.unit.AssessmentKind;
import app.cairn.unit.ChoiceRule;
import app.cairn.unit.Continuum;
import app.cairn.unit.IndicatorOption;
import app.cairn.unit.Modality;
import app.cairn.unit.Pacing;
import app.cairn.unit.RubricOption;
import app.cairn.unit.Unit;
import app.cairn.unit.UnitConflictException;
import app.cairn.unit.UnitDraft;
import app.cairn.unit.UnitProblem;
import app.cairn.unit.UnitRejectedException;
import app.cairn.unit.UnitStatus;
import app.cairn.unit.Units;
import jakarta.annotation.security.RolesAllowed;

/**
 * The unit builder, one column that fits an 800 px LMS iframe: the unit's details, then each target
 * (indicator, objectives, date, labelled move buttons) with its assessments and their menus. Every
 * structural change redraws from the fields' values, so ids and labels always say where you are.
 * Problems are shown at their fields and in a summary screen readers announce.
 */
@Route(value = "units/:unitId", layout = CourseLayout.class)
@RolesAllowed("TEACHER")
public class UnitBuilderView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Units units;
    private final H1 heading = new H1();
    private final Paragraph status = new Paragraph();
    private final Div problems = new Div();
    private final Div editor = new Div();
    private final TextField title = new TextField();
    private final TextArea description = new TextArea();
    private final Select<Pacing> pacing = new Select<>();
    private final Select<Continuum> continuum = new Select<>();
    private final Div targetsBox = new Div();
    private final List<TargetEditor> targets = new ArrayList<>();
    private List<IndicatorOption> indicators = List.of();
    private List<RubricOption> rubrics = List.of();
    private @Nullable Unit unit;

    public UnitBuilderView(Units units) {
        this.units = units;
        addClassName("cairn-unit-builder");
        setPadding(false);
        setMaxWidth("800px");
        heading.setText(getTranslation("unit.builder.title"));
        status.setId("unit-status");
        status.getElement().setAttribute("role", "status");
        problems.setId("unit-problems");
        problems.addClassName("cairn-problems");
        problems.getElement().setAttribute("role", "alert");
        problems.setVisible(false);
        title.setId("unit-title");
        title.setLabel(getTranslation("unit.title"));
        title.setMaxLength(300);
        title.setManualValidation(true);
        title.setWidthFull();
        description.setId("unit-description");
        description.setLabel(getTranslation("unit.description"));
        description.setManualValidation(true);
        description.setWidthFull();
        pacing.setId("unit-pacing");
        pacing.setLabel(getTranslation("unit.pacing"));
        pacing.setItems(Pacing.values());
        pacing.setItemLabelGenerator(p -> getTranslation("unit.pacing." + p));
        continuum.setId("unit-continuum");
        continuum.setLabel(getTranslation("unit.continuum"));
        continuum.setItems(Continuum.values());
        continuum.setItemLabelGenerator(c -> getTranslation("unit.continuum." + c));
        continuum.setHelperText(getTranslation("unit.continuum.help"));
        targetsBox.setId("unit-targets");
        editor.setWidthFull();
        add(heading, status, problems, editor);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Long id = event.getRouteParameters().getLong("unitId").orElse(null);
        try {
            if (id == null) {
                throw new AccessDeniedException("No unit id");
            }
            Unit found = units.unit(id);
            indicators = units.indicators();
            rubrics = units.rubricOptions();
            show(found);
        } catch (AccessDeniedException e) {
            unit = null;
            editor.removeAll();
            status.setText("");
            Paragraph missing = new Paragraph(getTranslation("unit.not-found"));
            missing.setId("unit-not-found");
            editor.add(missing);
        }
    }

    private void show(Unit shown) {
        unit = shown;
        heading.setText(shown.title());
        status.setText(getTranslation("unit.status.line", getTranslation("unit.status." + shown.status())));
        clearProblems();
        title.setValue(shown.title());
        description.setValue(shown.description() == null ? "" : shown.description());
        pacing.setValue(shown.pacing());
        continuum.setValue(shown.continuum());
        render(shown.toDraft().targets());
        Button addTarget = new Button(getTranslation("unit.target.add"), event -> change(list -> list.add(
                new UnitDraft.TargetDraft(null, -1, null, List.of())), () -> targets.getLast().indicator));
        addTarget.setId("add-target");
        Button save = new Button(getTranslation("unit.save"), event -> save());
        save.setId("save-unit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout actions = new FlexLayout(addTarget, save);
        if (shown.status() == UnitStatus.DRAFT) {
            Button publish = new Button(getTranslation("unit.publish"), event -> publish());
            publish.setId("publish-unit");
            actions.add(publish);
        }
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.addClassName("cairn-actions");
        editor.removeAll();
        editor.add(title, description, pacing, continuum, new H2(getTranslation("unit.targets")), targetsBox, actions);
    }

    private void render(List<UnitDraft.TargetDraft> drafts) {
        targets.clear();
        targetsBox.removeAll();
        for (int t = 0; t < drafts.size(); t++) {
            TargetEditor target = new TargetEditor(drafts.get(t), t, drafts.size(), indicators, rubrics);
            int at = t;
            target.up.addClickListener(e -> change(list -> list.add(at - 1, list.remove(at)), () -> up(at - 1)));
            target.down.addClickListener(e -> change(list -> list.add(at + 1, list.remove(at)), () -> down(at + 1)));
            target.remove.addClickListener(e -> change(list -> list.remove(at), null));
            target.addAssessment.addClickListener(e -> changeTarget(at, draft -> withAssessments(draft,
                    add(draft.assessments(), blankAssessment())), () -> targets.get(at).assessments.getLast().title));
            for (int a = 0; a < target.assessments.size(); a++) {
                AssessmentEditor assessment = target.assessments.get(a);
                int aAt = a;
                assessment.remove.addClickListener(e -> changeTarget(at, draft -> withAssessments(draft,
                        removeAt(draft.assessments(), aAt)), () -> targets.get(at).addAssessment));
                assessment.addOption.addClickListener(e -> changeAssessment(at, aAt, as -> withOptions(as,
                        add(as.options(), blankOption())), () -> targets.get(at).assessments.get(aAt).options.getLast().title));
                for (int o = 0; o < assessment.options.size(); o++) {
                    int oAt = o;
                    assessment.options.get(o).remove.addClickListener(e -> changeAssessment(at, aAt, as -> withOptions(as,
                            removeAt(as.options(), oAt)), () -> targets.get(at).assessments.get(aAt).addOption));
                }
            }
            targets.add(target);
            targetsBox.add(target);
        }
        if (drafts.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("unit.targets.none"));
            none.setId("unit-no-targets");
            targetsBox.add(none);
        }
    }

    private Focusable<?> up(int at) {
        return targets.get(at).up.isEnabled() ? targets.get(at).up : targets.get(at).indicator;
    }

    private Focusable<?> down(int at) {
        return targets.get(at).down.isEnabled() ? targets.get(at).down : targets.get(at).indicator;
    }

    private List<UnitDraft.TargetDraft> collect() {
        return new ArrayList<>(targets.stream().map(TargetEditor::draft).toList());
    }

    /** Applies a change to the list of targets as the fields now say it, redraws, and puts focus where it belongs. */
    private void change(Consumer<List<UnitDraft.TargetDraft>> edit, java.util.function.@Nullable Supplier<Focusable<?>> focus) {
        List<UnitDraft.TargetDraft> list = collect();
        edit.accept(list);
        render(list);
        if (focus != null) {
            focus.get().focus();
        }
    }

    private void changeTarget(int t, java.util.function.UnaryOperator<UnitDraft.TargetDraft> edit,
                              java.util.function.Supplier<Focusable<?>> focus) {
        change(list -> list.set(t, edit.apply(list.get(t))), focus);
    }

    private void changeAssessment(int t, int a, java.util.function.UnaryOperator<UnitDraft.AssessmentDraft> edit,
                                  java.util.function.Supplier<Focusable<?>> focus) {
        changeTarget(t, target -> {
            List<UnitDraft.AssessmentDraft> list = new ArrayList<>(target.assessments());
            list.set(a, edit.apply(list.get(a)));
            return withAssessments(target, list);
        }, focus);
    }

    private static UnitDraft.TargetDraft withAssessments(UnitDraft.TargetDraft t, List<UnitDraft.AssessmentDraft> list) {
        return new UnitDraft.TargetDraft(t.id(), t.indicatorId(), t.suggestedDate(), list);
    }

    private static UnitDraft.AssessmentDraft withOptions(UnitDraft.AssessmentDraft a, List<UnitDraft.OptionDraft> list) {
        return new UnitDraft.AssessmentDraft(a.id(), a.title(), a.kind(), a.rubricId(), a.choiceRule(), list);
    }

    private static <T> List<T> add(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    private static <T> List<T> removeAt(List<T> list, int index) {
        List<T> copy = new ArrayList<>(list);
        copy.remove(index);
        return copy;
    }

    private static UnitDraft.AssessmentDraft blankAssessment() {
        return new UnitDraft.AssessmentDraft(null, "", AssessmentKind.FORMATIVE, null, ChoiceRule.CHOOSE_ONE,
                List.of(blankOption()));
    }

    private static UnitDraft.OptionDraft blankOption() {
        return new UnitDraft.OptionDraft(null, "", null, Modality.WRITTEN, List.of(), null, null);
    }

    private UnitDraft draft(Unit current) {
        return new UnitDraft(title.getValue(), description.getValue(),
                pacing.getValue() == null ? Pacing.SELF_PACED : pacing.getValue(),
                continuum.getValue() == null ? Continuum.PARTICIPANT : continuum.getValue(), current.revision(), collect());
    }

    private void save() {
        Unit current = unit;
        if (current == null) {
            return;
        }
        try {
            show(units.save(current.id(), draft(current)));
            Notification.show(getTranslation("unit.saved"));
        } catch (UnitRejectedException e) {
            showProblems(e.problems());
        } catch (UnitConflictException e) {
            conflict(current);
        }
    }

    private void publish() {
        Unit current = unit;
        if (current == null) {
            return;
        }
        try {
            Unit saved = units.save(current.id(), draft(current));
            show(units.publish(saved.id(), saved.revision()));
            Notification.show(getTranslation("unit.published", saved.title()));
        } catch (UnitRejectedException e) {
            showProblems(e.problems());
        } catch (UnitConflictException e) {
            conflict(current);
        }
    }

    private void conflict(Unit current) {
        clearProblems();
        Button reload = new Button(getTranslation("unit.reload"), event -> show(units.unit(current.id())));
        reload.setId("reload-unit");
        problems.add(new Paragraph(getTranslation(UnitConflictException.MESSAGE_KEY)), reload);
        problems.setVisible(true);
    }

    private void showProblems(List<UnitProblem> found) {
        clearProblems();
        UnorderedList list = new UnorderedList();
        for (UnitProblem problem : found) {
            String message = getTranslation(problem.messageKey());
            HasValidation field = null;
            Integer t = problem.target();
            if (t == null) {
                field = switch (problem.field()) {
                    case TITLE -> title;
                    case DESCRIPTION -> description;
                    default -> null;
                };
                list.add(new ListItem(message));
            } else {
                if (t < targets.size()) {
                    field = targets.get(t).field(problem);
                }
                list.add(new ListItem(getTranslation("unit.problem.at-target", t + 1, message)));
            }
            if (field != null && !field.isInvalid()) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            }
        }
        problems.add(new Paragraph(getTranslation("unit.problems.title")), list);
        problems.setVisible(true);
    }

    private void clearProblems() {
        problems.removeAll();
        problems.setVisible(false);
        title.setInvalid(false);
        description.setInvalid(false);
    }

    @Override
    public String getPageTitle() {
        return unit == null ? getTranslation("unit.builder.title") : unit.title();
    }
}
