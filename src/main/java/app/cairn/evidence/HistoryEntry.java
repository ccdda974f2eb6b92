package app.cairn.evidence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One thing that happened to a piece of evidence.
 *
 * @param actorName       the actor's name when it happened, if the LMS shared it
 * @param comment         the teacher's feedback or comment, or the student's reason
 * @param rubricVersionId for SCORED: the rubric version the levels were given on
 * @param performedOn     for PERFORMED_ON_CORRECTED: the corrected day; for SCORED: the day that counted
 * @param superseded      for SCORED: a later score of the same evidence replaced it (it no longer counts)
 * @param levels          for SCORED: the level given per criterion, in the rubric's order
 */
public record HistoryEntry(long id, HistoryKind kind, long actorPersonId, @Nullable String actorName,
                           @Nullable String comment, @Nullable Long rubricVersionId, @Nullable LocalDate performedOn,
                           Instant at, boolean superseded, List<LevelGiven> levels) {

    public HistoryEntry {
        levels = List.copyOf(levels);
    }

    /** The level given on one criterion of the rubric, and the performance indicator it scores. */
    public record LevelGiven(long criterionId, String criterionTitle, long indicatorId, int levelPosition,
                             BigDecimal points, String levelLabel) {
    }
}
