package app.cairn.course;

import static cairn.schema.Tables.COURSE;
import static cairn.schema.Tables.ENROLLMENT;
import static cairn.schema.Tables.PERSON;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.jooq.DSLContext;
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
     */
    @Transactional
    public Viewer recordLaunch(LaunchFacts facts) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        String locale = facts.locale().toLanguageTag();
        db.insertInto(PERSON)
                .set(PERSON.PLATFORM_ID, facts.platformId())
                .set(PERSON.SUBJECT, facts.subject())
                .set(PERSON.DISPLAY_NAME, facts.name())
                .set(PERSON.EMAIL, facts.email())
                .set(PERSON.LOCALE, locale)
                .set(PERSON.CREATED_AT, now)
                .set(PERSON.LAST_LAUNCH_AT, now)
                .onDuplicateKeyUpdate()
                // A launch without name or email (privacy settings) keeps what an earlier one said.
                .set(PERSON.DISPLAY_NAME, facts.name() == null ? PERSON.DISPLAY_NAME : org.jooq.impl.DSL.val(facts.name()))
                .set(PERSON.EMAIL, facts.email() == null ? PERSON.EMAIL : org.jooq.impl.DSL.val(facts.email()))
                .set(PERSON.LOCALE, locale)
                .set(PERSON.LAST_LAUNCH_AT, now)
                .execute();
        long personId = db.select(PERSON.ID).from(PERSON)
                .where(PERSON.PLATFORM_ID.eq(facts.platformId()), PERSON.SUBJECT.eq(facts.subject()))
                .fetchSingle(PERSON.ID);

        db.insertInto(COURSE)
                .set(COURSE.PLATFORM_ID, facts.platformId())
                .set(COURSE.DEPLOYMENT_ID, facts.deploymentRowId())
                .set(COURSE.CONTEXT_ID, facts.contextId())
                .set(COURSE.TITLE, facts.contextTitle())
                .set(COURSE.LABEL, facts.contextLabel())
                .set(COURSE.CREATED_AT, now)
                .set(COURSE.UPDATED_AT, now)
                .onDuplicateKeyUpdate()
                .set(COURSE.TITLE, facts.contextTitle() == null ? COURSE.TITLE : org.jooq.impl.DSL.val(facts.contextTitle()))
                .set(COURSE.LABEL, facts.contextLabel() == null ? COURSE.LABEL : org.jooq.impl.DSL.val(facts.contextLabel()))
                .set(COURSE.UPDATED_AT, now)
                .execute();
        long courseId = db.select(COURSE.ID).from(COURSE)
                .where(COURSE.PLATFORM_ID.eq(facts.platformId()), COURSE.DEPLOYMENT_ID.eq(facts.deploymentRowId()),
                        COURSE.CONTEXT_ID.eq(facts.contextId()))
                .fetchSingle(COURSE.ID);

        String lmsRoles = String.join(" ", facts.lmsRoles());
        db.insertInto(ENROLLMENT)
                .set(ENROLLMENT.COURSE_ID, courseId)
                .set(ENROLLMENT.PERSON_ID, personId)
                .set(ENROLLMENT.ROLE, facts.role().name())
                .set(ENROLLMENT.LMS_ROLES, lmsRoles.length() > 2000 ? lmsRoles.substring(0, 2000) : lmsRoles)
                .set(ENROLLMENT.CREATED_AT, now)
                .set(ENROLLMENT.UPDATED_AT, now)
                .onDuplicateKeyUpdate()
                .set(ENROLLMENT.ROLE, facts.role().name())
                .set(ENROLLMENT.LMS_ROLES, lmsRoles.length() > 2000 ? lmsRoles.substring(0, 2000) : lmsRoles)
                .set(ENROLLMENT.UPDATED_AT, now)
                .execute();

        String displayName = db.select(PERSON.DISPLAY_NAME).from(PERSON).where(PERSON.ID.eq(personId))
                .fetchOne(PERSON.DISPLAY_NAME);
        return new Viewer(personId, courseId, facts.platformId(), facts.role(), displayName, facts.locale());
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
