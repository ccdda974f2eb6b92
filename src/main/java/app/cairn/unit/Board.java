package app.cairn.unit;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The class in a unit: every student with the target they are on, stuck longest first, and the
 * proposals waiting for the teacher.
 */
public record Board(Unit unit, List<Row> rows, List<Proposal> pending) {

    /**
     * @param currentIndex the target the student is on, or {@code null} when they passed them all
     * @param onItSince    when that target became their current one (the unit's publication for the first)
     */
    public record Row(long studentPersonId, @Nullable String name, @Nullable Integer currentIndex, PacingStatus pacing,
                      @Nullable Instant onItSince) {
    }
}
