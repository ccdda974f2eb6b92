package app.cairn.unit;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A student's proposal and where it stands. {@code studentName} is filled for teachers. */
public record Proposal(long id, long unitId, long studentPersonId, @Nullable String studentName, ProposalKind kind,
                       List<Long> targetIds, String title, String plan, String showsIndicator, ProposalStatus status,
                       @Nullable String teacherComment, Instant submittedAt) {
}
