package app.cairn.course;

import static cairn.schema.Tables.COURSE;
import static cairn.schema.Tables.ENROLLMENT;
import static cairn.schema.Tables.PERSON;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record5;
import org.jooq.SelectConditionStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cairn.schema.tables.records.EnrollmentRecord;
import cairn.schema.tables.records.PersonRecord;
import app.cairn.shared.CurrentViewer;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;

/**
 * The course roster: who is enrolled according to the LMS, including students who never opened
 * Cairn, and who has left. Synced when a teacher launches and when a teacher asks.
 */
@Service
public class CourseRoster {

    private static final Logger log = LoggerFactory.getLogger(CourseRoster.class);

    private final DSLContext db;
    private final Clock clock;
    private final CurrentViewer currentViewer;
    private final RosterSource source;
    private final TransactionTemplate transaction;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    CourseRoster(DSLContext db, Clock clock, CurrentViewer currentViewer, RosterSource source,
                 TransactionTemplate transaction) {
        this.db = db;
        this.clock = clock;
        this.currentViewer = currentViewer;
        this.source = source;
        this.transaction = transaction;
    }

    /** Teachers only: everyone on the roster, teachers first, then by name. */
    public List<RosterEntry> rosterOfMyCourse() {
        Viewer viewer = currentViewer.requireTeacher();
        return members(ENROLLMENT.COURSE_ID.eq(viewer.courseId()))
                .orderBy(ENROLLMENT.ROLE.desc(), PERSON.DISPLAY_NAME.asc().nullsLast(), PERSON.ID)
                .fetch(CourseRoster::entry);
    }

    /** Teachers only: one person of the course's roster (left or not), without reading the whole roster. */
    public java.util.Optional<RosterEntry> memberOfMyCourse(long personId) {
        Viewer viewer = currentViewer.requireTeacher();
        return members(ENROLLMENT.COURSE_ID.eq(viewer.courseId()), ENROLLMENT.PERSON_ID.eq(personId))
                .fetchOptional(CourseRoster::entry);
    }

    /**
     * The roster's rows: the last launch is this course's (the enrolment's), not the person's last
     * launch anywhere, so "never opened" means never opened here.
     */
    private SelectConditionStep<Record5<Long, String, String, LocalDateTime, LocalDateTime>> members(Condition... where) {
        return db.select(PERSON.ID, PERSON.DISPLAY_NAME, ENROLLMENT.ROLE, ENROLLMENT.LAST_LAUNCH_AT, ENROLLMENT.LEFT_AT)
                .from(ENROLLMENT).join(PERSON).on(PERSON.ID.eq(ENROLLMENT.PERSON_ID))
                .where(where);
    }

    private static RosterEntry entry(Record5<Long, String, String, LocalDateTime, LocalDateTime> r) {
        return new RosterEntry(r.value1(), r.value2(), Role.valueOf(r.value3()),
                r.value4() == null ? null : r.value4().toInstant(ZoneOffset.UTC), r.value5() != null);
    }

    /** Teachers only. */
    public RosterStatus rosterStatusOfMyCourse() {
        Viewer viewer = currentViewer.requireTeacher();
        var course = db.selectFrom(COURSE).where(COURSE.ID.eq(viewer.courseId())).fetchSingle();
        return new RosterStatus(course.getRosterUrl() != null,
                course.getRosterSyncedAt() == null ? null : course.getRosterSyncedAt().toInstant(ZoneOffset.UTC),
                course.getRosterSyncError());
    }

    /** Teachers only: fetches the roster now and applies it; the status says how it went. */
    public RosterStatus syncMyCourseRoster() {
        Viewer viewer = currentViewer.requireTeacher();
        sync(viewer.courseId(), viewer.platformId());
        return rosterStatusOfMyCourse();
    }

    /** Teachers only: as {@link #syncMyCourseRoster()}, without making the caller wait (launch). */
    public void syncMyCourseRosterInBackground() {
        Viewer viewer = currentViewer.requireTeacher();
        background.submit(() -> sync(viewer.courseId(), viewer.platformId()));
    }

