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

    /** "SCI.1.a Plans a fair test": the code, when there is one, and the statement, as teachers name an item. */
    public String label() {
        return code == null ? statement : code + " " + statement;
    }
}
