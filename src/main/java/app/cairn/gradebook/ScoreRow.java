package app.cairn.gradebook;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The latest score of one student for one gradebook item, as the teacher's gradebook view shows it.
 *
 * @param lastError why the last attempt failed, in the LMS's words where it gave any
 */
public record ScoreRow(long id, @Nullable String studentName, String itemLabel, double scoreGiven, double scoreMaximum,
                       @Nullable String levelLabel, ScoreStatus status, int attempts, @Nullable String lastError,
                       @Nullable Instant sentAt, Instant nextAttemptAt) {
}
