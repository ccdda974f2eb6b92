package app.cairn.standards;

import org.jspecify.annotations.Nullable;

/** What a teacher types for a new or changed item. Blank optional texts are stored as absent. */
public record ItemDraft(Level level, @Nullable Kind kind, @Nullable String subject, @Nullable String code,
                        String statement, @Nullable String description) {

    public static ItemDraft of(Level level, @Nullable String code, String statement) {
        return new ItemDraft(level, null, null, code, statement, null);
    }
}
