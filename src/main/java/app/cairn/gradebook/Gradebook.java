package app.cairn.gradebook;

import static cairn.schema.Tables.COURSE;
import static cairn.schema.Tables.ENROLLMENT;
import static cairn.schema.Tables.GRADEBOOK_ITEM;
import static cairn.schema.Tables.GRADEBOOK_SCORE_OUTBOX;
import static cairn.schema.Tables.PERSON;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cairn.schema.tables.records.GradebookItemRecord;
import app.cairn.shared.CurrentViewer;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;

/**
 * The course's LMS gradebook as Cairn feeds it. Scores go into a durable outbox in the database;
 * {@link ScoreWorker} sends them, so a slow, throttled or absent LMS never holds a teacher up, and
 * a restart loses nothing. Per student and item the latest score wins.
 */
@Service
public class Gradebook {

    static final String SUPERSEDED_BY_NEWER = "replaced by a newer score before it was sent";

    /** Rows per multi-row insert: large enough to cut round trips, small enough for any packet size. */
    private static final int INSERT_ROWS = 1000;

    private final DSLContext db;
    private final Clock clock;
    private final CurrentViewer currentViewer;

    Gradebook(DSLContext db, Clock clock, CurrentViewer currentViewer) {
        this.db = db;
        this.clock = clock;
        this.currentViewer = currentViewer;
    }

    /**
     * Teachers only: declares (or updates) a gradebook item of the teacher's course, which becomes
     * one LMS line item, found by {@code resourceId} (and {@code tag}) or created at the first score.
     */
    @Transactional
    public long defineItem(String resourceId, String label, double scoreMaximum, @Nullable String tag) {
        Viewer viewer = currentViewer.requireTeacher();
        if (resourceId.isBlank() || label.isBlank() || !(scoreMaximum > 0)) {
            throw new IllegalArgumentException("a gradebook item needs a resource id, a label and a positive maximum");
        }
        LocalDateTime now = now();
        db.insertInto(GRADEBOOK_ITEM)
                .set(GRADEBOOK_ITEM.COURSE_ID, viewer.courseId()).set(GRADEBOOK_ITEM.RESOURCE_ID, resourceId)
                .set(GRADEBOOK_ITEM.LABEL, label).set(GRADEBOOK_ITEM.SCORE_MAXIMUM, scoreMaximum)
                .set(GRADEBOOK_ITEM.TAG, tag).set(GRADEBOOK_ITEM.CREATED_AT, now).set(GRADEBOOK_ITEM.UPDATED_AT, now)
                .onDuplicateKeyIgnore().execute();
        GradebookItemRecord item = db.selectFrom(GRADEBOOK_ITEM)
                .where(GRADEBOOK_ITEM.COURSE_ID.eq(viewer.courseId()), GRADEBOOK_ITEM.RESOURCE_ID.eq(resourceId))
                .forUpdate().fetchSingle();
        if (!label.equals(item.getLabel()) || scoreMaximum != item.getScoreMaximum()
                || !java.util.Objects.equals(tag, item.getTag())) {
            item.setLabel(label);
            item.setScoreMaximum(scoreMaximum);
            item.setTag(tag);
            item.setUpdatedAt(now);
            item.update();
        }
        return item.getId();
    }

    /** A student's score for {@link #recordScores}. */
    public record PendingScore(long studentPersonId, double scoreGiven, double scoreMaximum, @Nullable String levelLabel) {
    }

    /** The item {@link #recordScores} defines when the course has none with the resource id yet. */
    public record NewItem(String label, double scoreMaximum, @Nullable String tag) {
    }

