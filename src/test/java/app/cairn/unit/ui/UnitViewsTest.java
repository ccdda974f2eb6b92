package app.cairn.unit.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import app.cairn.course.ui.StudentHomeView;
import app.cairn.rubric.Rubric;
import app.cairn.rubric.RubricTestData;
import app.cairn.rubric.Rubrics;
import app.cairn.shared.Viewer;
import app.cairn.standards.StandardsLibrary;
import app.cairn.testing.KaribuTest;
import app.cairn.unit.AssessmentKind;
import app.cairn.unit.ChoiceRule;
import app.cairn.unit.Continuum;
import app.cairn.unit.IndicatorOption;
import app.cairn.unit.Pacing;
import app.cairn.unit.ProposalStatus;
import app.cairn.unit.Unit;
import app.cairn.unit.UnitDraft;
import app.cairn.unit.UnitStatus;
import app.cairn.unit.UnitTestData;
import app.cairn.unit.Units;

class UnitViewsTest extends KaribuTest {

    @Autowired
    Units units;
    @Autowired
    StandardsLibrary library;
    @Autowired
    Rubrics rubrics;

    @Test
    void teacher_starts_a_unit_adds_a_target_with_a_menu_saves_and_publishes_with_the_keyboard_friendly_builder() {
        launchAsTeacher(newCourse());
        var standards = RubricTestData.standards(library);
        UI.getCurrent().navigate(UnitsView.class);
        _setValue(_get(TextField.class, spec -> spec.withId("new-unit-title")), "Ecosystems");
        _click(button("new-unit"));

        assertThat(_get(UnitBuilderView.class)).isNotNull();
        _click(button("add-target"));
        pick(combo("target-0-indicator"), standards.indicator());
        _click(button("target-0-add-assessment"));
        _setValue(textField("assessment-0-0-title"), "Check-in");
        _setValue(textField("option-0-0-0-title"), "Essay");
        _click(button("assessment-0-0-add-option"));
        _setValue(textField("option-0-0-1-title"), "Podcast");
        _click(button("add-target"));
        pick(combo("target-1-indicator"), standards.otherIndicator());
        _click(button("target-1-up"));

        assertThat(button("target-0-up").isEnabled()).isFalse();
        assertThat(button("target-1-up").getAriaLabel()).contains("Move target 2 up");
        assertThat(textField("assessment-1-0-title").getValue()).isEqualTo("Check-in");
        _click(button("target-0-remove"));
        _click(button("publish-unit"));

        Unit unit = units.units().stream().map(s -> units.unit(s.id())).findFirst().orElseThrow();
        assertThat(unit.status()).isEqualTo(UnitStatus.PUBLISHED);
        assertThat(unit.targets()).singleElement().satisfies(t -> {
            assertThat(t.indicatorId()).isEqualTo(standards.indicator());
            assertThat(t.assessments().getFirst().options()).extracting(Unit.LearningOption::title)
                    .containsExactly("Essay", "Podcast");
        });
    }

