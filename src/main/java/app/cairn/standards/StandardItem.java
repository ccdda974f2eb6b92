package app.cairn.standards;

import org.jspecify.annotations.Nullable;

/**
 * One item of a framework: a graduate profile attribute, a standard, an indicator or an objective.
 *
 * @param sourceIdentifier the CASE identifier or Canvas vendor_guid when imported, so a re-import updates it in place
 * @param revision         counts the item's changes
 */
public record StandardItem(long id, long frameworkId, @Nullable Long parentId, Level level, @Nullable Kind kind,
                           @Nullable String subject, @Nullable String code, String statement,
                           @Nullable String description, int position, @Nullable String sourceIdentifier,
                           boolean archived, int revision) {
}
