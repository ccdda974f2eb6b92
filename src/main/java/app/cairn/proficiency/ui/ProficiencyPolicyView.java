package app.cairn.proficiency.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.AbstractNumberField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import app.cairn.proficiency.CalculationMethod;
import app.cairn.proficiency.GradeMapping;
import app.cairn.proficiency.LevelView;
import app.cairn.proficiency.PolicyConflictException;
import app.cairn.proficiency.PolicyDraft;
import app.cairn.proficiency.PolicyRejectedException;
import app.cairn.proficiency.ProficiencyPolicies;
import app.cairn.proficiency.ProficiencyPolicy;
import app.cairn.proficiency.ProficiencyScales;
import app.cairn.proficiency.RollUp;
import app.cairn.proficiency.RollUpRule;
import app.cairn.proficiency.ScaleView;
import app.cairn.shared.ui.CourseLayout;
import app.cairn.shared.ui.PointsText;
import jakarta.annotation.security.RolesAllowed;

/**
 * "How proficiency is calculated": where a teacher sets the course's proficiency policy (the method
 * and its parameter, the roll-up rule, the level-to-gradebook mapping), each choice said in one plain
 * sentence, with the chosen method worked out on an example and a preview of what each level sends to
 * the LMS. Under {@code scale/}, so the "Proficiency scale" tab stays marked and the tab row gets no
 * new tab; the two pages link to each other. Saving recalculates every student's proficiency
 * ({@link ProficiencyPolicies#savePolicyOfMyCourse}).
 */
@Route(value = "scale/calculation", layout = CourseLayout.class)
@RolesAllowed("TEACHER")
public class ProficiencyPolicyView extends VerticalLayout implements HasDynamicTitle {

    private final ProficiencyPolicies policies;
    private final ProficiencyScales scales;
    private final Paragraph source = new Paragraph();
    private final Div problems = new Div();
    private final RadioButtonGroup<CalculationMethod> method = new RadioButtonGroup<>();
    private final NumberField weight = new NumberField();
    private final IntegerField times = new IntegerField();
    private final MethodExample example = new MethodExample();
    private final RadioButtonGroup<RollUpRule> rollUp = new RadioButtonGroup<>();
    private final Paragraph rollUpExample = new Paragraph();
    private final RadioButtonGroup<GradeMapping> mapping = new RadioButtonGroup<>();
    private final NumberField maximum = new NumberField();
    private final FormLayout tableFields = new FormLayout();
    /** One field per level of the course's scale, lowest first, for the TABLE mapping. */
    private final Map<LevelView, NumberField> tableRows = new LinkedHashMap<>();
    private final GradePreview preview = new GradePreview();
    private final Button save = new Button();
    private ScaleView scale;
    private ProficiencyPolicy loaded;