    /**
     * Teachers only: queues a student's score for the LMS. Older scores of the same student and
     * item that have not gone out yet are superseded in the same transaction. The score's timestamp
     * is at least one second after the previous one of this student and item, because Moodle
     * compares timestamps at whole seconds and refuses one that is not newer.
     *
     * @param levelLabel the proficiency level's label, sent as the score's comment
     * @return the outbox row's id
     */
    @Transactional
    public long recordScore(String itemResourceId, long studentPersonId, double scoreGiven, double scoreMaximum,
                            @Nullable String levelLabel) {
        long itemId = recordScores(itemResourceId, null, List.of(new PendingScore(studentPersonId, scoreGiven,
                scoreMaximum, levelLabel)));
        return db.select(DSL.max(GRADEBOOK_SCORE_OUTBOX.ID)).from(GRADEBOOK_SCORE_OUTBOX)
                .where(GRADEBOOK_SCORE_OUTBOX.ITEM_ID.eq(itemId), GRADEBOOK_SCORE_OUTBOX.PERSON_ID.eq(studentPersonId))
                .fetchSingle().value1();
    }

    /** Scores for one item, for {@link #recordScores(List)}: the item is defined from {@code ifMissing} if needed. */
    public record ItemScores(String resourceId, @Nullable NewItem ifMissing, List<PendingScore> scores) {
    }

    /**
     * Teachers only: {@link #recordScore} for many students of one item in a few statements (a
     * policy change regrades a whole class), defining the item first from {@code ifMissing} when the
     * course has none with this resource id. Each student's scores are at most one per call.
     *
     * @return the item's id
     */
    @Transactional
    public long recordScores(String itemResourceId, @Nullable NewItem ifMissing, List<PendingScore> scores) {
        return recordScores(List.of(new ItemScores(itemResourceId, ifMissing, scores))).getFirst();
    }

