package app.cairn.proficiency.ui;

import static app.cairn.evidence.EvidenceTestData.actAs;
import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.RouterLink;

import app.cairn.evidence.BodyOfEvidence;
import app.cairn.evidence.EvidenceTestData;
import app.cairn.evidence.EvidenceView;
import app.cairn.evidence.Mastery;
import app.cairn.evidence.ScoreDraft;
import app.cairn.evidence.Scoring;
import app.cairn.evidence.ScoringSheet;
import app.cairn.proficiency.CalculationMethod;
import app.cairn.proficiency.GradeMapping;
import app.cairn.proficiency.PolicyDraft;
import app.cairn.proficiency.ProficiencyPolicies;
import app.cairn.proficiency.ProficiencyPolicy;
import app.cairn.proficiency.RollUpRule;
import app.cairn.rubric.Rubric;
import app.cairn.rubric.Rubrics;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;
import app.cairn.standards.StandardsLibrary;
import app.cairn.testing.KaribuTest;
import app.cairn.testing.TestOutbox;
import app.cairn.unit.Continuum;
import app.cairn.unit.Pacing;
import app.cairn.unit.Units;

class ProficiencyPolicyViewTest extends KaribuTest {

    @Autowired
    ProficiencyPolicies policies;
    @Autowired
    Units units;
    @Autowired
    StandardsLibrary library;
    @Autowired
    Rubrics rubrics;
    @Autowired
    BodyOfEvidence evidence;
    @Autowired
    Scoring scoring;
    @Autowired
    Mastery mastery;
    @Autowired
    DSLContext db;

    @AfterEach
    void leaveNothingToSend() {
        TestOutbox.leaveNothingToSend(db);
    }

    @Test
    void teacher_sees_the_default_policy_worked_out_on_an_example_and_what_each_level_sends() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(ProficiencyPolicyView.class);

        assertThat(text("policy-source")).contains("default");
        assertThat(method().getValue()).isEqualTo(CalculationMethod.DECAYING_AVERAGE);
        assertThat(weight().getValue()).isEqualTo(0.65);
        assertThat(_find(IntegerField.class, spec -> spec.withId("policy-times"))).as("n is not used").isEmpty();
        assertThat(rollUp().getValue()).isEqualTo(RollUpRule.MEAN);
        assertThat(mapping().getValue()).isEqualTo(GradeMapping.LINEAR);
        assertThat(maximum().getValue()).isEqualTo(100.0);
        assertThat(_find(NumberField.class, spec -> spec.withId("policy-table-0"))).as("no table for linear").isEmpty();

