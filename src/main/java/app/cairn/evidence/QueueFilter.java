package app.cairn.evidence;

import org.jspecify.annotations.Nullable;

/** Narrows the teacher's scoring queue; a {@code null} field does not narrow it. */
public record QueueFilter(@Nullable Long unitId, @Nullable Long targetId, @Nullable Long studentPersonId) {

    public static QueueFilter all() {
        return new QueueFilter(null, null, null);
    }
}
