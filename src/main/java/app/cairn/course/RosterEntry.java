package app.cairn.course;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import app.cairn.shared.Role;

/** One person on a course roster, as the teacher's roster view shows them. */
public record RosterEntry(long personId, @Nullable String name, Role role, @Nullable Instant lastLaunch,
                          boolean left) {
}
