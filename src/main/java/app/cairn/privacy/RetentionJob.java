package app.cairn.privacy;

import static cairn.schema.Tables.COURSE_PRIVACY;
import static cairn.schema.Tables.ENROLLMENT;
import static org.jooq.impl.DSL.max;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.cairn.shared.Role;
import cairn.schema.tables.records.CoursePrivacyRecord;

/**
 * Erases student work whose course's retention period has run out: students who left the course
 * that long ago, and every student of a course nobody has launched for that long. Each course is
 * handled in its own transaction holding the course's privacy row, so on several nodes a course
 * is purged by one of them, and a failure in one course does not stop the others.
 */
@Component
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    /** Nodes that find a course purged this recently leave it alone. */
    private static final Duration QUIET = Duration.ofHours(1);

    private final DSLContext db;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final StudentRecords records;
    private final AuditTrail audit;

    RetentionJob(DSLContext db, Clock clock, TransactionTemplate transaction, StudentRecords records, AuditTrail audit) {
        this.db = db;
        this.clock = clock;
        this.transaction = transaction;
        this.records = records;
        this.audit = audit;
    }

    @Scheduled(fixedDelayString = "${cairn.privacy.retention-check:PT6H}", initialDelayString = "PT10M")
    void purgeDueCourses() {
        int erased = purge(clock.instant());
        if (erased > 0) {
            log.info("Retention: erased the data of {} student enrolment(s)", erased);
        }
    }

    /** Erases what is due at {@code now}; returns how many students' course data went. */
    int purge(Instant now) {
        LocalDateTime nowUtc = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        // Courses another node purged within the quiet period are left out here, not locked and skipped.
        List<Long> courses = db.select(COURSE_PRIVACY.COURSE_ID).from(COURSE_PRIVACY)
                .where(COURSE_PRIVACY.RETENTION_DAYS.isNotNull(), COURSE_PRIVACY.LAST_PURGE_AT.isNull()
                        .or(COURSE_PRIVACY.LAST_PURGE_AT.le(nowUtc.minus(QUIET))))
                .fetch(COURSE_PRIVACY.COURSE_ID);
        int erased = 0;
        for (long courseId : courses) {
            try {
                Integer count = transaction.execute(status -> purgeCourse(courseId, nowUtc));
                erased += count == null ? 0 : count;
            } catch (RuntimeException e) {
                log.error("Retention: course {} could not be purged; it will be tried again", courseId, e);
            }
        }
        return erased;
    }

    private int purgeCourse(long courseId, LocalDateTime now) {
        CoursePrivacyRecord settings = db.selectFrom(COURSE_PRIVACY)
                .where(COURSE_PRIVACY.COURSE_ID.eq(courseId)).forUpdate().fetchSingle();
        if (settings.getRetentionDays() == null
                || settings.getLastPurgeAt() != null && settings.getLastPurgeAt().isAfter(now.minus(QUIET))) {
            return 0;
        }
        LocalDateTime cutoff = now.minusDays(settings.getRetentionDays());
        LocalDateTime lastLaunch = db.select(max(ENROLLMENT.LAST_LAUNCH_AT)).from(ENROLLMENT)
                .where(ENROLLMENT.COURSE_ID.eq(courseId)).fetchOne(0, LocalDateTime.class);
        boolean courseEnded = lastLaunch == null || lastLaunch.isBefore(cutoff);
        var students = ENROLLMENT.COURSE_ID.eq(courseId).and(ENROLLMENT.ROLE.eq(Role.STUDENT.name()));
        List<Long> due = db.select(ENROLLMENT.PERSON_ID).from(ENROLLMENT)
                .where(courseEnded ? students : students.and(ENROLLMENT.LEFT_AT.lt(cutoff)))
                .fetch(ENROLLMENT.PERSON_ID);
        for (long student : due) {
            records.eraseFromCourse(courseId, student);
        }
        if (!due.isEmpty()) {
            audit.recordAsCairn(courseId, AuditKind.RETENTION_ERASED, "-", Integer.toString(due.size()));
        }
        settings.setLastPurgeAt(now);
        settings.store();
        return due.size();
    }
}
