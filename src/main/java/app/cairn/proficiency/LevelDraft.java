package app.cairn.proficiency;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** A level as a teacher typed it; nothing here is checked until the scale is saved. */
public record LevelDraft(@Nullable BigDecimal points, @Nullable String label, @Nullable String description,
                         @Nullable String colour, boolean mastery) {
}
