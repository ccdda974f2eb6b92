package app.cairn.evidence;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import app.cairn.unit.AssessmentKind;

/** A piece of evidence in a list (a student's path, a teacher's view of one student). */
public record EvidenceSummary(long id, long studentPersonId, long unitId, @Nullable Long targetId, long indicatorId,
                              @Nullable Long assessmentId, AssessmentKind kind, String assessmentTitle, String viaTitle,
                              EvidenceStatus status, @Nullable LocalDate performedOn, @Nullable Instant submittedAt,
                              int revision) {
}
