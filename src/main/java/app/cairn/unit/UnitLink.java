package app.cairn.unit;

import org.jspecify.annotations.Nullable;

/**
 * A unit as LMS links to it need it.
 *
 * @param key                 the unit's public key, which links carry as {@code cairn_unit_id}: random, stable, not the row id
 * @param gradebookResourceId the resource id of the unit's gradebook column: its own key, or for a course
 *                            copy the key of the unit it was copied from, because the LMS copied the column
 *                            along with the link and finds it by that id
 */
public record UnitLink(long id, String key, String title, @Nullable String description, UnitStatus status,
                       String gradebookResourceId) {
}