    @Test
    void a_summative_assessment_without_a_rubric_is_shown_at_the_field_and_in_an_alert() {
        launchAsTeacher(newCourse());
        var standards = RubricTestData.standards(library);
        Unit unit = units.create("Ecosystems");
        units.save(unit.id(), UnitTestData.draft(unit, Pacing.SELF_PACED, Continuum.PARTICIPANT,
                UnitTestData.target(standards.indicator(), null, UnitTestData.formative("Final", UnitTestData.option("Essay")))));
        open(unit.id());

        _setValue(select("assessment-0-0-kind"), AssessmentKind.SUMMATIVE);
        _click(button("save-unit"));

        Div problems = _get(Div.class, spec -> spec.withId("unit-problems"));
        assertThat(problems.isVisible()).isTrue();
        assertThat(problems.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(problems.getElement().getTextRecursively()).contains("not saved", "Target 1: A summative assessment needs a rubric");
        assertThat(combo("assessment-0-0-rubric").isInvalid()).isTrue();
        assertThat(units.unit(unit.id()).targets().getFirst().assessments().getFirst().kind()).isEqualTo(AssessmentKind.FORMATIVE);
    }

    @Test
    void a_teacher_of_another_course_opening_a_unit_by_id_is_told_it_was_not_found() {
        launchAsTeacher(newCourse());
        var built = UnitTestData.published(units, library, Pacing.SELF_PACED, Continuum.PARTICIPANT);

        launchAsTeacher(newCourse());
        UI.getCurrent().navigate("units/" + built.unit().id());
        assertThat(_get(Paragraph.class, spec -> spec.withId("unit-not-found")).getText()).contains("not found in this course");
        assertThat(_get(UnitBuilderView.class).getElement().getTextRecursively()).doesNotContain("Ecosystems", "Essay");

        UI.getCurrent().navigate("units/" + built.unit().id() + "/board");
        assertThat(_get(Paragraph.class, spec -> spec.withId("unit-not-found")).getText()).contains("not found");
    }

    @Test
    void a_student_cannot_open_the_board_the_builder_or_the_units_list() {
        String course = newCourse();
        launchAsTeacher(course);
        var built = UnitTestData.published(units, library, Pacing.SELF_PACED, Continuum.PARTICIPANT);
        Viewer student = launchAsStudent(course);

        assertThatThrownBy(() -> UI.getCurrent().navigate("units/" + built.unit().id() + "/board"))
                .isInstanceOf(MockAccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate("units/" + built.unit().id()))
                .isInstanceOf(MockAccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate("units/" + built.unit().id() + "/students/" + student.personId()))
                .isInstanceOf(MockAccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate(UnitsView.class)).isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    void student_sees_the_current_target_what_proficient_looks_like_chooses_and_sees_the_next_target_locked() {
        String course = newCourse();
        launchAsTeacher(course);
        var standards = RubricTestData.standards(library);
        Rubric rubric = rubrics.create("Lab report");
        Unit unit = units.create("Ecosystems");
        unit = units.save(unit.id(), UnitTestData.draft(unit, Pacing.SELF_PACED, Continuum.PARTICIPANT,
                UnitTestData.target(standards.indicator(), null, new UnitDraft.AssessmentDraft(null, "Final",
                        AssessmentKind.SUMMATIVE, rubric.id(), ChoiceRule.CHOOSE_ONE,
                        List.of(UnitTestData.option("Essay"), UnitTestData.option("Podcast")))),
                UnitTestData.target(standards.otherIndicator(), null, UnitTestData.formative("Lab", UnitTestData.option("Poster")))));
        unit = units.publish(unit.id(), unit.revision());
        launchAsStudent(course);

        UI.getCurrent().navigate(StudentHomeView.class);

        assertThat(_get(Paragraph.class, spec -> spec.withId("path-where")).getText())
                .isEqualTo("You are working on target 1: SCI.1.a Plans a fair test");
        assertThat(_get(Paragraph.class, spec -> spec.withId("path-next")).getText()).contains("SCI.1.b");
        assertThat(_get(Div.class, spec -> spec.withId("path-0-0-rubric")).getElement().getTextRecursively())
                .contains("What proficient looks like", "Lab report");
        assertThat(_get(Div.class, spec -> spec.withId("path-0-0-rubric")).getChildren()
                .flatMap(c -> c.getChildren()).anyMatch(c -> c instanceof com.vaadin.flow.component.html.H5
                        && ((com.vaadin.flow.component.html.H5) c).getText().equals("Lab report")))
                .as("the rubric's title sits below the step's and the assessment's headings").isTrue();
        assertThat(_get(Span.class, spec -> spec.withId("step-1-state")).getText()).isEqualTo("Locked");
        assertThat(_get(Section.class, spec -> spec.withId("step-1")).getElement().getTextRecursively())
                .doesNotContain("Poster");
        long podcast = unit.targets().getFirst().assessments().getFirst().options().get(1).id();
        _click(button("choose-" + podcast));

        assertThat(button("choose-" + podcast).isEnabled()).isFalse();
        assertThat(units.myPath(unit.id()).steps().getFirst().chosenOptionIds()).containsExactly(podcast);
        _setValue(_get(TextArea.class, spec -> spec.withId("goal-0")), "Test one variable");
        _click(button("save-notes-0"));
        assertThat(units.myPath(unit.id()).steps().getFirst().goal()).isEqualTo("Test one variable");
    }

    @Test
    void a_co_designer_proposes_an_option_the_teacher_returns_it_from_the_board_and_the_student_sees_the_comment() {
        String course = newCourse();
        launchAsTeacher(course);
        var built = UnitTestData.published(units, library, Pacing.SELF_PACED, Continuum.CO_DESIGNER);
        Viewer student = launchAs(app.cairn.shared.Role.STUDENT, course, "kai-" + course, "Kai");
        UI.getCurrent().navigate(StudentHomeView.class);
        _setValue(textField("propose-0-title"), "Comic");
        _setValue(_get(TextArea.class, spec -> spec.withId("propose-0-plan")), "A comic of my test");
        _click(button("propose-0-send"));
        assertThat(_get(Div.class, spec -> spec.withId("propose-0-problems")).getElement().getTextRecursively())
                .contains("Say how your work will show");
        _setValue(_get(TextArea.class, spec -> spec.withId("propose-0-evidence")), "Each panel is a step");
        _click(button("propose-0-send"));
        long proposal = units.myPath(built.unit().id()).proposals().getFirst().id();

        launchAsTeacher(course);
        UI.getCurrent().navigate("units/" + built.unit().id() + "/board");
        assertThat(_get(Section.class, spec -> spec.withId("proposal-" + proposal)).getElement().getTextRecursively())
                .contains("Comic", "By Kai", "An alternative option");
        assertThat(_get(com.vaadin.flow.component.html.NativeTableRow.class,
                spec -> spec.withId("board-row-" + student.personId())).getElement().getTextRecursively())
                .contains("Kai", "Target 1: SCI.1.a");
        _click(button("proposal-" + proposal + "-return"));
        assertThat(_get(TextArea.class, spec -> spec.withId("proposal-" + proposal + "-comment")).isInvalid()).isTrue();
        _setValue(_get(TextArea.class, spec -> spec.withId("proposal-" + proposal + "-comment")), "Add a data table");
        _click(button("proposal-" + proposal + "-return"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("board-no-pending"))).isNotNull();

        launchAs(app.cairn.shared.Role.STUDENT, course, "kai-" + course, "Kai");
        UI.getCurrent().navigate(StudentHomeView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("my-proposal-" + proposal)).getText())
                .contains("Comic", "returned", "Add a data table");
        assertThat(units.proposal(proposal).status()).isEqualTo(ProposalStatus.RETURNED);
    }

    @Test
    void teacher_opens_a_students_path_from_the_board_and_lets_them_move_on_with_a_reason() {
        String course = newCourse();
        launchAsTeacher(course);
        var built = UnitTestData.published(units, library, Pacing.SELF_PACED, Continuum.PARTICIPANT);
        Viewer student = launchAs(app.cairn.shared.Role.STUDENT, course, "ana-" + course, "Ana");
        launchAsTeacher(course);
        UI.getCurrent().navigate("units/" + built.unit().id() + "/board");

        UI.getCurrent().navigate(_get(com.vaadin.flow.router.RouterLink.class,
                spec -> spec.withId("open-path-" + student.personId())).getHref());
        assertThat(_get(StudentPathView.class)).isNotNull();
        assertThat(_get(Paragraph.class, spec -> spec.withId("path-where")).getText())
                .as("the teacher reads about the student, not the student's own words")
                .startsWith("Working on target 1: ");
        _click(button("override-gate"));
        assertThat(_get(TextArea.class, spec -> spec.withId("override-reason")).isInvalid()).isTrue();
        _setValue(_get(TextArea.class, spec -> spec.withId("override-reason")), "Showed it in discussion");
        _click(button("override-gate"));

        assertThat(_get(Span.class, spec -> spec.withId("step-0-state")).getText()).isEqualTo("Passed");
        assertThat(_get(Span.class, spec -> spec.withId("step-1-state")).getText()).isEqualTo("Working on it now");
        assertThat(_get(Section.class, spec -> spec.withId("step-0")).getElement().getTextRecursively())
                .contains("A teacher let this student move on: Showed it in discussion");
    }

    @Test
    void units_tab_lists_units_duplicates_and_publishes() {
        launchAsTeacher(newCourse());
        var built = UnitTestData.published(units, library, Pacing.SELF_PACED, Continuum.PARTICIPANT);
        UI.getCurrent().navigate(UnitsView.class);

        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("nav-units")).getHref()).isEqualTo("units");
        _click(button("duplicate-unit-" + built.unit().id()));
        long copy = units.units().getLast().id();
        assertThat(units.unit(copy).title()).isEqualTo("Copy of Ecosystems");
        _click(button("publish-unit-" + copy));
        assertThat(units.unit(copy).status()).isEqualTo(UnitStatus.PUBLISHED);
    }

    private void open(long unitId) {
        UI.getCurrent().navigate("units/" + unitId);
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    private static TextField textField(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static <T> Select<T> select(String id) {
        return _get(Select.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> combo(String id) {
        return _get(ComboBox.class, spec -> spec.withId(id));
    }

    private static void pick(ComboBox<IndicatorOption> combo, long indicatorId) {
        IndicatorOption option = combo.getListDataView().getItems().filter(i -> i.id() == indicatorId).findFirst().orElseThrow();
        _setValue(combo, option);
    }

}
