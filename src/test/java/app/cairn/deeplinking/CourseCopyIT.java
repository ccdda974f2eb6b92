package app.cairn.deeplinking;

import static cairn.schema.Tables.COURSE;
import static cairn.schema.Tables.GRADEBOOK_ITEM;
import static cairn.schema.Tables.GRADEBOOK_SCORE_OUTBOX;
import static cairn.schema.Tables.LEARNING_OPTION;
import static cairn.schema.Tables.LTI_RESOURCE_LINK;
import static cairn.schema.Tables.OPTION_CHOICE;
import static cairn.schema.Tables.RUBRIC;
import static cairn.schema.Tables.RUBRIC_CRITERION;
import static cairn.schema.Tables.RUBRIC_VERSION;
import static cairn.schema.Tables.STANDARDS_FRAMEWORK;
import static cairn.schema.Tables.STANDARD_ITEM;
import static cairn.schema.Tables.TARGET_NOTE;
import static cairn.schema.Tables.TARGET_PROGRESS;
import static cairn.schema.Tables.UNIT;
import static cairn.schema.Tables.UNIT_ASSESSMENT;
import static cairn.schema.Tables.UNIT_PROPOSAL;
import static cairn.schema.Tables.UNIT_TARGET;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
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
import org.springframework.security.core.context.SecurityContextHolder;

import app.cairn.gradebook.Gradebook;
import app.cairn.lti.PlatformRegistry;
import app.cairn.rubric.Rubric;
import app.cairn.rubric.RubricTestData;
import app.cairn.rubric.Rubrics;
import app.cairn.standards.StandardsLibrary;
import app.cairn.testing.CairnSpringTest;
import app.cairn.testing.FakeLms;
import app.cairn.testing.LaunchedViewer;
import app.cairn.testing.LtiBrowser;
import app.cairn.testing.TestOutbox;
import app.cairn.unit.AssessmentKind;
import app.cairn.unit.ChoiceRule;
import app.cairn.unit.Continuum;
import app.cairn.unit.Pacing;
import app.cairn.unit.ProposalDraft;
import app.cairn.unit.ProposalKind;
import app.cairn.unit.Unit;
import app.cairn.unit.UnitDraft;
import app.cairn.unit.UnitTestData;
import app.cairn.unit.Units;

/**
 * Course copy over loopback HTTP: the LMS copies a course, so a link in the new course names a
 * unit of the earlier one. Students wait; the teacher is offered the copy; the copy brings the
 * unit's content, standards and rubric along and nothing of the students; the link (and any other
 * link here made for that unit) then opens the copy.
 */
@CairnSpringTest
class CourseCopyIT {

    private static FakeLms lms;

    @LocalServerPort
    int port;
    @Autowired
    PlatformRegistry platforms;
    @Autowired
    DSLContext db;
    @Autowired
    Placements placements;
    @Autowired
    Units units;
    @Autowired
    StandardsLibrary library;
    @Autowired
    Rubrics rubrics;
    @Autowired
    Gradebook gradebook;

    private String lastYear;
    private String thisYear;

