package app.cairn.unit;

import java.util.List;

/**
 * A unit in brief, for features that follow proficiency per unit: its targets' performance
 * indicators in order (an indicator may be the target of more than one unit), and the resource id of
 * its gradebook column: the unit's key, or for a course copy the original's, which the LMS copied
 * with the line item (the same rule as {@link UnitLink#gradebookResourceId()}).
 */
public record UnitOutline(long id, String title, UnitStatus status, List<Long> targetIds, List<Long> indicatorIds,
                          String gradebookResourceId) {

    public UnitOutline {
        targetIds = List.copyOf(targetIds);
        indicatorIds = List.copyOf(indicatorIds);
    }
}
