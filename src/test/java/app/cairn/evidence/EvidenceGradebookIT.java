package app.cairn.evidence;

import static app.cairn.evidence.EvidenceTestData.actAs;
import static cairn.schema.Tables.COURSE;
import static cairn.schema.Tables.PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

import app.cairn.gradebook.Gradebook;
import app.cairn.gradebook.GradebookTestWorker;
import app.cairn.gradebook.ScoreStatus;
import app.cairn.lti.PlatformRegistry;
import app.cairn.rubric.Rubric;
import app.cairn.rubric.Rubrics;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;
import app.cairn.standards.StandardsLibrary;
import app.cairn.testing.CairnSpringTest;
import app.cairn.testing.FakeLms;
import app.cairn.testing.LtiBrowser;
import app.cairn.testing.TestOutbox;
import app.cairn.unit.Continuum;
import app.cairn.unit.Pacing;
import app.cairn.unit.Units;

/**
 * From evidence to the LMS gradebook, end to end: people launch from the fake LMS (which offers
 * Assignment and Grade Services), a score updates the unit's proficiency, the outbox holds the
 * unit's grade and the worker delivers it to the LMS's line item for the unit.
 */
@CairnSpringTest
class EvidenceGradebookIT {

    private static FakeLms lms;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    PlatformRegistry platforms;
    @Autowired
    DSLContext db;
    @Autowired
    BodyOfEvidence evidence;
    @Autowired
    Scoring scoring;
    @Autowired
    Units units;
    @Autowired
    Rubrics rubrics;
    @Autowired
    StandardsLibrary library;
    @Autowired
    Gradebook gradebook;

    String contextId;
    Viewer teacher;
    Viewer student;

    @BeforeEach
    void launch() {
        if (lms == null) {
            lms = FakeLms.start("http://localhost:" + port);
        }
        platforms.register(lms.registration());
        contextId = "evidence-ags-" + UUID.randomUUID();
        lms.useCourse(contextId);
        lms.throttle(0, 0, 429);
        lms.setAgsLatency(Duration.ZERO);
        LtiBrowser browser = new LtiBrowser("http://localhost:" + port);
        assertThat(browser.launch(lms, "student-1").status()).isEqualTo(303);
        assertThat(browser.launch(lms, "teacher-1").status()).isEqualTo(303);
        var course = db.selectFrom(COURSE).where(COURSE.CONTEXT_ID.eq(contextId)).fetchSingle();
        teacher = viewer("teacher-1", course.getId(), course.getPlatformId(), Role.TEACHER, "Tess Teacher");
        student = viewer("student-1", course.getId(), course.getPlatformId(), Role.STUDENT, "Stu Dent");
    }

    @AfterEach
    void tearDown() {
        TestOutbox.leaveNothingToSend(db);
        SecurityContextHolder.clearContext();
    }

    @AfterAll
    static void stopLms() {
        if (lms != null) {
            lms.close();
            lms = null;
        }
    }

    @Test
    void a_score_reaches_the_lms_as_the_units_grade_with_the_level_as_comment() {
        actAs(teacher);
        EvidenceTestData.Course built = EvidenceTestData.build(units, library, rubrics, Pacing.SELF_PACED,
                Continuum.PARTICIPANT);

        scoreEssay(built, 2);

        assertThat(gradebook.scoresOfMyCourse()).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(ScoreStatus.PENDING);
            assertThat(row.scoreGiven()).isEqualTo(75.0);
        });
        assertThat(GradebookTestWorker.drain(context, "evidence-a")).isPositive();

        assertThat(received()).singleElement().satisfies(score -> {
            assertThat(score.userId()).isEqualTo("student-1");
            assertThat(score.scoreGiven()).isEqualTo(75.0);
            assertThat(score.scoreMaximum()).isEqualTo(100.0);
            assertThat(score.comment()).isEqualTo("Proficient");
            assertThat(score.gradingProgress()).isEqualTo("FullyGraded");
        });
        assertThat(lms.lineItems()).filteredOn(item -> item.id().contains(contextId)).singleElement().satisfies(item -> {
            assertThat(item.resourceId()).isEqualTo(resourceIdOf(built));
            assertThat(item.tag()).isEqualTo("cairn-unit");
            assertThat(item.label()).isEqualTo("Ecosystems");
            assertThat(item.scoreMaximum()).isEqualTo(100.0);
        });
        assertThat(gradebook.scoresOfMyCourse()).singleElement()
                .satisfies(row -> assertThat(row.status()).isEqualTo(ScoreStatus.SENT));

        // A later, weaker piece of work pulls the decaying average down (0.35 x 3 + 0.65 x 1 = 1.7, Beginning):
        // the unit's grade changes, and the LMS gets the new one.
        scoreEssay(built, 0);
        GradebookTestWorker.drain(context, "evidence-b");
        assertThat(received()).extracting(FakeLms.ReceivedScore::comment).containsExactly("Proficient", "Beginning");
        assertThat(received()).extracting(FakeLms.ReceivedScore::scoreGiven).containsExactly(75.0, 25.0);
    }

    @Test
    void a_unit_column_made_by_a_deep_linked_placement_is_used_as_it_is() {
        actAs(teacher);
        EvidenceTestData.Course built = EvidenceTestData.build(units, library, rubrics, Pacing.SELF_PACED,
                Continuum.PARTICIPANT);
        gradebook.defineItem(resourceIdOf(built), "Ecosystems (placed)", 4, "deep-link");

        scoreEssay(built, 3);
        GradebookTestWorker.drain(context, "evidence-c");

        assertThat(lms.lineItems()).filteredOn(item -> item.id().contains(contextId)).singleElement().satisfies(item -> {
            assertThat(item.label()).isEqualTo("Ecosystems (placed)");
            assertThat(item.tag()).isEqualTo("deep-link");
        });
        assertThat(received()).singleElement().satisfies(score -> {
            assertThat(score.scoreGiven()).isEqualTo(100.0);
            assertThat(score.scoreMaximum()).isEqualTo(100.0);
            assertThat(score.comment()).isEqualTo("Exceeding");
        });
    }

    /** The student hands in an essay for the lab and the teacher scores it at a level (0 is the lowest). */
    private void scoreEssay(EvidenceTestData.Course built, int level) {
        actAs(student);
        units.choose(built.labAssessment().id(), Set.of(built.essay()));
        EvidenceView handedIn = EvidenceTestData.handInEssay(evidence, built, "My lab, level " + level);
        actAs(teacher);
        ScoringSheet sheet = scoring.sheet(handedIn.id());
        Rubric rubric = sheet.rubric();
        scoring.score(handedIn.id(), new ScoreDraft(sheet.evidence().revision(), rubric.current().id(), rubric.revision(),
                Map.of(rubric.current().criteria().getFirst().id(), level), "Thanks"));
    }

    /** The unit's gradebook column, as deep linking places it: the unit's key. */
    private String resourceIdOf(EvidenceTestData.Course built) {
        return units.inMyCourse(built.unit().id()).orElseThrow().gradebookResourceId();
    }

    private List<FakeLms.ReceivedScore> received() {
        return lms.receivedScores().stream().filter(score -> score.lineItem().contains("/" + contextId + "/")).toList();
    }

    private Viewer viewer(String subject, long courseId, long platformId, Role role, String name) {
        long personId = db.select(PERSON.ID).from(PERSON)
                .where(PERSON.SUBJECT.eq(subject), PERSON.PLATFORM_ID.eq(platformId)).fetchSingle(PERSON.ID);
        return new Viewer(personId, courseId, platformId, role, name, Locale.ENGLISH);
    }
}