    public ProficiencyPolicyView(ProficiencyPolicies policies, ProficiencyScales scales) {
        this.policies = policies;
        this.scales = scales;
        // Read first: the choices' sentences name the scale's mastery level.
        scale = scales.scaleOfMyCourse();
        loaded = policies.policyOfMyCourse();
        addClassName("cairn-policy");
        setPadding(false);

        source.setId("policy-source");
        problems.setId("policy-problems");
        problems.addClassName("cairn-problems");
        problems.getElement().setAttribute("role", "alert");
        problems.setVisible(false);

        vertical(method, "policy-method", getTranslation("policy.method.label"), CalculationMethod.values());
        method.setRenderer(choice(m -> "proficiency.policy.method." + m, m -> "policy.method.help." + m));
        weight.setId("policy-weight");
        weight.setLabel(getTranslation("policy.weight"));
        weight.setHelperText(getTranslation("policy.weight.help"));
        weight.setStep(0.05);
        weight.setStepButtonsVisible(true);
        times.setId("policy-times");
        times.setLabel(getTranslation("policy.times"));
        times.setStep(1);
        times.setMin(1);
        times.setStepButtonsVisible(true);
        vertical(rollUp, "policy-rollup", getTranslation("policy.rollup.label"), RollUpRule.values());
        rollUp.setRenderer(choice(r -> "proficiency.policy.rollup." + r, r -> "policy.rollup.help." + r));
        rollUpExample.setId("policy-rollup-example");
        vertical(mapping, "policy-mapping", getTranslation("policy.grade.label"), GradeMapping.values());
        mapping.setRenderer(choice(g -> "proficiency.policy.mapping." + g, g -> "policy.grade.help." + g));
        maximum.setId("policy-maximum");
        maximum.setLabel(getTranslation("policy.grade.maximum"));
        maximum.setHelperText(getTranslation("policy.grade.maximum.help"));
        tableFields.setId("policy-table");
        tableFields.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32em", 2));
        // The example and the preview follow the typing, without a round trip per key.
        weight.setValueChangeMode(ValueChangeMode.LAZY);
        times.setValueChangeMode(ValueChangeMode.LAZY);
        maximum.setValueChangeMode(ValueChangeMode.LAZY);
        // The service decides what is valid; the fields only show its verdict.
        weight.setManualValidation(true);
        times.setManualValidation(true);
        maximum.setManualValidation(true);

        method.addValueChangeListener(event -> showMethod());
        weight.addValueChangeListener(event -> showMethod());
        times.addValueChangeListener(event -> showMethod());
        rollUp.addValueChangeListener(event -> showRollUp());
        mapping.addValueChangeListener(event -> showMapping());
        maximum.addValueChangeListener(event -> showMapping());

        save.setId("save-policy");
        save.setText(getTranslation("policy.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Recalculating a big course takes a few seconds: no second click meanwhile.
        save.setDisableOnClick(true);
        save.addClickListener(event -> save());
        Paragraph saveHelp = new Paragraph(getTranslation("policy.save.help"));
        saveHelp.setId("policy-save-help");
        save.getElement().setAttribute("aria-describedby", "policy-save-help");

        add(new SettingsLinks(ProficiencyPolicyView.class), new H1(getTranslation("policy.title")),
                new Paragraph(getTranslation("policy.intro")), source, problems,
                section("policy-method-heading", "policy.method.heading", method, weight, times, example),
                section("policy-rollup-heading", "policy.rollup.heading", rollUp, rollUpExample),
                section("policy-grade-heading", "policy.grade.heading",
                        new Paragraph(getTranslation("policy.grade.intro")), mapping, maximum, tableFields, preview),
                saveHelp, save);
        show();
    }

    /** A radio item: the choice's name, and under it the one sentence that says what it does. */
    private <T> ComponentRenderer<Div, T> choice(Function<T, String> labelKey, Function<T, String> helpKey) {
        return new ComponentRenderer<>(item -> {
            Span name = new Span(getTranslation(labelKey.apply(item)));
            name.addClassName("cairn-choice-name");
            Span help = new Span(sentence(helpKey.apply(item)));
            help.addClassName("cairn-muted");
            return new Div(name, help);
        });
    }

    /**
     * A choice's sentence; the two that name the mastery level get it as {0}. Only they get an
     * argument: with one, MessageFormat would eat the apostrophes of the others.
     */
    private String sentence(String key) {
        return key.endsWith("." + CalculationMethod.PROFICIENT_N_TIMES) || key.endsWith("." + GradeMapping.PASS_FAIL)
                ? getTranslation(key, scale.masteryLevel().label()) : getTranslation(key);
    }

    private Section section(String headingId, String headingKey, Component... content) {
        H2 heading = new H2(getTranslation(headingKey));
        heading.setId(headingId);
        Section section = new Section(heading);
        section.add(content);
        section.getElement().setAttribute("aria-labelledby", headingId);
        section.addClassName("cairn-policy-section");
        return section;
    }

    /** Fills the form with the course's scale and saved policy (or the defaults). */
    private void show() {
        source.setText(getTranslation(loaded.revision() == null ? "policy.source.default" : "policy.source.own"));
        times.setHelperText(getTranslation("policy.times.help", scale.masteryLevel().label()));
        // Items are rendered with the mastery level's label, which the scale may have changed.
        method.getDataProvider().refreshAll();
        mapping.getDataProvider().refreshAll();
        method.setValue(loaded.method());
        weight.setValue(loaded.weight());
        times.setValue(loaded.times());
        rollUp.setValue(loaded.rollUp());
        mapping.setValue(loaded.gradeMapping());
        maximum.setValue(loaded.gradeMaximum());
        tableFields.removeAll();
        tableRows.clear();
        // A level without a row yet starts at its linear points, the same fallback the gradebook uses.
        ProficiencyPolicy asTable = new ProficiencyPolicy(loaded.method(), loaded.weight(), loaded.times(),
                loaded.rollUp(), GradeMapping.TABLE, loaded.gradeMaximum(), loaded.gradeTable(), loaded.revision());
        List<LevelView> levels = scale.levels();
        for (int i = 0; i < levels.size(); i++) {
            LevelView level = levels.get(i);
            NumberField points = new NumberField();
            points.setId("policy-table-" + i);
            points.setLabel(getTranslation("policy.grade.row", level.label()));
            points.setManualValidation(true);
            points.setValueChangeMode(ValueChangeMode.LAZY);
            points.setValue(asTable.gradeFor(level, scale));
            points.addValueChangeListener(event -> showMapping());
            tableRows.put(level, points);
            tableFields.add(points);
        }
        clearProblems();
        showMethod();
        showRollUp();
        showMapping();
    }

    private static boolean usesWeight(@Nullable CalculationMethod m) {
        return m == CalculationMethod.DECAYING_AVERAGE || m == CalculationMethod.WEIGHTED_LATEST;
    }

    private static boolean usesTimes(@Nullable CalculationMethod m) {
        return m == CalculationMethod.PROFICIENT_N_TIMES;
    }

    private void showMethod() {
        CalculationMethod chosen = method.getValue();
        weight.setVisible(usesWeight(chosen));
        times.setVisible(usesTimes(chosen));
        if (chosen == null) {
            return;
        }
        Double w = weight.getValue();
        Integer n = times.getValue();
        if (usesWeight(chosen) && (w == null || !(w > 0 && w < 1))) {
            example.showMissing("policy.example.needs-weight");
        } else if (usesTimes(chosen) && (n == null || n < 1)) {
            example.showMissing("policy.example.needs-times");
        } else {
            example.show(scale, chosen, usesWeight(chosen) ? w : loaded.weight(), usesTimes(chosen) ? n : loaded.times());
        }
    }

    private void showRollUp() {
        RollUpRule rule = rollUp.getValue();
        if (rule == null) {
            return;
        }
        List<Double> parts = MethodExample.indicators(scale);
        double value = RollUp.combine(rule, parts.stream().map(Optional::of).toList(), scale).orElseThrow();
        rollUpExample.setText(getTranslation("policy.rollup.example",
                String.join(", ", parts.stream().map(p -> PointsText.of(p, locale())).toList()),
                PointsText.of(value, locale()), scale.levelFor(value).label()));
    }

    private void showMapping() {
        GradeMapping chosen = mapping.getValue();
        tableFields.setVisible(chosen == GradeMapping.TABLE);
        if (chosen == null) {
            return;
        }
        Double max = maximum.getValue();
        boolean maxValid = max != null && max > 0;
        List<@Nullable Double> sent = new ArrayList<>();
        ProficiencyPolicy onForm = new ProficiencyPolicy(loaded.method(), loaded.weight(), loaded.times(), loaded.rollUp(),
                chosen, maxValid ? max : 0, Map.of(), loaded.revision());
        for (LevelView level : scale.levels()) {
            if (chosen == GradeMapping.TABLE) {
                sent.add(tableRows.get(level).getValue());
            } else {
                sent.add(maxValid ? onForm.gradeFor(level, scale) : null);
            }
        }
        preview.show(scale.levels(), sent, maxValid ? max : null);
    }

    private PolicyDraft draft() {
        CalculationMethod chosen = method.getValue();
        // A parameter the method does not use is hidden; the saved value goes back unchanged, so a
        // hidden field never blocks a save.
        double w = usesWeight(chosen) ? orNaN(weight.getValue()) : loaded.weight();
        int n = usesTimes(chosen) ? (times.getValue() == null ? 0 : times.getValue()) : loaded.times();
        Map<BigDecimal, Double> table = new HashMap<>();
        if (mapping.getValue() == GradeMapping.TABLE) {
            tableRows.forEach((level, field) -> {
                if (field.getValue() != null) {
                    table.put(level.points(), field.getValue());
                }
            });
        }
        return new PolicyDraft(chosen, w, n, rollUp.getValue(), mapping.getValue(), orNaN(maximum.getValue()), table,
                loaded.revision());
    }

    private static double orNaN(@Nullable Double value) {
        return value == null ? Double.NaN : value;
    }

    private void save() {
        clearProblems();
        try {
            loaded = policies.savePolicyOfMyCourse(draft());
            scale = scales.scaleOfMyCourse();
            show();
            Notification saved = Notification.show(getTranslation("policy.saved"), 8000,
                    Notification.Position.BOTTOM_START);
            saved.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (PolicyRejectedException e) {
            showProblems(e.messageKeys());
        } catch (PolicyConflictException e) {
            Button reload = new Button(getTranslation("policy.reload"), event -> reload());
            reload.setId("reload-policy");
            problems.add(new Paragraph(getTranslation(PolicyConflictException.MESSAGE_KEY)), reload);
            problems.setVisible(true);
            reload.focus();
        } finally {
            save.setEnabled(true);
        }
    }

    private void reload() {
        scale = scales.scaleOfMyCourse();
        loaded = policies.policyOfMyCourse();
        show();
        // The reload button is gone with the message; keep the keyboard on the form, at its first choice.
        method.getElement().callJsFunction("focus");
    }

    /** Lists every problem and puts each message at the field (or table fields) it is about. */
    private void showProblems(List<String> keys) {
        UnorderedList list = new UnorderedList();
        List<AbstractNumberField<?, ?>> marked = new ArrayList<>();
        for (String key : keys) {
            String message = getTranslation(key);
            list.add(new ListItem(message));
            for (AbstractNumberField<?, ?> field : fieldsOf(key)) {
                if (!field.isInvalid()) {
                    field.setErrorMessage(message);
                    field.setInvalid(true);
                    marked.add(field);
                }
            }
        }
        problems.add(new Paragraph(getTranslation("policy.problems.title")), list);
        problems.setVisible(true);
        if (!marked.isEmpty()) {
            marked.getFirst().focus();
        }
    }

    /** The fields a refusal is about; for the table, the rows that break the rule. */
    private List<AbstractNumberField<?, ?>> fieldsOf(String key) {
        List<AbstractNumberField<?, ?>> fields = new ArrayList<>();
        Double max = maximum.getValue();
        Double previous = null;
        switch (key.substring(key.lastIndexOf('.') + 1)) {
            case "weight" -> fields.add(weight);
            case "times" -> fields.add(times);
            case "maximum" -> fields.add(maximum);
            case "table-levels" -> tableRows.values().stream().filter(f -> f.getValue() == null).forEach(fields::add);
            case "table-range" -> tableRows.values().stream()
                    .filter(f -> f.getValue() != null && (f.getValue() < 0 || max == null || f.getValue() > max))
                    .forEach(fields::add);
            case "table-order" -> {
                for (NumberField field : tableRows.values()) {
                    Double value = field.getValue();
                    if (value == null) {
                        continue;
                    }
                    if (previous != null && value < previous) {
                        fields.add(field);
                    }
                    previous = value;
                }
            }
            default -> {
            }
        }
        return fields;
    }

    private void clearProblems() {
        problems.removeAll();
        problems.setVisible(false);
        List<AbstractNumberField<?, ?>> all = new ArrayList<>(List.<AbstractNumberField<?, ?>>of(weight, times, maximum));
        all.addAll(tableRows.values());
        for (AbstractNumberField<?, ?> field : all) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
    }

    private Locale locale() {
        return getLocale() == null ? Locale.ENGLISH : getLocale();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("policy.page-title");
    }

    /** A labelled group of choices, one under the other. */
    @SafeVarargs
    private static <T> void vertical(RadioButtonGroup<T> group, String id, String label, T... values) {
        group.setId(id);
        group.setLabel(label);
        group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        group.setItems(values);
    }
}
