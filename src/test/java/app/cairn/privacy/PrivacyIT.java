package app.cairn.privacy;

import static cairn.schema.Tables.AUDIT_EVENT;
import static cairn.schema.Tables.ENROLLMENT;
import static cairn.schema.Tables.GRADEBOOK_SCORE_OUTBOX;
import static cairn.schema.Tables.OPTION_CHOICE;
import static cairn.schema.Tables.PERSON;
import static cairn.schema.Tables.TARGET_NOTE;
import static cairn.schema.Tables.TARGET_PROGRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import app.cairn.gradebook.Gradebook;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;
import app.cairn.standards.StandardsLibrary;
import app.cairn.testing.KaribuTest;
import app.cairn.testing.TestOutbox;
import app.cairn.unit.Continuum;
import app.cairn.unit.Pacing;
import app.cairn.unit.UnitTestData;
import app.cairn.unit.Units;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Export, erasure, retention and the audit trail on the real MariaDB, across every feature's data. */
class PrivacyIT extends KaribuTest {

    @Autowired
    StudentRecords records;
    @Autowired
    CoursePrivacy privacy;
    @Autowired
    AuditTrail audit;
    @Autowired
    RetentionJob retention;
    @Autowired
    Units units;
    @Autowired
    StandardsLibrary library;
    @Autowired
    Gradebook gradebook;
    @Autowired
    DSLContext db;
    @Autowired
    Clock clock;

    /** A course where the student chose, set a goal, was let past a target and got a gradebook score. */
    private record Scene(String course, long courseId, Viewer student, String teacherSubject) {
    }

    private Scene scene(String studentSubject) {
        String course = newCourse();
        String teacherSubject = "t-" + course;
        launchAs(Role.TEACHER, course, teacherSubject, "Ms Rivera");
        var built = UnitTestData.published(units, library, Pacing.SELF_PACED, Continuum.PARTICIPANT);
        Viewer student = launchAs(Role.STUDENT, course, studentSubject, "Sasha Student");
        var check = built.first().assessments().getFirst();
        units.choose(check.id(), Set.of(check.options().getFirst().id()));
        units.saveGoal(built.first().id(), "Design a fair test");
        Viewer teacher = launchAs(Role.TEACHER, course, teacherSubject, "Ms Rivera");
        units.overrideGate(student.personId(), built.first().id(), "Showed it in discussion");
        gradebook.defineItem("unit-" + built.unit().id(), "Ecosystems", 100, "cairn");
        gradebook.recordScore("unit-" + built.unit().id(), student.personId(), 75, 100, "Proficient");
        return new Scene(course, teacher.courseId(), student, teacherSubject);
    }

    @Test
    void a_student_downloads_everything_cairn_keeps_about_them_in_the_course() throws Exception {
        Scene scene = scene("s-" + newCourse());
        launchAs(Role.STUDENT, scene.course(), subjectOf(scene.student()), "Sasha Student");

        JsonNode export = JsonMapper.builder().build().readTree(
                new String(records.exportJson(scene.student().personId()), StandardCharsets.UTF_8));

        assertThat(export.path("person").path("name").asString()).isEqualTo("Sasha Student");
        assertThat(export.path("units").path("choices").get(0).path("option").asString()).isEqualTo("Essay");
        assertThat(export.path("units").path("goalsAndReflections").get(0).path("goal").asString())
                .isEqualTo("Design a fair test");
        assertThat(export.path("units").path("gate").get(0).path("teacherReason").asString())
                .isEqualTo("Showed it in discussion");
        assertThat(export.path("gradebook").get(0).path("scoreGiven").asDouble()).isEqualTo(75.0);
        assertThat(export.path("gradebook").get(0).path("comment").asString()).isEqualTo("Proficient");
        assertThat(export.path("history").get(0).path("kind").asString()).isEqualTo("GATE_OVERRIDDEN");
        assertThat(export.path("history").get(0).path("actorName").asString()).isEqualTo("Ms Rivera");
        assertThat(records.exportFileName(scene.student().personId())).isEqualTo("cairn-data-Sasha-Student.json");
    }

