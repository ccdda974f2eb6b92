package app.cairn.unit;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One student's way through a unit: every target with its state, the student's choices, goal and
 * reflection, their proposals, and how they stand against the suggested dates.
 *
 * @param currentIndex index of the first target not yet passed, or {@code null} when all are passed
 * @param mayPropose   the kinds of proposal the unit's continuum level allows
 */
public record StudentPath(Unit unit, long studentPersonId, @Nullable Integer currentIndex, List<Step> steps,
                          PacingStatus pacing, List<Proposal> proposals, Set<ProposalKind> mayPropose) {

    /**
     * @param passage how the target was passed, or {@code null} when it is not
     */
    public record Step(Unit.Target target, TargetState state, Set<Long> chosenOptionIds, @Nullable String goal,
                       @Nullable String reflection, @Nullable Passage passage) {
    }

    /** Proficient (the evidence said so) or let through by a teacher, with when and why. */
    public record Passage(boolean proficient, Instant at, @Nullable Long overriddenBy, @Nullable String overrideReason) {
    }

    public @Nullable Step current() {
        return currentIndex == null ? null : steps.get(currentIndex);
    }
}