    /**
     * Teachers only: the scores of several items at once (a score can move several units), in the
     * same few statements as one item: the rules of {@link #recordScore} per student and item.
     *
     * @return the items' ids, in the order given
     */
    @Transactional
    public List<Long> recordScores(List<ItemScores> items) {
        Viewer viewer = currentViewer.requireTeacher();
        java.util.Set<Long> people = new java.util.TreeSet<>();
        for (ItemScores item : items) {
            for (PendingScore score : item.scores()) {
                if (!(score.scoreMaximum() > 0) || score.scoreGiven() < 0 || Double.isNaN(score.scoreGiven())) {
                    throw new IllegalArgumentException("a score needs a positive maximum and a score of at least zero");
                }
                people.add(score.studentPersonId());
            }
        }
        // Locking the items serialises scores of an item, so timestamps grow even for a first score.
        Map<String, GradebookItemRecord> locked = lockedItems(viewer, items);
        boolean defined = false;
        for (ItemScores item : items) {
            if (!locked.containsKey(item.resourceId()) && item.ifMissing() != null) {
                defineItem(item.resourceId(), item.ifMissing().label(), item.ifMissing().scoreMaximum(),
                        item.ifMissing().tag());
                defined = true;
            }
        }
        if (defined) {
            locked = lockedItems(viewer, items);
        }
        List<Long> ids = new java.util.ArrayList<>();
        for (ItemScores item : items) {
            GradebookItemRecord record = locked.get(item.resourceId());
            if (record == null) {
                throw new IllegalArgumentException("no gradebook item " + item.resourceId() + " in this course");
            }
            ids.add(record.getId());
        }
        if (people.isEmpty()) {
            return ids;
        }
        var o = GRADEBOOK_SCORE_OUTBOX;
        var i = GRADEBOOK_ITEM;
        // One read for every student and item: the student's enrolment (a row only for a student of
        // this course), the latest timestamp sent or queued, and whether an older score still waits.
        var pending = o.STATUS.in(ScoreStatus.PENDING.name(), ScoreStatus.FAILED.name());
        Map<org.jooq.Record2<Long, Long>, org.jooq.Record4<Long, Long, LocalDateTime, Integer>> earlier = db
                .select(i.ID, ENROLLMENT.PERSON_ID, DSL.max(o.SCORE_TIMESTAMP),
                        DSL.count(o.ID).filterWhere(pending))
                .from(ENROLLMENT).join(i).on(i.ID.in(ids))
                .leftJoin(o).on(o.ITEM_ID.eq(i.ID), o.PERSON_ID.eq(ENROLLMENT.PERSON_ID))
                .where(ENROLLMENT.COURSE_ID.eq(viewer.courseId()), ENROLLMENT.PERSON_ID.in(people),
                        ENROLLMENT.ROLE.eq(Role.STUDENT.name()))
                .groupBy(i.ID, ENROLLMENT.PERSON_ID)
                .fetchMap(r -> r.into(i.ID, ENROLLMENT.PERSON_ID), r -> r);
        java.util.Set<Long> students = new java.util.HashSet<>();
        earlier.keySet().forEach(key -> students.add(key.value2()));
        people.stream().filter(person -> !students.contains(person)).findFirst().ifPresent(person -> {
            throw new IllegalArgumentException("person " + person + " is not a student of this course");
        });
        LocalDateTime now = now();
        List<org.jooq.Row2<Long, Long>> waiting = new java.util.ArrayList<>();
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int n = 0; n < items.size(); n++) {
            long itemId = ids.get(n);
            for (PendingScore score : items.get(n).scores()) {
                var before = java.util.Objects.requireNonNull(earlier.get(
                        db.newRecord(i.ID, ENROLLMENT.PERSON_ID).values(itemId, score.studentPersonId())));
                if (before.value4() > 0) {
                    waiting.add(DSL.row(itemId, score.studentPersonId()));
                }
                LocalDateTime latest = before.value3();
                LocalDateTime timestamp = latest == null || latest.plusSeconds(1).isBefore(now) ? now : latest.plusSeconds(1);
                String label = score.levelLabel();
                String comment = label == null ? null : label.length() > 1000 ? label.substring(0, 1000) : label;
                rows.add(new Object[] {itemId, viewer.courseId(), score.studentPersonId(), score.scoreGiven(),
                        score.scoreMaximum(), comment, timestamp, ScoreStatus.PENDING.name(), 0, now, false, now, now});
            }
        }
        // Usually the worker has long sent the previous score: then there is nothing to supersede.
        if (!waiting.isEmpty()) {
            db.update(o)
                    .set(o.STATUS, ScoreStatus.SUPERSEDED.name())
                    .set(o.LAST_ERROR, SUPERSEDED_BY_NEWER)
                    .set(o.UPDATED_AT, now)
                    .where(DSL.row(o.ITEM_ID, o.PERSON_ID).in(waiting), pending)
                    .execute();
        }
        for (int from = 0; from < rows.size(); from += INSERT_ROWS) {
            var insert = db.insertInto(o, o.ITEM_ID, o.COURSE_ID, o.PERSON_ID, o.SCORE_GIVEN, o.SCORE_MAXIMUM, o.COMMENT,
                    o.SCORE_TIMESTAMP, o.STATUS, o.ATTEMPTS, o.NEXT_ATTEMPT_AT, o.IN_FLIGHT, o.CREATED_AT, o.UPDATED_AT);
            for (Object[] row : rows.subList(from, Math.min(rows.size(), from + INSERT_ROWS))) {
                insert = insert.values(java.util.Arrays.asList(row));
            }
            insert.execute();
        }
        return ids;
    }

    private Map<String, GradebookItemRecord> lockedItems(Viewer viewer, List<ItemScores> items) {
        return db.selectFrom(GRADEBOOK_ITEM)
                .where(GRADEBOOK_ITEM.COURSE_ID.eq(viewer.courseId()),
                        GRADEBOOK_ITEM.RESOURCE_ID.in(items.stream().map(ItemScores::resourceId).toList()))
                .orderBy(GRADEBOOK_ITEM.ID).forUpdate().fetchMap(GRADEBOOK_ITEM.RESOURCE_ID);
    }

    /** Teachers only: the latest score of each student and item in the teacher's course. */
    @Transactional(readOnly = true)
    public List<ScoreRow> scoresOfMyCourse() {
        Viewer viewer = currentViewer.requireTeacher();
        var o = GRADEBOOK_SCORE_OUTBOX;
        var latest = DSL.select(DSL.max(o.ID)).from(o).where(o.COURSE_ID.eq(viewer.courseId()))
                .groupBy(o.ITEM_ID, o.PERSON_ID);
        return db.select(o.ID, PERSON.DISPLAY_NAME, GRADEBOOK_ITEM.LABEL, o.SCORE_GIVEN, o.SCORE_MAXIMUM, o.COMMENT,
                        o.STATUS, o.ATTEMPTS, o.LAST_ERROR, o.SENT_AT, o.NEXT_ATTEMPT_AT)
                .from(o).join(PERSON).on(PERSON.ID.eq(o.PERSON_ID)).join(GRADEBOOK_ITEM).on(GRADEBOOK_ITEM.ID.eq(o.ITEM_ID))
                .where(o.COURSE_ID.eq(viewer.courseId()), o.ID.in(latest))
                .orderBy(PERSON.DISPLAY_NAME.asc().nullsLast(), GRADEBOOK_ITEM.LABEL, o.ID)
                .fetch(r -> new ScoreRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        ScoreStatus.valueOf(r.value7()), r.value8(), r.value9(), instant(r.value10()),
                        java.util.Objects.requireNonNull(instant(r.value11()))));
    }

    /** Teachers only: whether the LMS offered its gradebook, and counts of the latest scores. */
    @Transactional(readOnly = true)
    public GradebookStatus statusOfMyCourse() {
        Viewer viewer = currentViewer.requireTeacher();
        var course = db.select(COURSE.AGS_LINEITEMS_URL, COURSE.AGS_SCOPES).from(COURSE)
                .where(COURSE.ID.eq(viewer.courseId())).fetchSingle();
        Map<ScoreStatus, Long> counts = scoresOfMyCourse().stream().collect(java.util.stream.Collectors.groupingBy(
                ScoreRow::status, java.util.stream.Collectors.counting()));
        String scopes = course.value2() == null ? "" : course.value2();
        return new GradebookStatus(course.value1() != null,
                List.of(scopes.split(" ")).contains(ScoreWorker.SCORE_SCOPE),
                counts.getOrDefault(ScoreStatus.PENDING, 0L).intValue(), counts.getOrDefault(ScoreStatus.SENT, 0L).intValue(),
                counts.getOrDefault(ScoreStatus.FAILED, 0L).intValue());
    }

    /**
     * Teachers only: sends a failed score again, with a fresh timestamp. Only the teacher's own
     * course's failed rows qualify; answers false for anything else.
     */
    @Transactional
    public boolean retry(long scoreId) {
        Viewer viewer = currentViewer.requireTeacher();
        var o = GRADEBOOK_SCORE_OUTBOX;
        var row = db.selectFrom(o).where(o.ID.eq(scoreId), o.COURSE_ID.eq(viewer.courseId()),
                o.STATUS.eq(ScoreStatus.FAILED.name())).fetchOne();
        if (row == null) {
            return false;
        }
        db.selectFrom(GRADEBOOK_ITEM).where(GRADEBOOK_ITEM.ID.eq(row.getItemId())).forUpdate().fetchSingle();
        LocalDateTime now = now();
        LocalDateTime latest = db.select(DSL.max(o.SCORE_TIMESTAMP)).from(o)
                .where(o.ITEM_ID.eq(row.getItemId()), o.PERSON_ID.eq(row.getPersonId())).fetchSingle().value1();
        LocalDateTime timestamp = latest == null || latest.plusSeconds(1).isBefore(now) ? now : latest.plusSeconds(1);
        return db.update(o).set(o.STATUS, ScoreStatus.PENDING.name()).set(o.ATTEMPTS, 0).set(o.NEXT_ATTEMPT_AT, now)
                .set(o.SCORE_TIMESTAMP, timestamp).setNull(o.CLAIMED_BY).setNull(o.CLAIMED_UNTIL).set(o.IN_FLIGHT, false)
                .setNull(o.LAST_ERROR)
                .set(o.UPDATED_AT, now)
                .where(o.ID.eq(scoreId), o.STATUS.eq(ScoreStatus.FAILED.name())).execute() == 1;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MILLIS);
    }

    private static @Nullable Instant instant(@Nullable LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