    @BeforeEach
    void setUp() {
        if (lms == null) {
            lms = FakeLms.start("http://localhost:" + port);
        }
        platforms.register(lms.registration());
        lastYear = "copy-2025-" + UUID.randomUUID();
        thisYear = "copy-2026-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        // The score this test queues must not be sent by another test's worker.
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
    void a_copied_link_brings_its_unit_into_the_new_course_without_any_student_data() {
        Built source = unitWithStudentWorkLastYear();
        lms.useCourse(thisYear);
        String copiedLink = lms.linkHint("copied-link-" + UUID.randomUUID(), "Ecosystems",
                Map.of("cairn_unit_id", source.key()));

        assertThat(launch("student-1", copiedLink)).as("students wait for the teacher").isEqualTo(Placements.NOT_SET_UP);
        String offer = launch("teacher-1", copiedLink);
        assertThat(offer).matches("/links/\\d+/copy");
        long linkId = Long.parseLong(offer.replaceAll("\\D", ""));

        LaunchedViewer.signIn(db, lms, "teacher-1");
        CopyOffer shown = placements.copyOffer(linkId).orElseThrow();
        assertThat(shown.source().title()).isEqualTo("Ecosystems");
        assertThat(shown.source().courseTitle()).isEqualTo("Biology 9");
        assertThat(shown.source().targets()).isEqualTo(2);
        String landing = placements.copyForLink(linkId);

        var copy = db.selectFrom(UNIT).where(UNIT.COPIED_FROM_UNIT_ID.eq(source.unit().id())).fetchSingle();
        long newCourse = courseId(thisYear);
        assertThat(landing).isEqualTo("/units/" + copy.getId() + "/board");
        assertThat(copy.getCourseId()).isEqualTo(newCourse);
        assertThat(copy.getUnitKey()).isNotEqualTo(source.key());
        assertThat(copy.getStatus()).isEqualTo("PUBLISHED");
        assertThat(copy.getContinuum()).isEqualTo("CO_DESIGNER");

        // Content came along: targets (without last year's dates), assessments, menus.
        var targets = db.selectFrom(UNIT_TARGET).where(UNIT_TARGET.UNIT_ID.eq(copy.getId())).orderBy(UNIT_TARGET.POSITION).fetch();
        assertThat(targets).hasSize(2).allSatisfy(t -> assertThat(t.getSuggestedDate()).isNull());
        Set<Long> copyTargets = Set.copyOf(targets.map(t -> t.getId()));
        assertThat(db.select(UNIT_ASSESSMENT.TITLE).from(UNIT_ASSESSMENT).where(UNIT_ASSESSMENT.TARGET_ID.in(copyTargets))
                .fetch(UNIT_ASSESSMENT.TITLE)).containsExactlyInAnyOrder("Check-in", "Lab report");
        var copyOptions = db.select(LEARNING_OPTION.ID).from(LEARNING_OPTION).join(UNIT_ASSESSMENT)
                .on(UNIT_ASSESSMENT.ID.eq(LEARNING_OPTION.ASSESSMENT_ID)).where(UNIT_ASSESSMENT.TARGET_ID.in(copyTargets))
                .fetch(LEARNING_OPTION.ID);
        assertThat(copyOptions).hasSize(3);

        // The indicators live in a copy of last year's framework, now this course's.
        var indicatorCourses = db.selectDistinct(STANDARDS_FRAMEWORK.COURSE_ID).from(UNIT_TARGET)
                .join(STANDARD_ITEM).on(STANDARD_ITEM.ID.eq(UNIT_TARGET.INDICATOR_ITEM_ID))
                .join(STANDARDS_FRAMEWORK).on(STANDARDS_FRAMEWORK.ID.eq(STANDARD_ITEM.FRAMEWORK_ID))
                .where(UNIT_TARGET.UNIT_ID.eq(copy.getId())).fetch(STANDARDS_FRAMEWORK.COURSE_ID);
        assertThat(indicatorCourses).containsExactly(newCourse);
        assertThat(db.select(STANDARD_ITEM.CODE).from(UNIT_TARGET).join(STANDARD_ITEM)
                .on(STANDARD_ITEM.ID.eq(UNIT_TARGET.INDICATOR_ITEM_ID)).where(UNIT_TARGET.UNIT_ID.eq(copy.getId()))
                .orderBy(UNIT_TARGET.POSITION).fetch(STANDARD_ITEM.CODE)).containsExactly("SCI.1.a", "SCI.1.b");

        // The summative assessment's rubric is a copy in this course, its criterion on the copied indicator.
        var rubric = db.select(RUBRIC.fields()).from(UNIT_ASSESSMENT).join(RUBRIC).on(RUBRIC.ID.eq(UNIT_ASSESSMENT.RUBRIC_ID))
                .where(UNIT_ASSESSMENT.TARGET_ID.in(copyTargets)).fetchSingle().into(RUBRIC);
        assertThat(rubric.getCourseId()).isEqualTo(newCourse);
        assertThat(rubric.getSharedFromRubricId()).isEqualTo(source.rubricId());
        assertThat(db.selectDistinct(STANDARDS_FRAMEWORK.COURSE_ID).from(RUBRIC_CRITERION)
                .join(RUBRIC_VERSION).on(RUBRIC_VERSION.ID.eq(RUBRIC_CRITERION.VERSION_ID))
                .join(STANDARD_ITEM).on(STANDARD_ITEM.ID.eq(RUBRIC_CRITERION.INDICATOR_ITEM_ID))
                .join(STANDARDS_FRAMEWORK).on(STANDARDS_FRAMEWORK.ID.eq(STANDARD_ITEM.FRAMEWORK_ID))
                .where(RUBRIC_VERSION.RUBRIC_ID.eq(rubric.getId())).fetch(STANDARDS_FRAMEWORK.COURSE_ID))
                .containsExactly(newCourse);
        assertThat(db.fetchCount(STANDARDS_FRAMEWORK, STANDARDS_FRAMEWORK.COURSE_ID.eq(newCourse)))
                .as("one framework copy, shared by targets and rubric").isEqualTo(1);

        // Nothing of the students crossed over.
        assertThat(db.fetchCount(OPTION_CHOICE, OPTION_CHOICE.OPTION_ID.in(copyOptions))).isZero();
        assertThat(db.fetchCount(UNIT_PROPOSAL, UNIT_PROPOSAL.UNIT_ID.eq(copy.getId()))).isZero();
        assertThat(db.fetchCount(TARGET_NOTE, TARGET_NOTE.TARGET_ID.in(copyTargets))).isZero();
        assertThat(db.fetchCount(TARGET_PROGRESS, TARGET_PROGRESS.TARGET_ID.in(copyTargets))).isZero();
        assertThat(db.fetchCount(GRADEBOOK_SCORE_OUTBOX, GRADEBOOK_SCORE_OUTBOX.COURSE_ID.eq(newCourse))).isZero();
        // ...and last year's work is where it was.
        assertThat(db.fetchCount(OPTION_CHOICE, OPTION_CHOICE.OPTION_ID.eq(source.chosenOption()))).isEqualTo(1);
        assertThat(db.fetchCount(TARGET_PROGRESS, TARGET_PROGRESS.TARGET_ID.eq(source.unit().targets().getFirst().id())))
                .isEqualTo(1);

        // The new course's column has the resource id the LMS copied along with the link.
        assertThat(db.select(GRADEBOOK_ITEM.RESOURCE_ID).from(GRADEBOOK_ITEM).where(GRADEBOOK_ITEM.COURSE_ID.eq(newCourse))
                .fetch(GRADEBOOK_ITEM.RESOURCE_ID)).containsExactly(source.key());
        assertThat(db.select(LTI_RESOURCE_LINK.UNIT_ID).from(LTI_RESOURCE_LINK).where(LTI_RESOURCE_LINK.ID.eq(linkId))
                .fetchSingle(LTI_RESOURCE_LINK.UNIT_ID)).isEqualTo(copy.getId());

        // Later launches use the copy, and so does another link here made for the same unit.
        assertThat(launch("student-1", copiedLink)).isEqualTo("/units/" + copy.getId() + "/path");
        assertThat(launch("teacher-1", copiedLink)).isEqualTo("/units/" + copy.getId() + "/board");
        String sameUnitOtherLink = lms.linkHint("copied-link-" + UUID.randomUUID(), "Ecosystems again",
                Map.of("cairn_unit_id", source.key()));
        assertThat(launch("teacher-1", sameUnitOtherLink)).isEqualTo("/units/" + copy.getId() + "/board");
        assertThat(db.fetchCount(UNIT, UNIT.COPIED_FROM_UNIT_ID.eq(source.unit().id()))).isEqualTo(1);
        // Last year's link still opens last year's unit.
        lms.useCourse(lastYear);
        assertThat(launch("teacher-1", source.link())).isEqualTo("/units/" + source.unit().id() + "/board");
    }

    @Test
    void a_second_unit_copied_later_reuses_the_framework_and_rubric_copied_before() {
        Built first = unitWithStudentWorkLastYear();
        lms.useCourse(lastYear);
        launch("teacher-1", first.link());
        LaunchedViewer.signIn(db, lms, "teacher-1");
        Unit second = units.duplicate(first.unit().id(), "Food webs");
        units.publish(second.id(), second.revision());
        String secondKey = units.inMyCourse(second.id()).orElseThrow().key();

        lms.useCourse(thisYear);
        String link1 = lms.linkHint("copied-" + UUID.randomUUID(), "Ecosystems", Map.of("cairn_unit_id", first.key()));
        String link2 = lms.linkHint("copied-" + UUID.randomUUID(), "Food webs", Map.of("cairn_unit_id", secondKey));
        long linkId1 = Long.parseLong(launch("teacher-1", link1).replaceAll("\\D", ""));
        long linkId2 = Long.parseLong(launch("teacher-1", link2).replaceAll("\\D", ""));
        LaunchedViewer.signIn(db, lms, "teacher-1");
        placements.copyForLink(linkId1);
        placements.copyForLink(linkId2);
        placements.copyForLink(linkId2);

        long newCourse = courseId(thisYear);
        assertThat(db.fetchCount(UNIT, UNIT.COURSE_ID.eq(newCourse))).as("copying again returns the copy").isEqualTo(2);
        assertThat(db.fetchCount(STANDARDS_FRAMEWORK, STANDARDS_FRAMEWORK.COURSE_ID.eq(newCourse))).isEqualTo(1);
        assertThat(db.fetchCount(RUBRIC, RUBRIC.COURSE_ID.eq(newCourse))).isEqualTo(1);
    }

    @Test
    void a_unit_of_another_deployment_of_the_same_lms_is_not_offered_for_copy() {
        Built source = unitWithStudentWorkLastYear();
        var registration = lms.registration();
        platforms.register(new app.cairn.lti.PlatformRegistration(registration.name(), registration.issuer(),
                registration.clientId(), registration.authLoginUrl(), registration.authTokenUrl(), registration.jwksUrl(),
                List.of(FakeLms.DEPLOYMENT_ID, "fake-deployment-2")));
        lms.useCourse(thisYear);
        String otherDeployment = lms.hint(claims -> claims
                .claim(FakeLms.LTI + "deployment_id", "fake-deployment-2")
                .claim(FakeLms.LTI + "resource_link", Map.of("id", "copied-" + UUID.randomUUID(), "title", "Ecosystems"))
                .claim(FakeLms.LTI + "custom", Map.of("cairn_unit_id", source.key())));

        String teacher = launch("teacher-1", otherDeployment);

        assertThat(teacher).as("the picker, not the copy offer").matches("/links/\\d+");
        assertThat(db.fetchCount(UNIT, UNIT.COPIED_FROM_UNIT_ID.eq(source.unit().id()))).isZero();
    }

    // --- helpers ---

    /** Last year's course: a unit over a course framework with a summative rubric, placed by a link, with a student's work. */
    private record Built(Unit unit, String key, long rubricId, String link, long chosenOption) {
    }

    private Built unitWithStudentWorkLastYear() {
        lms.useCourse(lastYear);
        launch("teacher-1", null);
        LaunchedViewer.signIn(db, lms, "teacher-1");
        var standards = RubricTestData.standards(library);
        Rubric rubric = rubrics.create("Lab rubric");
        int levels = rubric.current().levels().size();
        rubric = rubrics.save(rubric.id(), RubricTestData.draft(rubric,
                RubricTestData.criterion("Conclusions", standards.otherIndicator(), levels, "Conclusions")));
        Unit unit = units.create("Ecosystems");
        unit = units.save(unit.id(), UnitTestData.draft(unit, Pacing.SELF_PACED, Continuum.CO_DESIGNER,
                UnitTestData.target(standards.indicator(), LocalDate.of(2025, 10, 1),
                        UnitTestData.formative("Check-in", UnitTestData.option("Essay"), UnitTestData.option("Podcast"))),
                UnitTestData.target(standards.otherIndicator(), LocalDate.of(2025, 11, 1),
                        new UnitDraft.AssessmentDraft(null, "Lab report", AssessmentKind.SUMMATIVE, rubric.id(),
                                ChoiceRule.CHOOSE_ONE, List.of(UnitTestData.option("Report"))))));
        unit = units.publish(unit.id(), unit.revision());
        String key = units.inMyCourse(unit.id()).orElseThrow().key();
        String link = lms.linkHint("link-2025-" + UUID.randomUUID(), "Ecosystems", Map.of("cairn_unit_id", key));

        assertThat(launch("student-1", link)).isEqualTo("/units/" + unit.id() + "/path");
        var student = LaunchedViewer.signIn(db, lms, "student-1");
        Unit.Assessment checkIn = unit.targets().getFirst().assessments().getFirst();
        long chosen = checkIn.options().getFirst().id();
        units.choose(checkIn.id(), Set.of(chosen));
        units.saveGoal(unit.targets().getFirst().id(), "Understand food chains");
        units.propose(unit.id(), new ProposalDraft(ProposalKind.ALTERNATIVE_OPTION, List.of(unit.targets().getFirst().id()),
                "A comic", "Draw the chain", "Each panel names a link"));
        LaunchedViewer.signIn(db, lms, "teacher-1");
        units.markTargetProficient(student.personId(), unit.targets().getFirst().id());
        gradebook.defineItem(key, "Ecosystems", 4, Placements.LINE_ITEM_TAG);
        gradebook.recordScore(key, student.personId(), 3, 4, "Proficient");
        SecurityContextHolder.clearContext();
        return new Built(unit, key, rubric.id(), link, chosen);
    }

    /** A launch (through the link the hint names, or the course home when null); returns where Cairn sends the person. */
    private String launch(String subject, String messageHint) {
        LtiBrowser browser = new LtiBrowser("http://localhost:" + port);
        LtiBrowser.Response response = messageHint == null ? browser.launch(lms, subject)
                : browser.launch(lms, subject, messageHint);
        assertThat(response.status()).as(response.body()).isEqualTo(303);
        return response.location();
    }

    private long courseId(String contextId) {
        return db.select(COURSE.ID).from(COURSE).where(COURSE.CONTEXT_ID.eq(contextId)).fetchSingle(COURSE.ID);
    }
}
