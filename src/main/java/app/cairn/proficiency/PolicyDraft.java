package app.cairn.proficiency;

import java.math.BigDecimal;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A course's proficiency policy as a teacher edits it.
 *
 * @param gradeTable   for TABLE: gradebook points by a level's points, one row per level of the course's scale
 * @param baseRevision the revision it was loaded with, {@code null} when the course had the defaults
 */
public record PolicyDraft(CalculationMethod method, double weight, int times, RollUpRule rollUp,
                          GradeMapping gradeMapping, double gradeMaximum, Map<BigDecimal, Double> gradeTable,
                          @Nullable Integer baseRevision) {

    public PolicyDraft {
        gradeTable = Map.copyOf(gradeTable);
    }
}
