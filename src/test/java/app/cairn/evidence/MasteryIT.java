package app.cairn.evidence;

import static app.cairn.evidence.EvidenceTestData.actAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import app.cairn.rubric.Rubric;
import app.cairn.rubric.Rubrics;
import app.cairn.shared.Viewer;
import app.cairn.standards.ItemDraft;
import app.cairn.standards.Level;
import app.cairn.standards.StandardsLibrary;
import app.cairn.testing.KaribuTest;
import app.cairn.testing.TestOutbox;
import app.cairn.unit.Continuum;
import app.cairn.unit.Pacing;
import app.cairn.unit.Unit;
import app.cairn.unit.UnitTestData;
import app.cairn.unit.Units;

/**
 * Reading proficiency back on the real MariaDB, for the teacher's grid by standard, a student's body
 * of evidence and their standards: what each reader gets, and that no one else gets it, even by id.
 */
class MasteryIT extends KaribuTest {

    @Autowired
    BodyOfEvidence evidence;
    @Autowired
    Scoring scoring;
    @Autowired
    Mastery mastery;
    @Autowired
    Units units;
    @Autowired
    Rubrics rubrics;
    @Autowired
    StandardsLibrary library;
    @Autowired
    DSLContext db;

    String course;
    Viewer teacher;
    Viewer student;
    EvidenceTestData.Course built;

    @AfterEach
    void leaveNothingToSend() {
        TestOutbox.leaveNothingToSend(db);
        SecurityContextHolder.clearContext();
    }

    private void setUp() {
        course = newCourse();
        teacher = launchAsTeacher(course);
        built = EvidenceTestData.build(units, library, rubrics, Pacing.SELF_PACED, Continuum.PARTICIPANT);
        student = launchAsStudent(course);
        units.choose(built.labAssessment().id(), Set.of(built.essay()));
    }

    private EvidenceView handInEssay(String text) {
        actAs(student);
        return EvidenceTestData.handInEssay(evidence, built, text);
    }

    /** As the teacher: the lab scored at a level (0 is the lowest) with a comment. */
    private EvidenceView score(long evidenceId, int level, String comment) {
        actAs(teacher);
        ScoringSheet sheet = scoring.sheet(evidenceId);
        Rubric rubric = sheet.rubric();
        return scoring.score(evidenceId, new ScoreDraft(sheet.evidence().revision(), rubric.current().id(),
                rubric.revision(), Map.of(rubric.current().criteria().getFirst().id(), level), comment));
    }

