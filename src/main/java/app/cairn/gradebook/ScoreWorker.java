package app.cairn.gradebook;

import static cairn.schema.Tables.COURSE;
import static cairn.schema.Tables.GRADEBOOK_ITEM;
import static cairn.schema.Tables.GRADEBOOK_SCORE_OUTBOX;
import static cairn.schema.Tables.PERSON;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import app.cairn.gradebook.GradebookPlatform.Problem;
import app.cairn.gradebook.GradebookPlatform.SendException;
import app.cairn.shared.DatabaseUnavailable;

/**
 * Sends the score outbox to the LMS. Any number of nodes may run one: a node claims a batch of due
 * rows with one {@code UPDATE … LIMIT} that writes its claim token and a lease, so two nodes never
 * hold the same row; an expired lease (a node that died) frees its rows for the others. A row that
 * was being sent when its lease ran out may have reached the LMS, so it goes again only with a
 * newer timestamp, never twice with the same one.
 *
 * <p>Faults: 401 is handled below (new token, once); throttling (429, Canvas's 403) waits for
 * Retry-After and slows that platform to one call at a time; 5xx and timeouts back off
 * exponentially up to a cap; a stale timestamp (409, 400) supersedes the row; any other refusal
 * fails it for good, with the platform's reason, until a teacher retries.
 */
class ScoreWorker {

    static final String SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    static final String LINEITEM_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    private static final Logger log = LoggerFactory.getLogger(ScoreWorker.class);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    private static final int MAX_THROTTLED_RETRIES = 20;
    private static final Duration OUTAGE_PAUSE_BASE = Duration.ofSeconds(1);
    private static final Duration OUTAGE_PAUSE_CAP = Duration.ofSeconds(15);
    /** Stop retrying an outcome this long before the lease ends, when another node may take the row. */
    private static final Duration RECORD_MARGIN = Duration.ofSeconds(1);

    /** How the worker behaves; see application.yml, {@code cairn.gradebook}. */
    record Settings(boolean enabled, int batchSize, Duration lease, Duration leaseMargin, Duration retryBase,
                    Duration retryCap, int maxAttempts, int parallelPerPlatform, Duration serialAfterThrottle) {
    }

    /** A claimed row with all it takes to send it. */
    record Claim(long id, String token, long itemId, long platformId, @Nullable String lineItemsUrl, Set<String> scopes,
                 String resourceId, String label, double itemMaximum, @Nullable String tag,
                 @Nullable String lineItemUrl, String userId, double scoreGiven, double scoreMaximum,
                 @Nullable String comment, LocalDateTime timestamp, int attempts, LocalDateTime claimedUntil) {
    }

    private final DSLContext db;
    private final Clock clock;
    private final GradebookPlatform platform;
    private final TransactionTemplate transaction;
    private final Settings settings;
    private final String nodeId;
    private final Map<Long, PlatformPace> paces = new ConcurrentHashMap<>();
    private final Map<Long, String> lineItemUrls = new ConcurrentHashMap<>();
    /** Only the scheduled poll touches these (one round at a time). */
    private volatile long pausedUntil = System.nanoTime();
    private volatile int failedRounds;

    ScoreWorker(DSLContext db, Clock clock, GradebookPlatform platform, TransactionTemplate transaction,
                Settings settings, String nodeId) {
        this.db = db;
        this.clock = clock;
        this.platform = platform;
        this.transaction = transaction;
        this.settings = settings;
        this.nodeId = nodeId.length() > 20 ? nodeId.substring(0, 20) : nodeId;
    }

