package app.cairn.unit;

import static app.cairn.unit.UnitTestData.draft;
import static app.cairn.unit.UnitTestData.formative;
import static app.cairn.unit.UnitTestData.option;
import static app.cairn.unit.UnitTestData.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import app.cairn.rubric.RubricTestData;
import app.cairn.rubric.Rubrics;
import app.cairn.shared.Viewer;
import app.cairn.standards.ItemDraft;
import app.cairn.standards.Level;
import app.cairn.standards.StandardsLibrary;
import app.cairn.testing.KaribuTest;

/** The unit service on the real MariaDB, signed in the way a launch signs in. */
class UnitsIT extends KaribuTest {

    @Autowired
    Units units;
    @Autowired
    StandardsLibrary library;
    @Autowired
    Rubrics rubrics;
    @Autowired
    Clock clock;

    @Test
    void a_unit_with_no_targets_cannot_be_published() {
        launchAsTeacher(newCourse());
        Unit unit = units.create("Ecosystems");

        assertThatThrownBy(() -> units.publish(unit.id(), unit.revision()))
                .isInstanceOfSatisfying(UnitRejectedException.class, e -> assertThat(e.problems())
                        .containsExactly(UnitProblem.of("unit.error.no-targets", UnitProblem.Field.TARGETS)));
        assertThat(units.unit(unit.id()).status()).isEqualTo(UnitStatus.DRAFT);
    }

    @Test
    void teacher_saves_targets_with_objectives_dates_and_menus_then_publishes() {
        launchAsTeacher(newCourse());
        var standards = RubricTestData.standards(library);
        library.addItem(standards.frameworkId(), standards.indicator(),
                ItemDraft.of(Level.OBJECTIVE, "SCI.1.a.1", "Names the variable to change"));
        Unit unit = units.create("  Ecosystems ");
        UnitDraft.OptionDraft workBased = new UnitDraft.OptionDraft(null, "Field day", null, Modality.WORK_BASED,
                List.of(), 120, "City parks office");

        Unit saved = units.save(unit.id(), draft(unit, Pacing.SELF_PACED, Continuum.CO_DESIGNER,
                target(standards.indicator(), LocalDate.of(2030, 3, 1), formative("Check-in", option("Essay"), workBased))));
        Unit published = units.publish(saved.id(), saved.revision());

        assertThat(published.title()).isEqualTo("Ecosystems");
        assertThat(published.status()).isEqualTo(UnitStatus.PUBLISHED);
        assertThat(published.continuum()).isEqualTo(Continuum.CO_DESIGNER);
        assertThat(published.targets()).singleElement().satisfies(t -> {
            assertThat(t.label()).isEqualTo("SCI.1.a Plans a fair test");
            assertThat(t.objectives()).containsExactly("SCI.1.a.1 Names the variable to change");
            assertThat(t.suggestedDate()).isEqualTo(LocalDate.of(2030, 3, 1));
            assertThat(t.assessments().getFirst().options()).extracting(Unit.LearningOption::title)
                    .containsExactly("Essay", "Field day");
            assertThat(t.assessments().getFirst().options().get(1).mentorOrSite()).isEqualTo("City parks office");
            assertThat(t.assessments().getFirst().options().getFirst().links()).containsExactly("https://example.org/Essay");
        });
        assertThat(units.units()).extracting(UnitSummary::targets).containsExactly(1);
    }