    @Test
    void nobody_else_reads_a_students_data_not_a_classmate_nor_a_teacher_of_another_course() {
        Scene scene = scene("s-" + newCourse());
        launchAsStudent(scene.course());
        assertThatThrownBy(() -> records.exportJson(scene.student().personId())).isInstanceOf(AccessDeniedException.class);

        launchAsTeacher(newCourse());
        assertThatThrownBy(() -> records.exportJson(scene.student().personId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> records.erase(scene.student().personId())).isInstanceOf(PrivacyRefusal.class);

        launchAs(Role.STUDENT, scene.course(), subjectOf(scene.student()), "Sasha Student");
        assertThatThrownBy(() -> records.erase(scene.student().personId())).isInstanceOf(AccessDeniedException.class);
        assertThat(rowsAbout(scene.courseId(), scene.student().personId())).isPositive();
    }

    @Test
    void erasing_leaves_nothing_of_the_student_in_the_course_and_their_name_goes_with_their_last_course() {
        String subject = "s-" + newCourse();
        Scene first = scene(subject);
        Scene second = scene(subject);
        long student = first.student().personId();
        assertThat(second.student().personId()).isEqualTo(student);

        launchAs(Role.TEACHER, first.course(), first.teacherSubject(), "Ms Rivera");
        records.erase(student);

        assertThat(rowsAbout(first.courseId(), student)).isZero();
        assertThat(rowsAbout(second.courseId(), student)).isPositive();
        assertThat(db.fetchExists(PERSON, PERSON.ID.eq(student))).isTrue();
        assertThat(audit.trailOfMyCourse(null, 0, 50)).extracting(AuditEntry::kind).contains(AuditKind.STUDENT_ERASED);
        assertThat(audit.trailOfMyCourse(null, 0, 50)).allSatisfy(entry -> assertThat(entry.studentName()).isNull());
        assertThat(records.studentsOfMyCourse()).extracting(StudentSummary::personId).doesNotContain(student);

        launchAs(Role.TEACHER, second.course(), second.teacherSubject(), "Ms Rivera");
        records.erase(student);

        assertThat(rowsAbout(second.courseId(), student)).isZero();
        assertThat(db.fetchExists(PERSON, PERSON.ID.eq(student))).isFalse();
    }

    @Test
    void retention_erases_students_who_left_long_enough_ago_then_everyone_once_the_course_has_ended() {
        Scene scene = scene("s-" + newCourse());
        Viewer stays = launchAsStudent(scene.course());
        launchAs(Role.TEACHER, scene.course(), scene.teacherSubject(), "Ms Rivera");
        privacy.saveRetention(30, privacy.settingsOfMyCourse().revision());
        Instant now = clock.instant();
        db.update(ENROLLMENT).set(ENROLLMENT.LEFT_AT, LocalDateTime.ofInstant(now.minus(Duration.ofDays(25)), ZoneOffset.UTC))
                .where(ENROLLMENT.COURSE_ID.eq(scene.courseId()), ENROLLMENT.PERSON_ID.eq(scene.student().personId()))
                .execute();

        retention.purge(now.plus(Duration.ofDays(10)));

        assertThat(rowsAbout(scene.courseId(), scene.student().personId())).isZero();
        assertThat(enrolled(scene.courseId(), stays.personId())).isTrue();
        assertThat(audit.trailOfMyCourse(null, 0, 50)).anySatisfy(entry -> {
            assertThat(entry.kind()).isEqualTo(AuditKind.RETENTION_ERASED);
            assertThat(entry.actorName()).isNull();
            assertThat(entry.to()).isEqualTo("1");
        });

        retention.purge(now.plus(Duration.ofDays(40)));

        assertThat(enrolled(scene.courseId(), stays.personId())).isFalse();
        assertThat(records.studentsOfMyCourse()).isEmpty();
    }

    @Test
    void a_course_without_a_retention_period_keeps_student_work() {
        Scene scene = scene("s-" + newCourse());

        retention.purge(clock.instant().plus(Duration.ofDays(4000)));

        assertThat(rowsAbout(scene.courseId(), scene.student().personId())).isPositive();
    }

    @Test
    void retention_must_be_in_range_and_a_stale_save_is_refused_without_losing_the_other_teachers_setting() {
        launchAsTeacher(newCourse());
        PrivacySettings start = privacy.settingsOfMyCourse();
        assertThat(start.retentionDays()).isNull();

        assertThatThrownBy(() -> privacy.saveRetention(7, start.revision()))
                .isInstanceOfSatisfying(PrivacyRefusal.class,
                        e -> assertThat(e.messageKey()).isEqualTo("privacy.retention.out-of-range"));
        PrivacySettings saved = privacy.saveRetention(365, start.revision());
        assertThatThrownBy(() -> privacy.saveRetention(90, start.revision()))
                .isInstanceOfSatisfying(PrivacyRefusal.class,
                        e -> assertThat(e.messageKey()).isEqualTo("privacy.retention.conflict"));

        assertThat(privacy.settingsOfMyCourse().retentionDays()).isEqualTo(365);
        assertThat(privacy.saveRetention(null, saved.revision()).retentionDays()).isNull();
        assertThat(audit.trailOfMyCourse(null, 0, 10)).extracting(AuditEntry::kind)
                .containsExactly(AuditKind.RETENTION_CHANGED, AuditKind.RETENTION_CHANGED);
    }

    @Test
    void the_audit_trail_is_for_teachers_of_the_course_and_filters_by_student() {
        Scene scene = scene("s-" + newCourse());
        launchAs(Role.TEACHER, scene.course(), scene.teacherSubject(), "Ms Rivera");

        assertThat(audit.trailOfMyCourse(scene.student().personId(), 0, 10)).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(AuditKind.GATE_OVERRIDDEN);
            assertThat(entry.studentName()).isEqualTo("Sasha Student");
            assertThat(entry.subject()).isEqualTo("Ecosystems · 1");
            assertThat(entry.to()).isEqualTo("Showed it in discussion");
        });
        assertThat(audit.countOfMyCourse(scene.student().personId())).isEqualTo(1);

