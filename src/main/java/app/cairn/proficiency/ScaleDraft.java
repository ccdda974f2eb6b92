package app.cairn.proficiency;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A scale as a teacher edited it, to save as their course's own.
 *
 * @param baseRevision the revision of the course's own scale the teacher started from, or
 *                     {@code null} when they started from the platform default
 * @param levels       lowest level first
 */
public record ScaleDraft(@Nullable String name, @Nullable Integer baseRevision, List<LevelDraft> levels) {

    public ScaleDraft {
        levels = List.copyOf(levels);
    }
}