        // 2, 1, 3, 4, 3 with w = 0.65: 2 → 1.35 → 2.42 → 3.45 → 3.16.
        assertThat(_get(OrderedList.class, spec -> spec.withId("policy-example-steps")).getElement().getTextRecursively())
                .contains("2, 1, 3, 4, 3", "3.45");
        assertThat(text("policy-example-result")).isEqualTo("Result: 3.16, which reaches Proficient.");
        assertThat(text("policy-rollup-example")).contains("4, 3, 2", "gets 3 (Proficient)");
        assertThat(previewPoints()).containsExactly("25", "50", "75", "100");
    }

    @Test
    void choosing_a_method_shows_only_the_parameter_it_uses_and_works_the_example_out_again() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(ProficiencyPolicyView.class);

        _setValue(method(), CalculationMethod.PROFICIENT_N_TIMES);

        assertThat(_find(NumberField.class, spec -> spec.withId("policy-weight"))).isEmpty();
        IntegerField times = _get(IntegerField.class, spec -> spec.withId("policy-times"));
        assertThat(times.getValue()).isEqualTo(2);
        assertThat(times.getLabel()).isNotBlank();
        assertThat(times.getHelperText()).contains("Proficient");
        // Scores at Proficient (3) or higher: 3, 4, 3; their mean is 3.33.
        assertThat(text("policy-example-result")).isEqualTo("Result: 3.33, which reaches Proficient.");
        _setValue(times, 4);
        assertThat(text("policy-example-result")).isEqualTo("Result: no proficiency yet.");

        _setValue(method(), CalculationMethod.HIGHEST);
        assertThat(_find(IntegerField.class, spec -> spec.withId("policy-times"))).isEmpty();
        assertThat(_find(NumberField.class, spec -> spec.withId("policy-weight"))).isEmpty();
        assertThat(text("policy-example-result")).isEqualTo("Result: 4, which reaches Exceeding.");

        _setValue(method(), CalculationMethod.WEIGHTED_LATEST);
        _setValue(weight(), 0.5);
        // 0.5 × 3 + 0.5 × 2.5 (the mean of 2, 1, 3, 4).
        assertThat(text("policy-example-result")).isEqualTo("Result: 2.75, which reaches Developing.");
    }

    @Test
    void saving_recalculates_every_students_proficiency_and_says_so() {
        String course = newCourse();
        String teacherSubject = "teacher-" + UUID.randomUUID();
        Viewer teacher = launchAs(Role.TEACHER, course, teacherSubject, "Terry Teacher");
        EvidenceTestData.Course built = EvidenceTestData.build(units, library, rubrics, Pacing.SELF_PACED,
                Continuum.PARTICIPANT);
        scoreOneLab(course, teacher, built, 2);
        assertThat(proficiencyOfTheStudent(built)).as("one Proficient score, decaying average").isEqualTo(3.0);

        launchAs(Role.TEACHER, course, teacherSubject, "Terry Teacher");
        UI.getCurrent().navigate(ProficiencyPolicyView.class);
        _setValue(method(), CalculationMethod.PROFICIENT_N_TIMES);
        _setValue(_get(IntegerField.class, spec -> spec.withId("policy-times")), 2);
        _setValue(rollUp(), RollUpRule.MINIMUM);
        _click(button("save-policy"));

        NotificationsKt.expectNotifications("Saved. Every student's proficiency in this course was calculated again "
                + "with these settings, and grades that changed are on their way to the LMS gradebook.");
        ProficiencyPolicy saved = policies.policyOfMyCourse();
        assertThat(saved.method()).isEqualTo(CalculationMethod.PROFICIENT_N_TIMES);
        assertThat(saved.times()).isEqualTo(2);
        assertThat(saved.rollUp()).isEqualTo(RollUpRule.MINIMUM);
        assertThat(saved.weight()).as("the hidden weight is kept").isEqualTo(0.65);
        assertThat(saved.revision()).isEqualTo(1);
        assertThat(proficiencyOfTheStudent(built)).as("one Proficient score is not yet two").isNull();
        assertThat(text("policy-source")).contains("its own");
        assertThat(button("save-policy").isEnabled()).isTrue();
    }

    @Test
    void a_table_shows_one_field_per_level_previews_it_and_saves_it() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(ProficiencyPolicyView.class);

        _setValue(mapping(), GradeMapping.TABLE);

        assertThat(table(0).getLabel()).isEqualTo("Points for Beginning");
        assertThat(table(3).getLabel()).isEqualTo("Points for Exceeding");
        assertThat(_find(NumberField.class, spec -> spec.withId("policy-table-4"))).isEmpty();
        assertThat(table(1).getValue()).as("starts at the linear points").isEqualTo(50.0);
        _setValue(table(0), 55.0);
        _setValue(table(1), 70.0);
        _setValue(table(2), 90.0);
        assertThat(previewPoints()).containsExactly("55", "70", "90", "100");
        _click(button("save-policy"));

        ProficiencyPolicy saved = policies.policyOfMyCourse();
        assertThat(saved.gradeMapping()).isEqualTo(GradeMapping.TABLE);
        assertThat(saved.gradeTable()).containsEntry(new BigDecimal("2.00"), 70.0).containsEntry(new BigDecimal("4.00"), 100.0);

        _setValue(mapping(), GradeMapping.PASS_FAIL);
        assertThat(previewPoints()).containsExactly("0", "0", "100", "100");
    }

    @Test
    void a_weight_of_one_or_more_is_shown_at_its_field_and_nothing_is_saved() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(ProficiencyPolicyView.class);

        _setValue(weight(), 1.5);
        assertThat(text("policy-example-result")).isEqualTo("Enter a weight between 0 and 1 to see the example.");
        _click(button("save-policy"));

        assertThat(weight().isInvalid()).isTrue();
        assertThat(weight().getErrorMessage()).isEqualTo("The weight must be more than 0 and less than 1, for example 0.65.");
        assertThat(maximum().isInvalid()).isFalse();
        Div problems = _get(Div.class, spec -> spec.withId("policy-problems"));
        assertThat(problems.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(problems.getElement().getTextRecursively()).contains("not saved", "The weight must be");
        assertThat(policies.policyOfMyCourse().revision()).as("still the defaults").isNull();
        NotificationsKt.expectNoNotifications();
    }

    @Test
    void a_table_going_down_is_shown_at_the_row_that_breaks_it_and_nothing_is_saved() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(ProficiencyPolicyView.class);
        _setValue(mapping(), GradeMapping.TABLE);

        _setValue(table(2), 40.0);
        _click(button("save-policy"));

        assertThat(table(2).isInvalid()).isTrue();
        assertThat(table(2).getErrorMessage()).startsWith("A higher level cannot give fewer points");
        assertThat(table(1).isInvalid()).isFalse();
        assertThat(_get(Div.class, spec -> spec.withId("policy-problems")).getElement().getTextRecursively())
                .contains("A higher level cannot give fewer points than a lower one.");
        assertThat(policies.policyOfMyCourse().gradeMapping()).isEqualTo(GradeMapping.LINEAR);

        _setValue(table(2), 75.0);
        _click(button("save-policy"));
        assertThat(table(2).isInvalid()).as("fixed and saved").isFalse();
        assertThat(policies.policyOfMyCourse().gradeMapping()).isEqualTo(GradeMapping.TABLE);
    }

    @Test
    void a_hidden_parameter_never_blocks_a_save() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(ProficiencyPolicyView.class);

        _setValue(weight(), 7.0);
        _setValue(method(), CalculationMethod.LATEST);
        _click(button("save-policy"));

        assertThat(policies.policyOfMyCourse().method()).isEqualTo(CalculationMethod.LATEST);
        assertThat(policies.policyOfMyCourse().weight()).isEqualTo(0.65);
    }

    @Test
    void the_second_teacher_to_save_is_told_someone_else_changed_it_and_can_reload() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(ProficiencyPolicyView.class);
        ProficiencyPolicy other = policies.savePolicyOfMyCourse(new PolicyDraft(CalculationMethod.HIGHEST, 0.65, 2,
                RollUpRule.MEAN, GradeMapping.LINEAR, 50, Map.of(), null));

        _setValue(method(), CalculationMethod.MEAN);
        _click(button("save-policy"));

        assertThat(_get(Div.class, spec -> spec.withId("policy-problems")).getElement().getTextRecursively())
                .contains("Another teacher changed this course's proficiency settings", "Nothing was saved");
        assertThat(policies.policyOfMyCourse()).isEqualTo(other);
        NotificationsKt.expectNoNotifications();

        _click(button("reload-policy"));
        assertThat(method().getValue()).isEqualTo(CalculationMethod.HIGHEST);
        assertThat(maximum().getValue()).isEqualTo(50.0);
        assertThat(_find(Div.class, spec -> spec.withId("policy-problems"))).isEmpty();
        _setValue(method(), CalculationMethod.MEAN);
        _click(button("save-policy"));
        assertThat(policies.policyOfMyCourse().method()).isEqualTo(CalculationMethod.MEAN);
    }

    @Test
    void the_scale_page_and_this_page_link_to_each_other_under_the_scale_tab() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(ScaleEditorView.class);

        RouterLink toCalculation = _get(RouterLink.class, spec -> spec.withId("settings-calculation"));
        assertThat(toCalculation.getHref()).isEqualTo("scale/calculation");
        assertThat(toCalculation.getText()).isEqualTo("How proficiency is calculated");
        assertThat(_get(RouterLink.class, spec -> spec.withId("settings-scale")).getElement().getAttribute("aria-current"))
                .isEqualTo("page");

        UI.getCurrent().navigate(ProficiencyPolicyView.class);
        assertThat(_get(RouterLink.class, spec -> spec.withId("settings-calculation")).getElement()
                .getAttribute("aria-current")).isEqualTo("page");
        assertThat(_get(Anchor.class, spec -> spec.withId("nav-scale")).getElement().getAttribute("aria-current"))
                .as("no new tab: the scale tab stays marked").isEqualTo("page");
        assertThat(_find(Anchor.class, spec -> spec.withId("nav-scale/calculation"))).isEmpty();
    }

    @Test
    void student_cannot_open_the_policy_page() {
        launchAsStudent(newCourse());

        assertThatThrownBy(() -> UI.getCurrent().navigate(ProficiencyPolicyView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    void the_page_speaks_spanish_to_a_spanish_launch() {
        launchAs(Role.TEACHER, newCourse(), "teacher-es-" + UUID.randomUUID(), "Lucía", Locale.of("es"));
        UI.getCurrent().navigate(ProficiencyPolicyView.class);

        assertThat(_get(H1.class).getText()).isEqualTo("Cómo se calcula el nivel de competencia");
        assertThat(button("save-policy").getText()).isEqualTo("Guardar y recalcular");
        assertThat(text("policy-example-result")).startsWith("Resultado: 3,16, que alcanza");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Cairn – Cómo se calcula el nivel de competencia");
    }

    /** A student hands in the Lab and the teacher scores it at a level (0 is the lowest). */
    private void scoreOneLab(String course, Viewer teacher, EvidenceTestData.Course built, int level) {
        Viewer student = launchAsStudent(course);
        units.choose(built.labAssessment().id(), Set.of(built.essay()));
        EvidenceView handedIn = EvidenceTestData.handInEssay(evidence, built, "My lab");
        assertThat(student.role()).isEqualTo(Role.STUDENT);
        actAs(teacher);
        ScoringSheet sheet = scoring.sheet(handedIn.id());
        Rubric rubric = sheet.rubric();
        scoring.score(handedIn.id(), new ScoreDraft(sheet.evidence().revision(), rubric.current().id(),
                rubric.revision(), Map.of(rubric.current().criteria().getFirst().id(), level), "Clear plan"));
    }

    private Double proficiencyOfTheStudent(EvidenceTestData.Course built) {
        return mastery.grid(built.unit().id()).rows().getFirst().cells().getFirst().proficiency();
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<CalculationMethod> method() {
        return _get(RadioButtonGroup.class, spec -> spec.withId("policy-method"));
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<RollUpRule> rollUp() {
        return _get(RadioButtonGroup.class, spec -> spec.withId("policy-rollup"));
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<GradeMapping> mapping() {
        return _get(RadioButtonGroup.class, spec -> spec.withId("policy-mapping"));
    }

    private static NumberField weight() {
        return _get(NumberField.class, spec -> spec.withId("policy-weight"));
    }

    private static NumberField maximum() {
        return _get(NumberField.class, spec -> spec.withId("policy-maximum"));
    }

    private static NumberField table(int level) {
        return _get(NumberField.class, spec -> spec.withId("policy-table-" + level));
    }

    private static List<String> previewPoints() {
        return java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> _get(NativeTableCell.class, spec -> spec.withId("policy-preview-" + i)).getText()).toList();
    }

    private static String text(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getText();
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }
}