        launchAsTeacher(newCourse());
        assertThat(audit.trailOfMyCourse(null, 0, 10)).isEmpty();
        launchAs(Role.STUDENT, scene.course(), subjectOf(scene.student()), "Sasha Student");
        assertThatThrownBy(() -> audit.trailOfMyCourse(null, 0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @org.junit.jupiter.api.AfterEach
    void leaveNothingToSend() {
        TestOutbox.leaveNothingToSend(db);
    }

    private String subjectOf(Viewer viewer) {
        return db.select(PERSON.SUBJECT).from(PERSON).where(PERSON.ID.eq(viewer.personId())).fetchSingle(PERSON.SUBJECT);
    }

    private boolean enrolled(long courseId, long personId) {
        return db.fetchExists(ENROLLMENT, ENROLLMENT.COURSE_ID.eq(courseId), ENROLLMENT.PERSON_ID.eq(personId));
    }

    /** Every row of every feature that is about the student in the course. */
    private int rowsAbout(long courseId, long student) {
        return db.fetchCount(ENROLLMENT, ENROLLMENT.COURSE_ID.eq(courseId), ENROLLMENT.PERSON_ID.eq(student))
                + db.fetchCount(GRADEBOOK_SCORE_OUTBOX, GRADEBOOK_SCORE_OUTBOX.COURSE_ID.eq(courseId),
                        GRADEBOOK_SCORE_OUTBOX.PERSON_ID.eq(student))
                + db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.COURSE_ID.eq(courseId), AUDIT_EVENT.SUBJECT_PERSON_ID.eq(student))
                + db.fetchCount(db.selectFrom(OPTION_CHOICE).where(OPTION_CHOICE.STUDENT_PERSON_ID.eq(student),
                        OPTION_CHOICE.OPTION_ID.in(optionsOf(courseId))))
                + db.fetchCount(db.selectFrom(TARGET_NOTE).where(TARGET_NOTE.STUDENT_PERSON_ID.eq(student),
                        TARGET_NOTE.TARGET_ID.in(targetsOf(courseId))))
                + db.fetchCount(db.selectFrom(TARGET_PROGRESS).where(TARGET_PROGRESS.STUDENT_PERSON_ID.eq(student),
                        TARGET_PROGRESS.TARGET_ID.in(targetsOf(courseId))));
    }

    private org.jooq.Select<org.jooq.Record1<Long>> targetsOf(long courseId) {
        return db.select(cairn.schema.Tables.UNIT_TARGET.ID).from(cairn.schema.Tables.UNIT_TARGET)
                .join(cairn.schema.Tables.UNIT).on(cairn.schema.Tables.UNIT.ID.eq(cairn.schema.Tables.UNIT_TARGET.UNIT_ID))
                .where(cairn.schema.Tables.UNIT.COURSE_ID.eq(courseId));
    }

    private org.jooq.Select<org.jooq.Record1<Long>> optionsOf(long courseId) {
        return db.select(cairn.schema.Tables.LEARNING_OPTION.ID).from(cairn.schema.Tables.LEARNING_OPTION)
                .join(cairn.schema.Tables.UNIT_ASSESSMENT)
                .on(cairn.schema.Tables.UNIT_ASSESSMENT.ID.eq(cairn.schema.Tables.LEARNING_OPTION.ASSESSMENT_ID))
                .where(cairn.schema.Tables.UNIT_ASSESSMENT.TARGET_ID.in(targetsOf(courseId)));
    }
}
