package app.cairn.course;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Whether the course's roster can be synced, when it last was, and what went wrong last time.
 *
 * @param available false when the LMS offered no roster service in its launches
 */
public record RosterStatus(boolean available, @Nullable Instant syncedAt, @Nullable String error) {
}
