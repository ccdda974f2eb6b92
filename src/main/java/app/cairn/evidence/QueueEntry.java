package app.cairn.evidence;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import app.cairn.unit.AssessmentKind;

/**
 * Evidence waiting for its teacher: handed in (or re-assessment requested) and not yet scored or
 * answered. The queue is oldest first, by {@code queuedAt}.
 *
 * @param reassessmentReason set when the student asked for re-assessment
 */
public record QueueEntry(long evidenceId, long studentPersonId, @Nullable String studentName, long unitId,
                         String unitTitle, @Nullable Long targetId, long indicatorId, AssessmentKind kind,
                         String assessmentTitle, String viaTitle, EvidenceStatus status, Instant queuedAt,
                         @Nullable LocalDate performedOn, @Nullable String reassessmentReason, int revision) {
}