    private void sync(long courseId, long platformId) {
        String url = db.select(COURSE.ROSTER_URL).from(COURSE).where(COURSE.ID.eq(courseId)).fetchOne(COURSE.ROSTER_URL);
        if (url == null) {
            return;
        }
        try {
            List<RosterSource.Member> members = source.fetch(platformId, url);
            transaction.executeWithoutResult(status -> apply(courseId, platformId, members));
        } catch (RosterSource.UnavailableException | RuntimeException e) {
            log.warn("Roster sync failed for course {}: {}", courseId, e.getMessage());
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            db.update(COURSE).set(COURSE.ROSTER_SYNC_ERROR, message.length() > 1000 ? message.substring(0, 1000) : message)
                    .where(COURSE.ID.eq(courseId)).execute();
        }
    }

    /** All or nothing: runs in one transaction after every page has been fetched and read. */
    private void apply(long courseId, long platformId, List<RosterSource.Member> members) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        Set<Long> present = new HashSet<>();
        for (RosterSource.Member member : members) {
            if (member.role() == null) {
                continue;
            }
            long personId = person(platformId, member, now);
            EnrollmentRecord enrollment = db.selectFrom(ENROLLMENT)
                    .where(ENROLLMENT.COURSE_ID.eq(courseId), ENROLLMENT.PERSON_ID.eq(personId)).fetchOne();
            LocalDateTime leftAt = member.active() ? null : (enrollment != null && enrollment.getLeftAt() != null
                    ? enrollment.getLeftAt() : now);
            String lmsRoles = String.join(" ", member.lmsRoles());
            lmsRoles = lmsRoles.length() > 2000 ? lmsRoles.substring(0, 2000) : lmsRoles;
            if (enrollment == null) {
                db.insertInto(ENROLLMENT)
                        .set(ENROLLMENT.COURSE_ID, courseId).set(ENROLLMENT.PERSON_ID, personId)
                        .set(ENROLLMENT.ROLE, member.role().name()).set(ENROLLMENT.LMS_ROLES, lmsRoles)
                        .set(ENROLLMENT.LEFT_AT, leftAt).set(ENROLLMENT.CREATED_AT, now).set(ENROLLMENT.UPDATED_AT, now)
                        .execute();
            } else if (!member.role().name().equals(enrollment.getRole())
                    || !java.util.Objects.equals(leftAt, enrollment.getLeftAt())) {
                enrollment.setRole(member.role().name());
                enrollment.setLmsRoles(lmsRoles);
                enrollment.setLeftAt(leftAt);
                enrollment.setUpdatedAt(now);
                enrollment.update();
            }
            if (member.active()) {
                present.add(personId);
            }
        }
        // Whoever the LMS no longer lists has left; their evidence stays, their enrollment is marked.
        db.update(ENROLLMENT).set(ENROLLMENT.LEFT_AT, now).set(ENROLLMENT.UPDATED_AT, now)
                .where(ENROLLMENT.COURSE_ID.eq(courseId), ENROLLMENT.LEFT_AT.isNull(),
                        present.isEmpty() ? org.jooq.impl.DSL.trueCondition() : ENROLLMENT.PERSON_ID.notIn(present))
                .execute();
        db.update(COURSE).set(COURSE.ROSTER_SYNCED_AT, now).setNull(COURSE.ROSTER_SYNC_ERROR)
                .where(COURSE.ID.eq(courseId)).execute();
    }

    private long person(long platformId, RosterSource.Member member, LocalDateTime now) {
        PersonRecord person = db.selectFrom(PERSON)
                .where(PERSON.PLATFORM_ID.eq(platformId), PERSON.SUBJECT.eq(member.subject())).fetchOne();
        if (person == null) {
            db.insertInto(PERSON).set(PERSON.PLATFORM_ID, platformId).set(PERSON.SUBJECT, member.subject())
                    .set(PERSON.DISPLAY_NAME, member.name()).set(PERSON.EMAIL, member.email())
                    .set(PERSON.CREATED_AT, now).onDuplicateKeyIgnore().execute();
            return db.select(PERSON.ID).from(PERSON)
                    .where(PERSON.PLATFORM_ID.eq(platformId), PERSON.SUBJECT.eq(member.subject())).fetchSingle(PERSON.ID);
        }
        boolean changed = false;
        if (member.name() != null && !member.name().equals(person.getDisplayName())) {
            person.setDisplayName(member.name());
            changed = true;
        }
        if (member.email() != null && !member.email().equals(person.getEmail())) {
            person.setEmail(member.email());
            changed = true;
        }
        if (changed) {
            person.update();
        }
        return person.getId();
    }
}
