package app.cairn.unit;

import java.util.List;

/**
 * A unit in brief, for features that follow proficiency per unit: its targets' performance
 * indicators in order (an indicator may be the target of more than one unit).
 */
public record UnitOutline(long id, String title, UnitStatus status, List<Long> targetIds, List<Long> indicatorIds) {

    public UnitOutline {
        targetIds = List.copyOf(targetIds);
        indicatorIds = List.copyOf(indicatorIds);
    }

    /** The resource id of the unit's gradebook column (LMS line item); see {@link Unit#gradebookResourceId(long)}. */
    public String gradebookResourceId() {
        return Unit.gradebookResourceId(id);
    }
}