    @Test
    void a_summative_assessment_needs_a_rubric_of_the_course_a_menu_an_option_and_links_must_be_web_links() {
        launchAsTeacher(newCourse());
        var standards = RubricTestData.standards(library);
        Unit unit = units.create("Ecosystems");
        UnitDraft.AssessmentDraft summative = new UnitDraft.AssessmentDraft(null, "Final", AssessmentKind.SUMMATIVE,
                null, ChoiceRule.CHOOSE_ONE, List.of(option("Essay")));
        UnitDraft.AssessmentDraft emptyMenu = new UnitDraft.AssessmentDraft(null, "Check", AssessmentKind.FORMATIVE,
                null, ChoiceRule.CHOOSE_ANY, List.of());
        UnitDraft.OptionDraft badLink = new UnitDraft.OptionDraft(null, "Sneaky", null, Modality.VISUAL,
                List.of("javascript:alert(1)"), null, null);
        UnitDraft.OptionDraft noMentor = new UnitDraft.OptionDraft(null, "Internship", null, Modality.WORK_BASED,
                List.of(), null, " ");

        assertThatThrownBy(() -> units.save(unit.id(), draft(unit, Pacing.SELF_PACED, Continuum.PARTICIPANT,
                target(standards.indicator(), null, summative, emptyMenu, formative("Other", badLink, noMentor)))))
                .isInstanceOfSatisfying(UnitRejectedException.class, e -> assertThat(e.problems()).containsExactly(
                        new UnitProblem("unit.error.rubric-required", UnitProblem.Field.RUBRIC, 0, 0, null),
                        new UnitProblem("unit.error.menu-empty", UnitProblem.Field.MENU, 0, 1, null),
                        new UnitProblem("unit.error.link", UnitProblem.Field.OPTION_LINKS, 0, 2, 0),
                        new UnitProblem("unit.error.mentor-required", UnitProblem.Field.OPTION_MENTOR, 0, 2, 1)));

        long rubric = rubrics.create("Lab report").id();
        Unit saved = units.save(unit.id(), draft(unit, Pacing.SELF_PACED, Continuum.PARTICIPANT,
                target(standards.indicator(), null, new UnitDraft.AssessmentDraft(null, "Final", AssessmentKind.SUMMATIVE,
                        rubric, ChoiceRule.CHOOSE_ONE, List.of(option("Essay"))))));
        assertThat(saved.targets().getFirst().assessments().getFirst().rubricId()).isEqualTo(rubric);
    }

    @Test
    void another_courses_rubric_and_indicator_are_refused() {
        launchAsTeacher(newCourse());
        var otherStandards = RubricTestData.standards(library);
        long otherRubric = rubrics.create("Theirs").id();
        launchAsTeacher(newCourse());
        Unit unit = units.create("Ecosystems");

        assertThatThrownBy(() -> units.save(unit.id(), draft(unit, Pacing.SELF_PACED, Continuum.PARTICIPANT,
                target(otherStandards.indicator(), null, new UnitDraft.AssessmentDraft(null, "Final",
                        AssessmentKind.SUMMATIVE, otherRubric, ChoiceRule.CHOOSE_ONE, List.of(option("Essay")))))))
                .isInstanceOfSatisfying(UnitRejectedException.class, e -> assertThat(e.problems())
                        .extracting(UnitProblem::messageKey).containsExactly("unit.error.indicator", "unit.error.rubric-unknown"));
    }

    @Test
    void the_second_of_two_teachers_saving_the_same_revision_is_told_and_nothing_is_overwritten() {
        String course = newCourse();
        launchAsTeacher(course);
        var standards = RubricTestData.standards(library);
        Unit opened = units.create("Ecosystems");
        units.save(opened.id(), draft(opened, Pacing.SELF_PACED, Continuum.PARTICIPANT,
                target(standards.indicator(), null, formative("First teacher's", option("Essay")))));
        launchAsTeacher(course);
        Unit afterFirst = units.unit(opened.id());

        assertThatThrownBy(() -> units.save(opened.id(), draft(opened, Pacing.TEACHER_PACED, Continuum.ADVOCATE)))
                .isInstanceOf(UnitConflictException.class);
        assertThatThrownBy(() -> units.publish(opened.id(), opened.revision())).isInstanceOf(UnitConflictException.class);

        assertThat(units.unit(opened.id())).isEqualTo(afterFirst);
    }

    @Test
    void duplicate_copies_targets_and_menus_as_a_new_draft() {
        launchAsTeacher(newCourse());
        var built = UnitTestData.published(units, library, Pacing.SELF_PACED, Continuum.DESIGNER);

        Unit copy = units.duplicate(built.unit().id(), "Ecosystems (copy)");

        assertThat(copy.id()).isNotEqualTo(built.unit().id());
        assertThat(copy.status()).isEqualTo(UnitStatus.DRAFT);
        assertThat(copy.continuum()).isEqualTo(Continuum.DESIGNER);
        assertThat(copy.targets()).extracting(Unit.Target::indicatorId)
                .containsExactly(built.standards().indicator(), built.standards().otherIndicator());
        assertThat(copy.targets().getFirst().assessments().getFirst().options()).extracting(Unit.LearningOption::title)
                .containsExactly("Essay", "Podcast");
        assertThat(copy.targets().getFirst().id()).isNotEqualTo(built.first().id());
        assertThat(units.unit(built.unit().id())).isEqualTo(built.unit());
    }