    @Scheduled(fixedDelayString = "${cairn.gradebook.poll-interval}", initialDelayString = "${cairn.gradebook.poll-interval}")
    void poll() {
        if (!settings.enabled() || System.nanoTime() - pausedUntil < 0) {
            return;
        }
        try {
            drain();
            if (failedRounds > 0) {
                log.info("Gradebook worker resumed: the database answers again after {} failed round(s)", failedRounds);
                failedRounds = 0;
            }
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e)) {
                log.warn("Gradebook sync round failed: {}", e.toString());
                return;
            }
            // The database is away: wait longer after each failed round (nothing is lost, the
            // outbox is in the database), but not so long that sending resumes late once it is back.
            failedRounds++;
            Duration pause = OUTAGE_PAUSE_BASE.multipliedBy(1L << Math.min(failedRounds - 1, 10));
            pause = pause.compareTo(OUTAGE_PAUSE_CAP) > 0 ? OUTAGE_PAUSE_CAP : pause;
            pausedUntil = System.nanoTime() + pause.toNanos();
            if (failedRounds == 1) {
                log.warn("Gradebook worker paused, the database cannot be reached: {}", e.toString());
            } else {
                log.debug("Gradebook worker still paused after {} failed rounds; next try in {}", failedRounds, pause);
            }
        }
    }

    /** How long the worker still waits before trying the database again (zero when it is not paused). */
    Duration outagePause() {
        long left = pausedUntil - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /** Claims and sends due rows until none are left; answers how many rows it handled. */
    int drain() {
        int handled = 0;
        List<Claim> batch;
        while (!(batch = claim()).isEmpty()) {
            send(batch);
            handled += batch.size();
        }
        return handled;
    }

    /** One atomic claim of up to a batch of due rows, with a lease. */
    List<Claim> claim() {
        return java.util.Objects.requireNonNull(transaction.execute(status -> {
            var o = GRADEBOOK_SCORE_OUTBOX;
            LocalDateTime now = now();
            String token = nodeId + ":" + UUID.randomUUID();
            LocalDateTime until = now.plus(settings.lease());
            int claimed = db.update(o).set(o.CLAIMED_BY, token).set(o.CLAIMED_UNTIL, until)
                    .where(o.STATUS.eq(ScoreStatus.PENDING.name()), o.NEXT_ATTEMPT_AT.le(now),
                            o.CLAIMED_UNTIL.isNull().or(o.CLAIMED_UNTIL.lt(now)))
                    .orderBy(o.NEXT_ATTEMPT_AT, o.ID).limit(settings.batchSize()).execute();
            if (claimed == 0) {
                return List.<Claim>of();
            }
            // Rows caught mid-send by a lease that ran out may be in the LMS: send them as newer scores.
            for (var row : db.select(o.ID, o.SCORE_TIMESTAMP).from(o).where(o.CLAIMED_BY.eq(token), o.IN_FLIGHT.isTrue())
                    .fetch()) {
                db.update(o).set(o.SCORE_TIMESTAMP, later(row.value2(), now)).set(o.IN_FLIGHT, false)
                        .where(o.ID.eq(row.value1())).execute();
            }
            return db.select(o.ID, o.ITEM_ID, COURSE.PLATFORM_ID, COURSE.AGS_LINEITEMS_URL, COURSE.AGS_SCOPES,
                            GRADEBOOK_ITEM.RESOURCE_ID, GRADEBOOK_ITEM.LABEL, GRADEBOOK_ITEM.SCORE_MAXIMUM, GRADEBOOK_ITEM.TAG,
                            GRADEBOOK_ITEM.LINEITEM_URL, PERSON.SUBJECT, o.SCORE_GIVEN, o.SCORE_MAXIMUM, o.COMMENT,
                            o.SCORE_TIMESTAMP, o.ATTEMPTS)
                    .from(o).join(GRADEBOOK_ITEM).on(GRADEBOOK_ITEM.ID.eq(o.ITEM_ID))
                    .join(COURSE).on(COURSE.ID.eq(o.COURSE_ID)).join(PERSON).on(PERSON.ID.eq(o.PERSON_ID))
                    .where(o.CLAIMED_BY.eq(token)).orderBy(o.NEXT_ATTEMPT_AT, o.ID)
                    .fetch(r -> new Claim(r.value1(), token, r.value2(), r.value3(), r.value4(),
                            r.value5() == null ? Set.of() : Set.of(r.value5().split(" ")), r.value6(), r.value7(),
                            r.value8(), r.value9(), r.value10(), r.value11(), r.value12(), r.value13(), r.value14(),
                            r.value15(), r.value16(), until));
        }));
    }

    /** Sends a claimed batch: platforms side by side, each at the pace it allows. */
    void send(List<Claim> batch) {
        Map<Long, Queue<Claim>> byPlatform = new LinkedHashMap<>();
        for (Claim claim : batch) {
            byPlatform.computeIfAbsent(claim.platformId(), id -> new ConcurrentLinkedQueue<>()).add(claim);
        }
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            byPlatform.forEach((platformId, queue) -> {
                PlatformPace pace = pace(platformId);
                int threads = Math.min(queue.size(), settings.parallelPerPlatform());
                for (int i = 0; i < threads; i++) {
                    senders.submit(() -> {
                        Claim claim;
                        while ((claim = queue.poll()) != null) {
                            deliver(claim, pace);
                        }
                    });
                }
            });
        }
    }

    PlatformPace pace(long platformId) {
        return paces.computeIfAbsent(platformId,
                id -> new PlatformPace(settings.parallelPerPlatform(), settings.serialAfterThrottle()));
    }

    /** Sends one claimed row and records the outcome. */
    void deliver(Claim claim, PlatformPace pace) {
        try {
            if (claim.lineItemsUrl() == null) {
                record(claim, () -> fail(claim, "the LMS did not offer Cairn its gradebook (no Assignment and Grade Services endpoint in its launches)"));
                return;
            }
            if (!claim.scopes().contains(SCORE_SCOPE)) {
                record(claim, () -> fail(claim, "the LMS did not grant Cairn the right to send scores (scope " + SCORE_SCOPE + ")"));
                return;
            }
            for (int throttled = 0; ; throttled++) {
                if (!leaseAllows(claim, pace.remainingWait())) {
                    record(claim, () -> release(claim, now().plus(pace.remainingWait()), null));
                    return;
                }
                if (!recordValue(claim, () -> startSend(claim))) {
                    return;
                }
                try {
                    String url = lineItemUrl(claim, pace);
                    GradebookPlatform.Score score = new GradebookPlatform.Score(claim.userId(), claim.scoreGiven(),
                            claim.scoreMaximum(), claim.comment(), claim.timestamp().toInstant(ZoneOffset.UTC));
                    pace.call(() -> {
                        platform.postScore(claim.platformId(), url, claim.scopes(), score);
                        return null;
                    });
                    record(claim, () -> finish(claim));
                    return;
                } catch (SendException e) {
                    if (e.problem() == Problem.THROTTLED) {
                        Duration wait = e.retryAfter() == null ? DEFAULT_RETRY_AFTER : e.retryAfter();
                        pace.throttled(wait);
                        if (throttled < MAX_THROTTLED_RETRIES && leaseAllows(claim, wait)) {
                            continue;
                        }
                        record(claim, () -> release(claim, now().plus(wait), "the LMS asked Cairn to slow down: " + e.getMessage()));
                        return;
                    }
                    record(claim, () -> settle(claim, e));
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(claim, now(), null);
        } catch (Exception e) {
            if (DatabaseUnavailable.causedBy(e)) {
                // Nothing can be written now; the lease runs out and the row is claimed again later
                // (as a newer score if it was on its way).
                log.warn("Score {} left to its lease, the database cannot be reached: {}", claim.id(), e.toString());
                return;
            }
            log.warn("Sending score {} failed unexpectedly", claim.id(), e);
            settle(claim, new SendException(Problem.TRANSIENT, "Cairn could not send the score: " + e, null, true));
        }
    }

    /**
     * Writes down an outcome. When the database is away for a moment, keeps trying while the lease
     * lasts: a score the LMS already accepted is then recorded as sent, not sent again later.
     */
    private void record(Claim claim, Runnable write) {
        recordValue(claim, () -> {
            write.run();
            return null;
        });
    }

    private <T> T recordValue(Claim claim, java.util.function.Supplier<T> write) {
        long pauseMillis = 250;
        while (true) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.causedBy(e)
                        || !now().plus(Duration.ofMillis(pauseMillis)).plus(RECORD_MARGIN).isBefore(claim.claimedUntil())) {
                    throw e;
                }
                log.info("Score {}: the database cannot be reached, trying again in {} ms", claim.id(), pauseMillis);
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pauseMillis = Math.min(pauseMillis * 2, 5000);
            }
        }
    }

    private void settle(Claim claim, SendException e) {
        switch (e.problem()) {
            case STALE -> supersede(claim, "the LMS already holds a newer score: " + e.getMessage());
            case REJECTED -> fail(claim, e.getMessage());
            case NOT_FOUND -> {
                // The column was deleted in the LMS: find or make it again at the next attempt.
                lineItemUrls.remove(claim.itemId());
                db.update(GRADEBOOK_ITEM).setNull(GRADEBOOK_ITEM.LINEITEM_URL).where(GRADEBOOK_ITEM.ID.eq(claim.itemId())).execute();
                backOff(claim, e);
            }
            default -> backOff(claim, e);
        }
    }

    /** The line item's URL: remembered, stored, or found or created in the LMS under a row lock. */
    private String lineItemUrl(Claim claim, PlatformPace pace) throws SendException {
        String known = lineItemUrls.get(claim.itemId());
        if (known != null) {
            return known;
        }
        if (claim.lineItemUrl() != null) {
            lineItemUrls.put(claim.itemId(), claim.lineItemUrl());
            return claim.lineItemUrl();
        }
        // Wait for the platform's turn before taking the item's lock: never sleep while holding it.
        try {
            pace.awaitTurn();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendException(Problem.TRANSIENT, "interrupted while waiting for the LMS");
        }
        try {
            String url = java.util.Objects.requireNonNull(transaction.execute(status -> {
                // Locked, so that two nodes never both create the same column.
                String stored = db.select(GRADEBOOK_ITEM.LINEITEM_URL).from(GRADEBOOK_ITEM)
                        .where(GRADEBOOK_ITEM.ID.eq(claim.itemId())).forUpdate().fetchSingle().value1();
                if (stored != null) {
                    return stored;
                }
                if (!claim.scopes().contains(LINEITEM_SCOPE)) {
                    throw new Wrapped(new SendException(Problem.REJECTED, "the LMS did not grant Cairn the right to "
                            + "manage gradebook columns (scope " + LINEITEM_SCOPE + ")"));
                }
                try {
                    // Directly, not through the pace: a throttle here comes back as THROTTLED to deliver().
                    String made = platform.findOrCreateLineItem(claim.platformId(),
                            java.util.Objects.requireNonNull(claim.lineItemsUrl()), claim.scopes(),
                            new GradebookPlatform.LineItemSpec(claim.resourceId(), claim.label(), claim.itemMaximum(), claim.tag()));
                    db.update(GRADEBOOK_ITEM).set(GRADEBOOK_ITEM.LINEITEM_URL, made).set(GRADEBOOK_ITEM.UPDATED_AT, now())
                            .where(GRADEBOOK_ITEM.ID.eq(claim.itemId())).execute();
                    return made;
                } catch (SendException e) {
                    throw new Wrapped(e);
                }
            }));
            lineItemUrls.put(claim.itemId(), url);
            return url;
        } catch (Wrapped w) {
            throw w.cause;
        }
    }

    private static final class Wrapped extends RuntimeException {
        private final SendException cause;

        Wrapped(SendException cause) {
            super(cause.getMessage(), null, false, false);
            this.cause = cause;
        }
    }

    /** Marks the row as being sent, if it is still ours and still wanted. */
    private boolean startSend(Claim claim) {
        var o = GRADEBOOK_SCORE_OUTBOX;
        return db.update(o).set(o.IN_FLIGHT, true)
                .where(o.ID.eq(claim.id()), o.CLAIMED_BY.eq(claim.token()), o.STATUS.eq(ScoreStatus.PENDING.name()))
                .execute() == 1 || releaseIfSuperseded(claim);
    }

    private boolean releaseIfSuperseded(Claim claim) {
        var o = GRADEBOOK_SCORE_OUTBOX;
        db.update(o).setNull(o.CLAIMED_BY).setNull(o.CLAIMED_UNTIL)
                .where(o.ID.eq(claim.id()), o.CLAIMED_BY.eq(claim.token())).execute();
        return false;
    }

    private void finish(Claim claim) {
        var o = GRADEBOOK_SCORE_OUTBOX;
        LocalDateTime now = now();
        int updated = db.update(o).set(o.STATUS, ScoreStatus.SENT.name()).set(o.SENT_AT, now)
                .set(o.ATTEMPTS, o.ATTEMPTS.plus(1)).set(o.IN_FLIGHT, false).setNull(o.LAST_ERROR)
                .setNull(o.CLAIMED_BY).setNull(o.CLAIMED_UNTIL).set(o.UPDATED_AT, now)
                .where(o.ID.eq(claim.id()), o.CLAIMED_BY.eq(claim.token()), o.STATUS.eq(ScoreStatus.PENDING.name()))
                .execute();
        if (updated == 0) {
            // Superseded while on its way: it reached the LMS all the same, and a newer score follows.
            db.update(o).set(o.SENT_AT, now).set(o.ATTEMPTS, o.ATTEMPTS.plus(1)).set(o.IN_FLIGHT, false)
                    .setNull(o.CLAIMED_BY).setNull(o.CLAIMED_UNTIL).set(o.UPDATED_AT, now)
                    .where(o.ID.eq(claim.id()), o.CLAIMED_BY.eq(claim.token())).execute();
        }
    }

    private void fail(Claim claim, String reason) {
        log.warn("Score {} failed for good: {}", claim.id(), reason);
        var o = GRADEBOOK_SCORE_OUTBOX;
        db.update(o).set(o.STATUS, ScoreStatus.FAILED.name()).set(o.LAST_ERROR, abbreviate(reason))
                .set(o.ATTEMPTS, o.ATTEMPTS.plus(1)).set(o.IN_FLIGHT, false)
                .setNull(o.CLAIMED_BY).setNull(o.CLAIMED_UNTIL).set(o.UPDATED_AT, now())
                .where(o.ID.eq(claim.id()), o.CLAIMED_BY.eq(claim.token()), o.STATUS.eq(ScoreStatus.PENDING.name()))
                .execute();
        releaseIfSuperseded(claim);
    }

    private void supersede(Claim claim, String reason) {
        var o = GRADEBOOK_SCORE_OUTBOX;
        db.update(o).set(o.STATUS, ScoreStatus.SUPERSEDED.name()).set(o.LAST_ERROR, abbreviate(reason))
                .set(o.ATTEMPTS, o.ATTEMPTS.plus(1)).set(o.IN_FLIGHT, false)
                .setNull(o.CLAIMED_BY).setNull(o.CLAIMED_UNTIL).set(o.UPDATED_AT, now())
                .where(o.ID.eq(claim.id()), o.CLAIMED_BY.eq(claim.token()))
                .execute();
    }

    /** A temporary problem: try again later, exponentially later, and give up after many tries. */
    private void backOff(Claim claim, SendException e) {
        int attempts = claim.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            fail(claim, "gave up after " + attempts + " attempts; the last one: " + e.getMessage());
            return;
        }
        long base = settings.retryBase().toMillis();
        long capped = Math.min(settings.retryCap().toMillis(), base << Math.min(attempts - 1, 30));
        long delay = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        var o = GRADEBOOK_SCORE_OUTBOX;
        LocalDateTime now = now();
        db.update(o).set(o.NEXT_ATTEMPT_AT, now.plus(delay, ChronoUnit.MILLIS)).set(o.ATTEMPTS, o.ATTEMPTS.plus(1))
                .set(o.LAST_ERROR, abbreviate(e.getMessage())).set(o.IN_FLIGHT, false)
                // A timeout may have delivered it: the next try must carry a newer timestamp.
                .set(o.SCORE_TIMESTAMP, e.maybeDelivered() ? later(claim.timestamp(), now) : claim.timestamp())
                .setNull(o.CLAIMED_BY).setNull(o.CLAIMED_UNTIL).set(o.UPDATED_AT, now)
                .where(o.ID.eq(claim.id()), o.CLAIMED_BY.eq(claim.token()), o.STATUS.eq(ScoreStatus.PENDING.name()))
                .execute();
        releaseIfSuperseded(claim);
    }

    /** Gives the row back without counting an attempt (throttled, or out of lease time). */
    private void release(Claim claim, LocalDateTime nextAttempt, @Nullable String note) {
        var o = GRADEBOOK_SCORE_OUTBOX;
        var update = db.update(o).set(o.NEXT_ATTEMPT_AT, nextAttempt).set(o.IN_FLIGHT, false)
                .setNull(o.CLAIMED_BY).setNull(o.CLAIMED_UNTIL).set(o.UPDATED_AT, now());
        if (note != null) {
            update = update.set(o.LAST_ERROR, abbreviate(note));
        }
        update.where(o.ID.eq(claim.id()), o.CLAIMED_BY.eq(claim.token())).execute();
    }

    /** Whether the lease leaves time to wait {@code wait} and then make a call that may time out. */
    private boolean leaseAllows(Claim claim, Duration wait) {
        return now().plus(wait).plus(settings.leaseMargin()).isBefore(claim.claimedUntil());
    }

    private static LocalDateTime later(LocalDateTime timestamp, LocalDateTime now) {
        LocalDateTime next = timestamp.plusSeconds(1);
        return next.isBefore(now) ? now : next;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MILLIS);
    }

    private static String abbreviate(@Nullable String text) {
        String value = text == null ? "unknown" : text;
        return value.length() > 1000 ? value.substring(0, 999) + "…" : value;
    }
}
