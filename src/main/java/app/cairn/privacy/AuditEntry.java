package app.cairn.privacy;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of the audit trail, as a teacher reads it.
 *
 * @param actorName   who made the change; null when Cairn itself did (a scheduled job)
 * @param studentName the student concerned, if any
 */
public record AuditEntry(Instant at, @Nullable String actorName, @Nullable String studentName, AuditKind kind,
                         String subject, @Nullable String from, @Nullable String to) {
}