    @Test
    void in_a_self_paced_unit_the_next_target_is_locked_until_the_current_one_is_proficient() {
        String course = newCourse();
        launchAsTeacher(course);
        var built = UnitTestData.published(units, library, Pacing.SELF_PACED, Continuum.PARTICIPANT);
        Viewer student = launchAsStudent(course);

        StudentPath path = units.myPath(built.unit().id());
        assertThat(path.steps()).extracting(StudentPath.Step::state).containsExactly(TargetState.CURRENT, TargetState.LOCKED);
        long lockedAssessment = built.second().assessments().getFirst().id();
        long lockedOption = built.second().assessments().getFirst().options().getFirst().id();
        assertThatThrownBy(() -> units.choose(lockedAssessment, Set.of(lockedOption)))
                .isInstanceOfSatisfying(UnitRejectedException.class,
                        e -> assertThat(e.problems().getFirst().messageKey()).isEqualTo("unit.error.target-locked"));
        assertThatThrownBy(() -> units.saveGoal(built.second().id(), "Sneak ahead")).isInstanceOf(UnitRejectedException.class);
        assertThatThrownBy(() -> units.markTargetProficient(student.personId(), built.first().id()))
                .isInstanceOf(AccessDeniedException.class);

        launchAsTeacher(course);
        units.markTargetProficient(student.personId(), built.first().id());
        StudentPath after = units.pathOf(built.unit().id(), student.personId());

        assertThat(after.steps()).extracting(StudentPath.Step::state).containsExactly(TargetState.PASSED, TargetState.CURRENT);
        assertThat(after.steps().getFirst().passage().proficient()).isTrue();
        assertThat(after.currentIndex()).isEqualTo(1);
    }

    @Test
    void a_teacher_override_opens_the_next_target_and_keeps_who_and_why() {
        String course = newCourse();
        launchAsTeacher(course);
        var built = UnitTestData.published(units, library, Pacing.SELF_PACED, Continuum.PARTICIPANT);
        Viewer student = launchAsStudent(course);
        Viewer teacher = launchAsTeacher(course);

        assertThatThrownBy(() -> units.overrideGate(student.personId(), built.first().id(), " "))
                .isInstanceOf(UnitRejectedException.class);
        units.overrideGate(student.personId(), built.first().id(), "Showed it in the class discussion");

        StudentPath path = units.pathOf(built.unit().id(), student.personId());
        assertThat(path.steps().getFirst().state()).isEqualTo(TargetState.PASSED);
        assertThat(path.steps().getFirst().passage()).satisfies(p -> {
            assertThat(p.proficient()).isFalse();
            assertThat(p.overriddenBy()).isEqualTo(teacher.personId());
            assertThat(p.overrideReason()).isEqualTo("Showed it in the class discussion");
        });
        assertThat(path.steps().get(1).state()).isEqualTo(TargetState.CURRENT);
    }

    @Test
    void in_a_teacher_paced_unit_every_target_is_open() {
        String course = newCourse();
        launchAsTeacher(course);
        var built = UnitTestData.published(units, library, Pacing.TEACHER_PACED, Continuum.PARTICIPANT);
        launchAsStudent(course);

        StudentPath path = units.choose(built.second().assessments().getFirst().id(),
                Set.of(built.second().assessments().getFirst().options().get(1).id()));

        assertThat(path.steps()).extracting(StudentPath.Step::state).containsExactly(TargetState.CURRENT, TargetState.OPEN);
        assertThat(path.steps().get(1).chosenOptionIds()).containsExactly(built.second().assessments().getFirst().options().get(1).id());
    }

