package app.cairn.course;

import static cairn.schema.Tables.COURSE;
import static cairn.schema.Tables.ENROLLMENT;
import static cairn.schema.Tables.PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import app.cairn.lti.PlatformRegistry;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;
import app.cairn.testing.CairnSpringTest;
import app.cairn.testing.FakeLms;
import app.cairn.testing.LtiBrowser;

/**
 * Names and Role Provisioning end to end: a teacher's launch carries the roster URL, Cairn gets a
 * token with a signed client assertion and reads every page from the fake LMS over HTTP.
 */
@CairnSpringTest
class CourseRosterIT {

    private static final String INSTRUCTOR = FakeLms.INSTRUCTOR;
    private static final String LEARNER = FakeLms.LEARNER;
    private static FakeLms lms;

    @LocalServerPort
    int port;
    @Autowired
    PlatformRegistry platforms;
    @Autowired
    CourseRoster roster;
    @Autowired
    DSLContext db;

    @BeforeEach
    void setUp() {
        if (lms == null) {
            lms = FakeLms.start("http://localhost:" + port);
        }
        platforms.register(lms.registration());
        lms.useCourse("roster-course-" + UUID.randomUUID());
    }

    @AfterEach
    void signOut() {
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
    void a_teacher_launch_brings_in_the_whole_roster_across_pages_including_students_who_never_launched() {
        lms.setRoster(List.of(
                FakeLms.member("teacher-1", "Tess Teacher", "Active", INSTRUCTOR),
                FakeLms.member("student-1", "Stu Dent", "Active", LEARNER),
                FakeLms.member("quiet-student", "Quinn Quiet", "Active", "Learner"),
                FakeLms.member("mentor-1", "Max Mentor", "Active", "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor"),
                FakeLms.member("late-student", null, "Active", LEARNER)), 2);
        int rosterRequestsBefore = lms.rosterRequests();

        new LtiBrowser("http://localhost:" + port).launch(lms, "teacher-1");
        long courseId = awaitSynced();

        assertThat(enrollments(courseId)).containsOnly(
                Map.entry("teacher-1", "TEACHER"), Map.entry("student-1", "STUDENT"),
                Map.entry("quiet-student", "STUDENT"), Map.entry("late-student", "STUDENT"));
        assertThat(lms.rosterRequests() - rosterRequestsBefore).as("three pages of two").isEqualTo(3);
        var quiet = db.selectFrom(PERSON).where(PERSON.SUBJECT.eq("quiet-student")).fetchSingle();
        assertThat(db.select(ENROLLMENT.LAST_LAUNCH_AT).from(ENROLLMENT).where(ENROLLMENT.COURSE_ID.eq(courseId),
                ENROLLMENT.PERSON_ID.eq(quiet.getId())).fetchSingle().value1()).isNull();
        assertThat(quiet.getDisplayName()).isEqualTo("Quinn Quiet");
    }

    @Test
    void a_student_who_opened_cairn_in_another_course_has_never_opened_it_in_this_one() {
        List<Map<String, Object>> members = List.of(FakeLms.member("teacher-1", "Tess", "Active", INSTRUCTOR),
                FakeLms.member("student-1", "Stu", "Active", LEARNER));
        lms.setRoster(members, 10);
        new LtiBrowser("http://localhost:" + port).launch(lms, "teacher-1");
        long first = awaitSynced();
        new LtiBrowser("http://localhost:" + port).launch(lms, "student-1");

        lms.useCourse("roster-course-" + UUID.randomUUID());
        lms.setRoster(members, 10);
        new LtiBrowser("http://localhost:" + port).launch(lms, "teacher-1");
        long second = awaitSynced();

        actAsTeacherOf(first);
        assertThat(roster.rosterOfMyCourse()).filteredOn(e -> e.name().equals("Stu")).singleElement()
                .satisfies(e -> assertThat(e.lastLaunch()).isNotNull());
        actAsTeacherOf(second);
        assertThat(roster.rosterOfMyCourse()).filteredOn(e -> e.name().equals("Stu")).singleElement()
                .satisfies(e -> assertThat(e.lastLaunch()).as("opened in the other course only").isNull());
    }

    @Test
    void the_access_token_is_reused_until_it_expires() {
        lms.setRoster(List.of(FakeLms.member("teacher-1", "Tess", "Active", INSTRUCTOR)), 10);
        new LtiBrowser("http://localhost:" + port).launch(lms, "teacher-1");
        long courseId = awaitSynced();
        int tokensBefore = lms.tokenRequests();

        actAsTeacherOf(courseId);
        RosterStatus status = roster.syncMyCourseRoster();

        assertThat(status.error()).isNull();
        assertThat(lms.tokenRequests()).isEqualTo(tokensBefore);
    }

    @Test
    void members_the_lms_no_longer_lists_or_marks_inactive_have_left() {
        lms.setRoster(List.of(FakeLms.member("teacher-1", "Tess", "Active", INSTRUCTOR),
                FakeLms.member("leaver", "Lee", "Active", LEARNER),
                FakeLms.member("dropper", "Dee", "Active", LEARNER),
                FakeLms.member("stayer", "Stay", "Active", LEARNER)), 10);
        new LtiBrowser("http://localhost:" + port).launch(lms, "teacher-1");
        long courseId = awaitSynced();

        lms.setRoster(List.of(FakeLms.member("teacher-1", "Tess", "Active", INSTRUCTOR),
                FakeLms.member("dropper", "Dee", "Inactive", LEARNER),
                FakeLms.member("stayer", "Stay", "Active", LEARNER)), 10);
        actAsTeacherOf(courseId);
        roster.syncMyCourseRoster();

        List<RosterEntry> entries = roster.rosterOfMyCourse();
        assertThat(entries).filteredOn(RosterEntry::left).extracting(RosterEntry::name).containsOnly("Lee", "Dee");
        assertThat(entries).filteredOn(e -> !e.left()).extracting(RosterEntry::name).containsOnly("Tess", "Stay");
    }

    @Test
    void a_roster_that_is_not_json_is_reported_and_changes_nothing() {
        lms.setRoster(List.of(FakeLms.member("teacher-1", "Tess", "Active", INSTRUCTOR),
                FakeLms.member("student-1", "Stu", "Active", LEARNER)), 10);
        new LtiBrowser("http://localhost:" + port).launch(lms, "teacher-1");
        long courseId = awaitSynced();
        Map<String, String> before = enrollments(courseId);

        lms.setRosterBody("{\"members\": [ this is not json");
        actAsTeacherOf(courseId);
        RosterStatus status = roster.syncMyCourseRoster();

        assertThat(status.error()).contains("not valid JSON");
        assertThat(enrollments(courseId)).isEqualTo(before);
        assertThat(roster.rosterOfMyCourse()).noneMatch(RosterEntry::left);
    }

    @Test
    void a_member_without_user_id_refuses_the_whole_page() {
        lms.setRoster(List.of(FakeLms.member("teacher-1", "Tess", "Active", INSTRUCTOR)), 10);
        new LtiBrowser("http://localhost:" + port).launch(lms, "teacher-1");
        long courseId = awaitSynced();

        lms.setRosterBody("{\"members\": [{\"name\": \"Nobody\", \"roles\": [\"Learner\"]}]}");
        actAsTeacherOf(courseId);

        assertThat(roster.syncMyCourseRoster().error()).contains("no user_id");
        assertThat(enrollments(courseId)).containsOnlyKeys("teacher-1");
    }

    @Test
    void endless_next_links_are_cut_off_with_a_message() {
        lms.setRoster(List.of(FakeLms.member("teacher-1", "Tess", "Active", INSTRUCTOR)), 10);
        new LtiBrowser("http://localhost:" + port).launch(lms, "teacher-1");
        long courseId = awaitSynced();

        lms.setRosterLoops(true);
        actAsTeacherOf(courseId);

        assertThat(roster.syncMyCourseRoster().error()).contains("do not end");
    }

    @Test
    void a_student_cannot_read_or_sync_the_roster() {
        lms.setRoster(List.of(FakeLms.member("teacher-1", "Tess", "Active", INSTRUCTOR)), 10);
        new LtiBrowser("http://localhost:" + port).launch(lms, "teacher-1");
        long courseId = awaitSynced();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new Viewer(1, courseId, 1, Role.STUDENT, null, Locale.ENGLISH), null, List.of()));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> roster.rosterOfMyCourse())
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> roster.syncMyCourseRoster())
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    private long awaitSynced() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            var course = db.selectFrom(COURSE).where(COURSE.CONTEXT_ID.eq(lms.courseContextId())).fetchOne();
            if (course != null && (course.getRosterSyncedAt() != null || course.getRosterSyncError() != null)) {
                assertThat(course.getRosterSyncError()).isNull();
                return course.getId();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the roster was not synced after the teacher's launch");
    }

    private void actAsTeacherOf(long courseId) {
        var teacher = db.select(PERSON.ID, COURSE.PLATFORM_ID).from(ENROLLMENT)
                .join(PERSON).on(PERSON.ID.eq(ENROLLMENT.PERSON_ID)).join(COURSE).on(COURSE.ID.eq(ENROLLMENT.COURSE_ID))
                .where(ENROLLMENT.COURSE_ID.eq(courseId), PERSON.SUBJECT.eq("teacher-1")).fetchSingle();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new Viewer(teacher.value1(), courseId, teacher.value2(), Role.TEACHER, "Tess", Locale.ENGLISH), null,
                List.of()));
    }

    private Map<String, String> enrollments(long courseId) {
        return db.select(PERSON.SUBJECT, ENROLLMENT.ROLE).from(ENROLLMENT).join(PERSON).on(PERSON.ID.eq(ENROLLMENT.PERSON_ID))
                .where(ENROLLMENT.COURSE_ID.eq(courseId)).fetchMap(PERSON.SUBJECT, ENROLLMENT.ROLE);
    }
}
