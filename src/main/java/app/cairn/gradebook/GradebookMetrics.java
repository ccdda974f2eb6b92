package app.cairn.gradebook;

import static cairn.schema.Tables.GRADEBOOK_SCORE_OUTBOX;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.min;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbox as monitoring sees it: scores waiting, scores retrying after a fault, scores failed for
 * good (a teacher must look), and the age of the oldest waiting score (a stuck sync shows here
 * first). Read from the database, so every node reports the cluster's outbox; one query at most
 * every few seconds however often the metrics are scraped.
 */
@Component
class GradebookMetrics {

    private static final Duration FRESH = Duration.ofSeconds(5);

    private record Snapshot(Instant at, long pending, long retrying, long failed, double oldestPendingSeconds) {
    }

    private final DSLContext db;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, 0, 0, 0, 0);

    GradebookMetrics(DSLContext db, Clock clock, MeterRegistry registry) {
        this.db = db;
        this.clock = clock;
        Gauge.builder("cairn.gradebook.outbox.pending", this, m -> m.current().pending())
                .description("Scores waiting to be sent to an LMS gradebook").register(registry);
        Gauge.builder("cairn.gradebook.outbox.retrying", this, m -> m.current().retrying())
                .description("Waiting scores that have failed at least once (throttling, timeouts, 5xx)").register(registry);
        Gauge.builder("cairn.gradebook.outbox.failed", this, m -> m.current().failed())
                .description("Scores the LMS refused for good; a teacher can retry them").register(registry);
        Gauge.builder("cairn.gradebook.outbox.oldest.pending", this, m -> m.current().oldestPendingSeconds())
                .description("Age of the oldest waiting score").baseUnit("seconds").register(registry);
    }

    private Snapshot current() {
        Snapshot last = snapshot;
        Instant now = clock.instant();
        if (Duration.between(last.at(), now).compareTo(FRESH) < 0) {
            return last;
        }
        try {
            var o = GRADEBOOK_SCORE_OUTBOX;
            var row = db.select(
                            count().filterWhere(o.STATUS.eq(ScoreStatus.PENDING.name())),
                            count().filterWhere(o.STATUS.eq(ScoreStatus.PENDING.name()).and(o.ATTEMPTS.gt(0))),
                            count().filterWhere(o.STATUS.eq(ScoreStatus.FAILED.name())),
                            min(o.CREATED_AT).filterWhere(o.STATUS.eq(ScoreStatus.PENDING.name())))
                    .from(o).where(o.STATUS.in(ScoreStatus.PENDING.name(), ScoreStatus.FAILED.name()))
                    .fetchSingle();
            LocalDateTime oldest = row.value4();
            double age = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(ZoneOffset.UTC), now).toMillis() / 1000.0);
            snapshot = new Snapshot(now, row.value1(), row.value2(), row.value3(), age);
        } catch (RuntimeException databaseDown) {
            // Keep the last figures; the readiness probe reports the database itself.
            snapshot = new Snapshot(now, last.pending(), last.retrying(), last.failed(), last.oldestPendingSeconds());
        }
        return snapshot;
    }
}