    @Test
    void a_student_chooses_one_option_and_changing_their_mind_replaces_it() {
        String course = newCourse();
        launchAsTeacher(course);
        var built = UnitTestData.published(units, library, Pacing.SELF_PACED, Continuum.PARTICIPANT);
        launchAsStudent(course);
        Unit.Assessment check = built.first().assessments().getFirst();

        assertThatThrownBy(() -> units.choose(check.id(), Set.of(check.options().get(0).id(), check.options().get(1).id())))
                .isInstanceOf(UnitRejectedException.class);
        units.choose(check.id(), Set.of(check.options().get(0).id()));
        StudentPath path = units.choose(check.id(), Set.of(check.options().get(1).id()));

        assertThat(path.steps().getFirst().chosenOptionIds()).containsExactly(check.options().get(1).id());
    }

    @Test
    void goal_and_reflection_are_seen_by_the_student_and_their_teacher_only() {
        String course = newCourse();
        launchAsTeacher(course);
        var built = UnitTestData.published(units, library, Pacing.SELF_PACED, Continuum.PARTICIPANT);
        Viewer student = launchAsStudent(course);
        units.saveGoal(built.first().id(), "Design a fair test of plant growth");
        units.saveReflection(built.first().id(), "I controlled light but not water");

        Viewer other = launchAsStudent(course);
        assertThat(units.myPath(built.unit().id()).steps().getFirst().goal()).isNull();
        assertThatThrownBy(() -> units.pathOf(built.unit().id(), student.personId())).isInstanceOf(AccessDeniedException.class);

        launchAsTeacher(course);
        StudentPath seen = units.pathOf(built.unit().id(), student.personId());
        assertThat(seen.steps().getFirst().goal()).isEqualTo("Design a fair test of plant growth");
        assertThat(seen.steps().getFirst().reflection()).isEqualTo("I controlled light but not water");
        assertThat(units.pathOf(built.unit().id(), other.personId()).steps().getFirst().goal()).isNull();
    }

