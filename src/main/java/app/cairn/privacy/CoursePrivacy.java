package app.cairn.privacy;

import static cairn.schema.Tables.COURSE_PRIVACY;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.cairn.shared.CurrentViewer;
import app.cairn.shared.Viewer;
import cairn.schema.tables.records.CoursePrivacyRecord;

/** A course's retention rule, which its teachers set. */
@Service
public class CoursePrivacy {

    private final DSLContext db;
    private final Clock clock;
    private final CurrentViewer currentViewer;
    private final AuditTrail audit;

    CoursePrivacy(DSLContext db, Clock clock, CurrentViewer currentViewer, AuditTrail audit) {
        this.db = db;
        this.clock = clock;
        this.currentViewer = currentViewer;
        this.audit = audit;
    }

    /** Teachers only. A course nobody has set keeps student work until a teacher deletes it. */
    public PrivacySettings settingsOfMyCourse() {
        Viewer viewer = currentViewer.requireTeacher();
        return db.selectFrom(COURSE_PRIVACY).where(COURSE_PRIVACY.COURSE_ID.eq(viewer.courseId())).fetchOptional()
                .map(CoursePrivacy::settings).orElse(new PrivacySettings(null, 0, null));
    }

    /**
     * Teachers only: keeps student work {@code days} days after a student left or the course's last
     * launch, or until deleted when null.
     *
     * @throws PrivacyRefusal when the days are out of range or someone saved in between
     */
    @Transactional
    public PrivacySettings saveRetention(@Nullable Integer days, int baseRevision) {
        Viewer viewer = currentViewer.requireTeacher();
        if (days != null && (days < PrivacySettings.MIN_DAYS || days > PrivacySettings.MAX_DAYS)) {
            throw new PrivacyRefusal("privacy.retention.out-of-range");
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        db.insertInto(COURSE_PRIVACY)
                .set(COURSE_PRIVACY.COURSE_ID, viewer.courseId()).set(COURSE_PRIVACY.REVISION, 0)
                .set(COURSE_PRIVACY.UPDATED_AT, now)
                .onDuplicateKeyIgnore().execute();
        CoursePrivacyRecord row = db.selectFrom(COURSE_PRIVACY)
                .where(COURSE_PRIVACY.COURSE_ID.eq(viewer.courseId())).forUpdate().fetchSingle();
        if (row.getRevision() != baseRevision) {
            throw new PrivacyRefusal("privacy.retention.conflict");
        }
        Integer before = row.getRetentionDays();
        row.setRetentionDays(days);
        row.setRevision(row.getRevision() + 1);
        row.setUpdatedBy(viewer.personId());
        row.setUpdatedAt(now);
        row.store();
        if (!Objects.equals(before, days)) {
            audit.record(viewer.courseId(), null, AuditKind.RETENTION_CHANGED, "-",
                    before == null ? null : before.toString(), days == null ? null : days.toString());
        }
        return settings(row);
    }

    private static PrivacySettings settings(CoursePrivacyRecord row) {
        return new PrivacySettings(row.getRetentionDays(), row.getRevision(),
                row.getLastPurgeAt() == null ? null : row.getLastPurgeAt().toInstant(ZoneOffset.UTC));
    }
}