    @Test
    void the_grid_by_standard_comes_page_by_page_with_each_standard_as_stored_for_teachers_only() {
        setUp();
        Viewer second = launchAsStudent(course);
        score(handInEssay("My lab").id(), 2, "Clear plan");
        actAs(teacher);
        long unitId = built.unit().id();

        StandardsGrid all = mastery.standardsGridPage(unitId, 0, 50);
        assertThat(all.columns()).singleElement().satisfies(column -> {
            assertThat(column.standard()).isTrue();
            assertThat(column.itemId()).isEqualTo(built.standards().standardId());
            assertThat(column.label()).isEqualTo("SCI.1 Investigates");
            assertThat(column.indicatorIds()).containsExactly(built.standards().indicator(),
                    built.standards().otherIndicator());
        });
        assertThat(all.rows()).extracting(MasteryGrid.Row::studentPersonId)
                .as("the same rows in the same order as the grid by indicator")
                .containsExactlyElementsOf(mastery.gridPage(unitId, 0, 50).rows().stream()
                        .map(MasteryGrid.Row::studentPersonId).toList());
        MasteryGrid.Row scored = all.rows().stream().filter(r -> r.studentPersonId() == student.personId())
                .findFirst().orElseThrow();
        assertThat(scored.cells()).singleElement().satisfies(cell -> {
            assertThat(cell.proficiency()).isEqualTo(3.0);
            assertThat(cell.level().label()).isEqualTo("Proficient");
            assertThat(cell.count()).as("indicators assessed").isEqualTo(1);
        });
        assertThat(scored.unit().level().label()).isEqualTo("Proficient");
        assertThat(all.rows().stream().filter(r -> r.studentPersonId() == second.personId()).findFirst().orElseThrow()
                .cells()).containsExactly(ProficiencyCell.NONE);
        assertThat(mastery.standardsGridPage(unitId, 1, 1).rows()).extracting(MasteryGrid.Row::studentPersonId)
                .containsExactly(all.rows().get(1).studentPersonId());
        assertThat(mastery.standardsGridPage(unitId, 0, 0).rows()).isEmpty();
        assertThat(mastery.standardsGridPage(unitId, 0, 0).columns()).hasSize(1);

        actAs(student);
        assertThatThrownBy(() -> mastery.standardsGridPage(unitId, 0, 50)).isInstanceOf(AccessDeniedException.class);
        launchAsTeacher(newCourse());
        assertThatThrownBy(() -> mastery.standardsGridPage(unitId, 0, 50))
                .as("a unit id of another course").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_indicator_outside_any_standard_is_a_column_of_its_own_in_the_grid_by_standard() {
        setUp();
        actAs(teacher);
        long framework = built.standards().frameworkId();
        long loose = library.addItem(framework, null, ItemDraft.of(Level.INDICATOR, "LOOSE.1", "Works safely")).item().id();
        Unit unit = units.create("Lab safety");
        unit = units.save(unit.id(), UnitTestData.draft(unit, Pacing.TEACHER_PACED, Continuum.PARTICIPANT,
                UnitTestData.target(built.standards().indicator(), null, UnitTestData.formative("Check", UnitTestData.option("Tell"))),
                UnitTestData.target(loose, null, UnitTestData.formative("Walk", UnitTestData.option("Show")))));

        assertThat(mastery.standardsGridPage(unit.id(), 0, 50).columns())
                .extracting(c -> c.standard() + " " + c.itemId() + " " + c.label())
                .containsExactly("true " + built.standards().standardId() + " SCI.1 Investigates",
                        "false " + loose + " LOOSE.1 Works safely");
    }

    @Test
    void a_teacher_reads_a_students_body_of_evidence_with_scores_and_feedback_and_no_one_else_does() {
        setUp();
        EvidenceView scored = score(handInEssay("My lab").id(), 2, "Clear plan");
        actAs(student);
        EvidenceView draft = evidence.start(built.unit().id(), built.labAssessment().id(), built.essay(), null);
        actAs(teacher);

        StudentEvidence body = evidence.bodyOf(student.personId(), built.unit().id());

        assertThat(body.studentName()).isEqualTo("Sasha Student");
        assertThat(body.items()).as("handed in only: the draft stays the student's").singleElement().satisfies(item -> {
            assertThat(item.evidence().id()).isEqualTo(scored.id());
            assertThat(item.evidence().status()).isEqualTo(EvidenceStatus.SCORED);
            assertThat(item.evidence().submittedAt()).isNotNull();
            assertThat(item.score().levels()).extracting(HistoryEntry.LevelGiven::levelLabel).containsExactly("Proficient");
            assertThat(item.lastWord().comment()).isEqualTo("Clear plan");
        });
        assertThat(evidence.bodyOf(student.personId(), null).items()).extracting(i -> i.evidence().id())
                .containsExactly(scored.id()).doesNotContain(draft.id());

        assertThatThrownBy(() -> evidence.bodyOf(teacher.personId(), null))
                .as("a teacher's id is not a student's").isInstanceOf(AccessDeniedException.class);
        actAs(student);
        assertThatThrownBy(() -> evidence.bodyOf(student.personId(), null)).isInstanceOf(AccessDeniedException.class);
        Viewer other = launchAsStudent(course);
        actAs(other);
        assertThatThrownBy(() -> evidence.bodyOf(student.personId(), null)).isInstanceOf(AccessDeniedException.class);
        launchAsTeacher(newCourse());
        assertThatThrownBy(() -> evidence.bodyOf(student.personId(), null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_students_standards_are_read_by_the_student_and_their_teacher_only() {
        setUp();
        score(handInEssay("My lab").id(), 3, "Beyond");

        actAs(student);
        assertThat(mastery.standardsOf(student.personId())).singleElement().satisfies(s -> {
            assertThat(s.standardId()).isEqualTo(built.standards().standardId());
            assertThat(s.label()).isEqualTo("SCI.1 Investigates");
            assertThat(s.cell().level().label()).isEqualTo("Exceeding");
            assertThat(s.cell().mastery()).isTrue();
        });
        actAs(teacher);
        assertThat(mastery.standardsOf(student.personId())).hasSize(1);

        Viewer other = launchAsStudent(course);
        actAs(other);
        assertThat(mastery.standardsOf(other.personId())).isEmpty();
        assertThatThrownBy(() -> mastery.standardsOf(student.personId())).isInstanceOf(AccessDeniedException.class);
        launchAsTeacher(newCourse());
        assertThatThrownBy(() -> mastery.standardsOf(student.personId())).isInstanceOf(AccessDeniedException.class);
    }
}