    @Test
    void proposals_follow_the_continuum_and_the_teacher_approves_or_returns_them_with_a_comment() {
        String course = newCourse();
        launchAsTeacher(course);
        var built = UnitTestData.published(units, library, Pacing.TEACHER_PACED, Continuum.DESIGNER);
        Viewer student = launchAsStudent(course);

        assertThatThrownBy(() -> units.propose(built.unit().id(), new ProposalDraft(ProposalKind.PROJECT,
                List.of(built.first().id(), built.second().id()), "River clean-up", "Plan", "Data")))
                .isInstanceOfSatisfying(UnitRejectedException.class,
                        e -> assertThat(e.problems().getFirst().messageKey()).isEqualTo("unit.error.proposal-kind"));
        assertThatThrownBy(() -> units.propose(built.unit().id(), new ProposalDraft(ProposalKind.OWN_PLAN,
                List.of(built.first().id()), " ", "", "")))
                .isInstanceOfSatisfying(UnitRejectedException.class, e -> assertThat(e.problems()).hasSize(3));
        Proposal plan = units.propose(built.unit().id(), new ProposalDraft(ProposalKind.OWN_PLAN,
                List.of(built.first().id()), "Grow beans", "Two trays, one in the dark", "I change one variable"));
        Proposal alternative = units.propose(built.unit().id(), new ProposalDraft(ProposalKind.ALTERNATIVE_OPTION,
                List.of(built.first().id()), "Comic", "A comic of my test", "Each panel is a step"));
        assertThat(plan.status()).isEqualTo(ProposalStatus.PENDING);

        launchAsTeacher(course);
        assertThat(units.board(built.unit().id()).pending()).extracting(Proposal::title).containsExactly("Grow beans", "Comic");
        assertThatThrownBy(() -> units.review(alternative.id(), false, " ")).isInstanceOf(UnitRejectedException.class);
        units.review(plan.id(), true, null);
        Proposal returned = units.review(alternative.id(), false, "Add how you will test it");

        assertThat(returned.status()).isEqualTo(ProposalStatus.RETURNED);
        assertThat(returned.studentName()).isEqualTo("Sasha Student");
        assertThat(units.board(built.unit().id()).pending()).isEmpty();
        launchAs(app.cairn.shared.Role.STUDENT, course, "unused-" + course, "Other");
        assertThatThrownBy(() -> units.proposal(plan.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(units.myPath(built.unit().id()).proposals()).isEmpty();
        assertThat(student.personId()).isEqualTo(plan.studentPersonId());
    }

    @Test
    void an_advocate_proposes_a_project_over_several_targets_but_not_over_a_locked_one() {
        String course = newCourse();
        launchAsTeacher(course);
        var built = UnitTestData.published(units, library, Pacing.SELF_PACED, Continuum.ADVOCATE);
        launchAsStudent(course);
        ProposalDraft project = new ProposalDraft(ProposalKind.PROJECT, List.of(built.first().id(), built.second().id()),
                "River clean-up", "Measure, then act", "Fair tests and conclusions");

        assertThatThrownBy(() -> units.propose(built.unit().id(), new ProposalDraft(ProposalKind.PROJECT,
                List.of(built.first().id()), "Small", "Plan", "Data"))).isInstanceOf(UnitRejectedException.class);
        assertThatThrownBy(() -> units.propose(built.unit().id(), project))
                .isInstanceOfSatisfying(UnitRejectedException.class,
                        e -> assertThat(e.problems().getFirst().messageKey()).isEqualTo("unit.error.target-locked"));
    }

    @Test
    void pacing_is_behind_when_a_date_went_by_and_ahead_when_passed_early() {
        String course = newCourse();
        launchAsTeacher(course);
        var standards = RubricTestData.standards(library);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Unit unit = units.create("Dated");
        unit = units.save(unit.id(), draft(unit, Pacing.SELF_PACED, Continuum.PARTICIPANT,
                target(standards.indicator(), today.minusDays(1), formative("A", option("One"))),
                target(standards.otherIndicator(), today.plusDays(10), formative("B", option("Two")))));
        unit = units.publish(unit.id(), unit.revision());
        Viewer behind = launchAsStudent(course);
        Viewer ahead = launchAsStudent(course);

        launchAsTeacher(course);
        units.markTargetProficient(ahead.personId(), unit.targets().get(0).id());
        units.markTargetProficient(ahead.personId(), unit.targets().get(1).id());
        Board board = units.board(unit.id());

        assertThat(board.rows()).extracting(Board.Row::studentPersonId).containsExactly(behind.personId(), ahead.personId());
        assertThat(board.rows()).extracting(Board.Row::pacing).containsExactly(PacingStatus.BEHIND, PacingStatus.AHEAD);
        assertThat(board.rows().get(1).currentIndex()).isNull();
    }

    @Test
    void course_b_cannot_read_or_change_course_a_units_by_id() {
        String courseA = newCourse();
        launchAsTeacher(courseA);
        var built = UnitTestData.published(units, library, Pacing.SELF_PACED, Continuum.CO_DESIGNER);
        Viewer studentA = launchAsStudent(courseA);

        launchAsTeacher(newCourse());
        long id = built.unit().id();
        assertThatThrownBy(() -> units.unit(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> units.board(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> units.duplicate(id, "Mine")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> units.markTargetProficient(studentA.personId(), built.first().id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(units.units()).isEmpty();

        launchAsStudent(newCourse());
        assertThatThrownBy(() -> units.myPath(id)).isInstanceOf(AccessDeniedException.class);
        long assessment = built.first().assessments().getFirst().id();
        long option = built.first().assessments().getFirst().options().getFirst().id();
        assertThatThrownBy(() -> units.choose(assessment, Set.of(option))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void students_see_published_units_only_and_cannot_build() {
        String course = newCourse();
        launchAsTeacher(course);
        Unit draftUnit = units.create("Not yet");
        var built = UnitTestData.published(units, library, Pacing.SELF_PACED, Continuum.PARTICIPANT);
        launchAsStudent(course);

        assertThat(units.units()).extracting(UnitSummary::id).containsExactly(built.unit().id());
        assertThatThrownBy(() -> units.unit(draftUnit.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> units.create("Mine")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> units.board(built.unit().id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> units.review(1, true, null)).isInstanceOf(AccessDeniedException.class);
    }
}
