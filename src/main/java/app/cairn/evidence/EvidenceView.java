package app.cairn.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import app.cairn.unit.AssessmentKind;

/**
 * One piece of evidence as its student or their teacher sees it, with its files and history.
 *
 * @param studentName        filled for teachers
 * @param targetId           {@code null} when the teacher has since removed the target from the unit
 * @param assessmentId       {@code null} when the teacher has since removed the assessment
 * @param optionId           the learning option it shows, or {@code null} for a proposal
 * @param proposalId         the approved proposal it shows, or {@code null} for an option
 * @param rubricId           the summative assessment's rubric
 * @param viaTitle           the option's or proposal's title
 * @param performedOn        the day the work was done; proficiency orders scores by it
 * @param reassessmentReason why the student asked for re-assessment, while it is requested
 * @param revision           hand it back with any change, so a change from a stale page is noticed
 * @param history            oldest first
 */
public record EvidenceView(long id, long studentPersonId, @Nullable String studentName, long unitId,
                           @Nullable Long targetId, long indicatorId, @Nullable Long assessmentId,
                           @Nullable Long optionId, @Nullable Long proposalId, AssessmentKind kind,
                           @Nullable Long rubricId, String assessmentTitle, String viaTitle, @Nullable String text,
                           List<String> links, List<EvidenceFile> files, EvidenceStatus status,
                           @Nullable LocalDate performedOn, @Nullable Instant submittedAt,
                           @Nullable String reassessmentReason, int revision, List<HistoryEntry> history) {

    public EvidenceView {
        links = List.copyOf(links);
        files = List.copyOf(files);
        history = List.copyOf(history);
    }

    /** The score that counts (the latest one), if it was scored. */
    public @Nullable HistoryEntry currentScore() {
        return EvidenceRecords.currentScore(history);
    }

    /** The latest thing a teacher said (feedback, a score's comment, or why it was returned). */
    public @Nullable HistoryEntry latestTeacherComment() {
        return EvidenceRecords.latestTeacherComment(history);
    }
}
