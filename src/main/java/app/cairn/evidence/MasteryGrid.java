package app.cairn.evidence;

import java.util.List;

import org.jspecify.annotations.Nullable;

import app.cairn.proficiency.CalculationMethod;
import app.cairn.proficiency.LevelView;
import app.cairn.proficiency.RollUpRule;

/**
 * A unit's proficiency grid: one column per target (its performance indicator), one row per student,
 * and the unit's rolled-up proficiency per student. Read from the stored proficiencies, so it is cheap.
 *
 * @param levels the course's scale, lowest first, for a legend
 */
public record MasteryGrid(long unitId, String unitTitle, CalculationMethod method, RollUpRule rollUp,
                          List<LevelView> levels, List<Column> columns, List<Row> rows) {

    public MasteryGrid {
        levels = List.copyOf(levels);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** A target of the unit. */
    public record Column(long targetId, long indicatorId, String label) {
    }

    /**
     * A student: a cell per column, in the columns' order, and the unit.
     *
     * @param indicatorsTotal the unit's distinct indicators; {@code unit.count()} of them are assessed
     */
    public record Row(long studentPersonId, @Nullable String name, List<ProficiencyCell> cells, ProficiencyCell unit,
                      int indicatorsTotal) {

        public Row {
            cells = List.copyOf(cells);
        }
    }
}
