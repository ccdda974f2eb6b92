package app.cairn.privacy;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A course's retention rule.
 *
 * @param retentionDays days student work is kept after the student left or the course's last
 *                      launch; null keeps it until a teacher deletes it
 * @param revision      for optimistic locking: a save based on an older revision is refused
 * @param lastPurge     when the retention job last looked at this course
 */
public record PrivacySettings(@Nullable Integer retentionDays, int revision, @Nullable Instant lastPurge) {

    public static final int MIN_DAYS = 30;
    public static final int MAX_DAYS = 3650;
}
