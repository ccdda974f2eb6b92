package app.cairn.privacy;

import static cairn.schema.Tables.AUDIT_EVENT;
import static cairn.schema.Tables.PERSON;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.cairn.shared.CurrentViewer;
import app.cairn.shared.Viewer;
import cairn.schema.tables.Person;

/**
 * Who changed what about a student's record, when, and from what to what. Features record an event
 * in the same transaction as the change, so the trail never shows a change that did not happen.
 */
@Service
public class AuditTrail {

    private static final int MAX_TEXT = 300;
    private static final int INSERT_ROWS = 1000;

    private final DSLContext db;
    private final Clock clock;
    private final CurrentViewer currentViewer;

    AuditTrail(DSLContext db, Clock clock, CurrentViewer currentViewer) {
        this.db = db;
        this.clock = clock;
        this.currentViewer = currentViewer;
    }

    /**
     * Records a change made by the current viewer (or by Cairn, when nobody launched). Callers have
     * checked access; this joins their transaction and fails it when there is none.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long courseId, @Nullable Long studentPersonId, AuditKind kind, String subject,
                       @Nullable String from, @Nullable String to) {
        insert(currentActor(), List.of(new Change(courseId, studentPersonId, kind, subject, from, to)));
    }

    /** One entry for {@link #recordAll}. */
    public record Change(long courseId, @Nullable Long studentPersonId, AuditKind kind, String subject,
                         @Nullable String from, @Nullable String to) {
    }

    /**
     * {@link #record} for many changes at once, in multi-row inserts (a policy change recalculates a
     * whole class). Same rules: the caller has checked access and holds the transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<Change> changes) {
        insert(currentActor(), changes);
    }

    /** For Cairn's own jobs, which act for nobody even when started from a signed-in thread. */
    void recordAsCairn(long courseId, AuditKind kind, String subject, @Nullable String to) {
        insert(null, List.of(new Change(courseId, null, kind, subject, null, to)));
    }

    private @Nullable Long currentActor() {
        return currentViewer.find().map(Viewer::personId).orElse(null);
    }

    private void insert(@Nullable Long actor, List<Change> changes) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        var a = AUDIT_EVENT;
        for (int from = 0; from < changes.size(); from += INSERT_ROWS) {
            var insert = db.insertInto(a, a.COURSE_ID, a.ACTOR_PERSON_ID, a.SUBJECT_PERSON_ID, a.KIND, a.SUBJECT,
                    a.FROM_VALUE, a.TO_VALUE, a.AT);
            for (Change change : changes.subList(from, Math.min(changes.size(), from + INSERT_ROWS))) {
                insert = insert.values(change.courseId(), actor, change.studentPersonId(), change.kind().name(),
                        clip(change.subject()), change.from() == null ? null : clip(change.from()),
                        change.to() == null ? null : clip(change.to()), now);
            }
            insert.execute();
        }
    }

    /** Teachers only: the course's trail, newest first, optionally about one student. */
    public List<AuditEntry> trailOfMyCourse(@Nullable Long studentPersonId, int offset, int limit) {
        Viewer viewer = currentViewer.requireTeacher();
        Person actor = PERSON.as("actor");
        Person student = PERSON.as("student");
        return db.select(AUDIT_EVENT.AT, actor.DISPLAY_NAME, student.DISPLAY_NAME, AUDIT_EVENT.KIND,
                        AUDIT_EVENT.SUBJECT, AUDIT_EVENT.FROM_VALUE, AUDIT_EVENT.TO_VALUE)
                .from(AUDIT_EVENT)
                .leftJoin(actor).on(actor.ID.eq(AUDIT_EVENT.ACTOR_PERSON_ID))
                .leftJoin(student).on(student.ID.eq(AUDIT_EVENT.SUBJECT_PERSON_ID))
                .where(of(viewer, studentPersonId))
                .orderBy(AUDIT_EVENT.AT.desc(), AUDIT_EVENT.ID.desc())
                .offset(Math.max(0, offset)).limit(Math.clamp(limit, 1, 500))
                .fetch(r -> new AuditEntry(r.value1().toInstant(ZoneOffset.UTC), r.value2(), r.value3(),
                        AuditKind.valueOf(r.value4()), r.value5(), r.value6(), r.value7()));
    }

    /** Teachers only: how many events {@link #trailOfMyCourse} can page through. */
    public int countOfMyCourse(@Nullable Long studentPersonId) {
        return db.fetchCount(AUDIT_EVENT, of(currentViewer.requireTeacher(), studentPersonId));
    }

    /** The events about one student, for their export. */
    List<AuditEntry> about(long courseId, long studentPersonId) {
        Person actor = PERSON.as("actor");
        return db.select(AUDIT_EVENT.AT, actor.DISPLAY_NAME, AUDIT_EVENT.KIND, AUDIT_EVENT.SUBJECT,
                        AUDIT_EVENT.FROM_VALUE, AUDIT_EVENT.TO_VALUE)
                .from(AUDIT_EVENT).leftJoin(actor).on(actor.ID.eq(AUDIT_EVENT.ACTOR_PERSON_ID))
                .where(AUDIT_EVENT.COURSE_ID.eq(courseId), AUDIT_EVENT.SUBJECT_PERSON_ID.eq(studentPersonId))
                .orderBy(AUDIT_EVENT.AT, AUDIT_EVENT.ID)
                .fetch(r -> new AuditEntry(r.value1().toInstant(ZoneOffset.UTC), r.value2(), null,
                        AuditKind.valueOf(r.value3()), r.value4(), r.value5(), r.value6()));
    }

    /** An erased student leaves no trail behind; the erasure itself is recorded without their name. */
    void forget(long courseId, long studentPersonId) {
        db.deleteFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.COURSE_ID.eq(courseId), AUDIT_EVENT.SUBJECT_PERSON_ID.eq(studentPersonId))
                .execute();
    }

    private static Condition of(Viewer viewer, @Nullable Long studentPersonId) {
        Condition course = AUDIT_EVENT.COURSE_ID.eq(viewer.courseId());
        return studentPersonId == null ? course : course.and(AUDIT_EVENT.SUBJECT_PERSON_ID.eq(studentPersonId));
    }

    private static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
