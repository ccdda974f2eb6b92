package app.cairn.evidence;

import java.util.List;

import app.cairn.proficiency.LevelView;
import app.cairn.proficiency.RollUpRule;

/**
 * A unit's proficiency grid by standard: one column per standard its targets belong to (the stored
 * standard proficiency, the course's indicators of it rolled up by the course's rule), one row per
 * student, and the unit. Read from the stored proficiencies, like {@link MasteryGrid}.
 *
 * @param levels the course's scale, lowest first, for a legend
 */
public record StandardsGrid(long unitId, String unitTitle, RollUpRule rollUp, List<LevelView> levels,
                            List<Column> columns, List<MasteryGrid.Row> rows) {

    public StandardsGrid {
        levels = List.copyOf(levels);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * A standard of the unit's targets, in the order its first target comes; or, when a target's
     * indicator belongs to no standard, that indicator, which the unit's roll-up counts as a group
     * of its own.
     *
     * @param itemId       the standard's id, or the indicator's when {@code standard} is false
     * @param indicatorIds the unit's indicators under it, in target order
     */
    public record Column(long itemId, boolean standard, String label, List<Long> indicatorIds) {

        public Column {
            indicatorIds = List.copyOf(indicatorIds);
        }
    }
}
