package app.cairn.rubric;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One numbered version of a rubric, as saved.
 *
 * @param inUse     scores were given with it, so it never changes again; the next save makes a new version
 * @param levels    the scale's levels when the version was made, lowest first
 * @param exemplars exemplars about the rubric as a whole
 */
public record RubricVersion(long id, int number, boolean inUse, List<Level> levels, List<Criterion> criteria,
                            List<Exemplar> exemplars) {

    public RubricVersion {
        levels = List.copyOf(levels);
        criteria = List.copyOf(criteria);
        exemplars = List.copyOf(exemplars);
    }

    /** A level of the version's snapshot of the scale ({@code position} 0 is the lowest). */
    public record Level(int position, BigDecimal points, String label, String colour, boolean mastery) {
    }

    /**
     * A row: its performance indicator (code and statement as the library has them now) and one
     * descriptor per level.
     */
    public record Criterion(long id, String title, long indicatorId, @Nullable String indicatorCode,
                            String indicatorStatement, @Nullable String description, List<String> descriptors,
                            List<Exemplar> exemplars) {

        public Criterion {
            descriptors = List.copyOf(descriptors);
            exemplars = List.copyOf(exemplars);
        }
    }
}
