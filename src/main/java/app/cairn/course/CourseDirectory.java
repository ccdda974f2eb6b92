package app.cairn.course;

import static cairn.schema.Tables.COURSE;
import static cairn.schema.Tables.ENROLLMENT;
import static cairn.schema.Tables.PERSON;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.jooq.DSLContext;

import cairn.schema.tables.records.CourseRecord;
import cairn.schema.tables.records.EnrollmentRecord;
import cairn.schema.tables.records.PersonRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.cairn.shared.CurrentViewer;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;

/** Creates and updates people, courses and enrollments from launches; answers who is in a course. */
@Service
public class CourseDirectory {

    private final DSLContext db;
    private final Clock clock;
    private final CurrentViewer currentViewer;

    CourseDirectory(DSLContext db, Clock clock, CurrentViewer currentViewer) {
        this.db = db;
        this.clock = clock;
        this.currentViewer = currentViewer;
    }

    /**
     * Records a verified launch: the person, the course and the enrollment are created or updated
     * in one transaction. Called only by the LTI launch, which has checked the signature.
     *
     * <p>Rows are read first and written only when something changed: a whole class launching at
     * once must not queue up behind a lock on their shared course row.
     */
    @Transactional
    public Viewer recordLaunch(LaunchFacts facts) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        PersonRecord person = upsertPerson(facts, now);
        long courseId = upsertCourse(facts, now);
        upsertEnrollment(facts, courseId, person.getId(), now);
        return new Viewer(person.getId(), courseId, facts.platformId(), facts.role(), person.getDisplayName(),
                facts.locale());
    }

    private PersonRecord upsertPerson(LaunchFacts facts, LocalDateTime now) {
        var where = PERSON.PLATFORM_ID.eq(facts.platformId()).and(PERSON.SUBJECT.eq(facts.subject()));
        PersonRecord person = db.selectFrom(PERSON).where(where).fetchOne();
        if (person == null) {
            db.insertInto(PERSON)
                    .set(PERSON.PLATFORM_ID, facts.platformId())
                    .set(PERSON.SUBJECT, facts.subject())
                    .set(PERSON.CREATED_AT, now)
                    .onDuplicateKeyIgnore()
                    .execute();
            person = db.selectFrom(PERSON).where(where).fetchSingle();
        }
        // A launch without name or email (privacy settings) keeps what an earlier one said.
        if (facts.name() != null) {
            person.setDisplayName(facts.name());
        }
        if (facts.email() != null) {
            person.setEmail(facts.email());
        }
        person.setLocale(facts.locale().toLanguageTag());
        // The last launch is the enrolment's, per course; person.last_launch_at is no longer written
        // (the column stays for nodes of the previous version during a rolling upgrade).
        person.update();
        return person;
    }

    private long upsertCourse(LaunchFacts facts, LocalDateTime now) {
        var where = COURSE.PLATFORM_ID.eq(facts.platformId()).and(COURSE.DEPLOYMENT_ID.eq(facts.deploymentRowId()))
                .and(COURSE.CONTEXT_ID.eq(facts.contextId()));
        CourseRecord course = db.selectFrom(COURSE).where(where).fetchOne();
        if (course == null) {
            db.insertInto(COURSE)
                    .set(COURSE.PLATFORM_ID, facts.platformId())
                    .set(COURSE.DEPLOYMENT_ID, facts.deploymentRowId())
                    .set(COURSE.CONTEXT_ID, facts.contextId())
                    .set(COURSE.CREATED_AT, now)
                    .set(COURSE.UPDATED_AT, now)
                    .onDuplicateKeyIgnore()
                    .execute();
            course = db.selectFrom(COURSE).where(where).fetchSingle();
        }
        // jOOQ marks a field changed on any set, even to the same value: compare first.
        boolean changed = false;
        if (facts.contextTitle() != null && !facts.contextTitle().equals(course.getTitle())) {
            course.setTitle(facts.contextTitle());
            changed = true;
        }
        if (facts.contextLabel() != null && !facts.contextLabel().equals(course.getLabel())) {
            course.setLabel(facts.contextLabel());
            changed = true;
        }
        // Re-read at every launch: the LMS may move the endpoint (e.g. after a course copy).
        if (facts.rosterUrl() != null && !facts.rosterUrl().equals(course.getRosterUrl())) {
            course.setRosterUrl(facts.rosterUrl());
            changed = true;
        }
        // The gradebook endpoint and its scopes, likewise re-read at every launch that carries them.
        if (facts.lineItemsUrl() != null) {
            String scopes = String.join(" ", facts.agsScopes());
            scopes = scopes.length() > 1000 ? scopes.substring(0, 1000) : scopes;
            if (!facts.lineItemsUrl().equals(course.getAgsLineitemsUrl()) || !scopes.equals(course.getAgsScopes())) {
                course.setAgsLineitemsUrl(facts.lineItemsUrl());
                course.setAgsScopes(scopes);
                changed = true;
            }
        }
        if (changed) {
            course.setUpdatedAt(now);
            course.update();
        }
        return course.getId();
    }

    private void upsertEnrollment(LaunchFacts facts, long courseId, long personId, LocalDateTime now) {
        String lmsRoles = String.join(" ", facts.lmsRoles());
        lmsRoles = lmsRoles.length() > 2000 ? lmsRoles.substring(0, 2000) : lmsRoles;
        var where = ENROLLMENT.COURSE_ID.eq(courseId).and(ENROLLMENT.PERSON_ID.eq(personId));
        EnrollmentRecord enrollment = db.selectFrom(ENROLLMENT).where(where).fetchOne();
        if (enrollment == null) {
            db.insertInto(ENROLLMENT)
                    .set(ENROLLMENT.COURSE_ID, courseId)
                    .set(ENROLLMENT.PERSON_ID, personId)
                    .set(ENROLLMENT.ROLE, facts.role().name())
                    .set(ENROLLMENT.LMS_ROLES, lmsRoles)
                    .set(ENROLLMENT.CREATED_AT, now)
                    .set(ENROLLMENT.UPDATED_AT, now)
                    .set(ENROLLMENT.LAST_LAUNCH_AT, now)
                    .onDuplicateKeyIgnore()
                    .execute();
            return;
        }
        if (!facts.role().name().equals(enrollment.getRole()) || !lmsRoles.equals(enrollment.getLmsRoles())) {
            enrollment.setRole(facts.role().name());
            enrollment.setLmsRoles(lmsRoles);
            enrollment.setUpdatedAt(now);
        }
        // One row per person, so a whole class launching at once does not contend here.
        enrollment.setLastLaunchAt(now);
        enrollment.update();
    }

    /**
     * Whether the viewer teaches this person as a student in some course of the viewer's platform
     * (either of them may have left since): for views that cross courses, such as a student's
     * graduation standards.
     */
    @Transactional(readOnly = true)
    public boolean viewerTeachesStudent(long studentPersonId) {
        Viewer viewer = currentViewer.require();
        if (!viewer.isTeacher()) {
            return false;
        }
        var teacher = ENROLLMENT.as("teacher");
        var student = ENROLLMENT.as("student");
        return db.fetchExists(db.selectOne().from(teacher)
                .join(student).on(student.COURSE_ID.eq(teacher.COURSE_ID))
                .join(COURSE).on(COURSE.ID.eq(teacher.COURSE_ID))
                .where(teacher.PERSON_ID.eq(viewer.personId()), teacher.ROLE.eq(Role.TEACHER.name()),
                        student.PERSON_ID.eq(studentPersonId), student.ROLE.eq(Role.STUDENT.name()),
                        COURSE.PLATFORM_ID.eq(viewer.platformId())));
    }

    /** Titles of courses of the viewer's platform by id (the title, else the label, else the context id). */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> courseTitles(java.util.Collection<Long> courseIds) {
        Viewer viewer = currentViewer.require();
        java.util.Map<Long, String> titles = new java.util.HashMap<>();
        db.selectFrom(COURSE).where(COURSE.ID.in(courseIds), COURSE.PLATFORM_ID.eq(viewer.platformId()))
                .forEach(c -> titles.put(c.getId(), c.getTitle() != null ? c.getTitle()
                        : c.getLabel() != null ? c.getLabel() : c.getContextId()));
        return titles;
    }

    /** The viewer's own course. The course id comes from the server-side session, never the browser. */
    @Transactional(readOnly = true)
    public CourseOverview overviewOfMyCourse() {
        Viewer viewer = currentViewer.require();
        var course = db.selectFrom(COURSE)
                .where(COURSE.ID.eq(viewer.courseId()), COURSE.PLATFORM_ID.eq(viewer.platformId()))
                .fetchSingle();
        int teachers = db.fetchCount(ENROLLMENT, ENROLLMENT.COURSE_ID.eq(viewer.courseId()),
                ENROLLMENT.ROLE.eq(Role.TEACHER.name()));
        int students = db.fetchCount(ENROLLMENT, ENROLLMENT.COURSE_ID.eq(viewer.courseId()),
                ENROLLMENT.ROLE.eq(Role.STUDENT.name()));
        String title = course.getTitle() != null ? course.getTitle()
                : course.getLabel() != null ? course.getLabel() : course.getContextId();
        return new CourseOverview(title, course.getLabel(), teachers, students);
    }
}
