package app.cairn.gradebook;

import static cairn.schema.Tables.COURSE;
import static cairn.schema.Tables.ENROLLMENT;
import static cairn.schema.Tables.GRADEBOOK_SCORE_OUTBOX;
import static cairn.schema.Tables.PERSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import cairn.schema.tables.records.GradebookScoreOutboxRecord;
import app.cairn.lti.PlatformRegistry;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;
import app.cairn.testing.CairnSpringTest;
import app.cairn.testing.FakeLms;
import app.cairn.testing.LtiBrowser;
import app.cairn.testing.TestOutbox;

/**
 * Assignment and Grade Services end to end: launches carry the AGS endpoint, scores go through the
 * database outbox and a worker to the fake LMS over loopback HTTP, with the faults real LMSs show.
 */
@CairnSpringTest
class GradebookIT {

    private static final String ISO_MILLIS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
    private static FakeLms lms;

    @LocalServerPort
    int port;
    @Autowired
    PlatformRegistry platforms;
    @Autowired
    Gradebook gradebook;
    @Autowired
    DSLContext db;
    @Autowired
    Clock clock;
    @Autowired
    GradebookPlatform platform;
    @Autowired
    TransactionTemplate transaction;

    long courseId;
    String context;

    @BeforeEach
    void setUp() {
        if (lms == null) {
            lms = FakeLms.start("http://localhost:" + port);
        }
        platforms.register(lms.registration());
        context = "ags-course-" + UUID.randomUUID();
        lms.useCourse(context);
        lms.throttle(0, 0, 429);
        lms.setAgsLatency(Duration.ZERO);
        lms.setWholeSecondTimestampCheck(true);
        LtiBrowser browser = new LtiBrowser("http://localhost:" + port);
        assertThat(browser.launch(lms, "student-1").status()).isEqualTo(303);
        assertThat(browser.launch(lms, "teacher-1").status()).isEqualTo(303);
        courseId = db.select(COURSE.ID).from(COURSE).where(COURSE.CONTEXT_ID.eq(context)).fetchSingle(COURSE.ID);
        actAsTeacher();
    }

    @AfterEach
    void tearDown() {
        // Nothing a test leaves waiting may be sent by the next test's worker.
        TestOutbox.leaveNothingToSend(db);
        SecurityContextHolder.clearContext();
    }

    @AfterAll
    static void stopLms() {
        if (lms != null) {
            lms.close();
            lms = null;
        }
    }

    @Test
    void a_score_reaches_the_lms_fully_graded_with_the_level_as_comment_and_scores_before_the_query() {
        var course = db.selectFrom(COURSE).where(COURSE.ID.eq(courseId)).fetchSingle();
        assertThat(course.getAgsLineitemsUrl()).isEqualTo(lms.lineItemsUrl()).endsWith("?type_id=7");
        assertThat(course.getAgsScopes()).contains(FakeLms.AGS_SCORE, FakeLms.AGS_LINEITEM);

        gradebook.defineItem("unit-1", "Unit 1: Ecosystems", 4, "cairn-unit");
        long id = gradebook.recordScore("unit-1", person("student-1"), 3, 4, "Proficient");
        assertThat(worker("a").drain()).isEqualTo(1);

        List<FakeLms.ReceivedScore> received = scores();
        assertThat(received).hasSize(1);
        FakeLms.ReceivedScore score = received.getFirst();
        assertThat(score.userId()).isEqualTo("student-1");
        assertThat(score.scoreGiven()).isEqualTo(3.0);
        assertThat(score.scoreMaximum()).isEqualTo(4.0);
        assertThat(score.comment()).isEqualTo("Proficient");
        assertThat(score.gradingProgress()).isEqualTo("FullyGraded");
        assertThat(score.activityProgress()).isEqualTo("Completed");
        assertThat(score.timestamp()).matches(ISO_MILLIS);
        assertThat(score.path()).endsWith("/lineitem/scores");
        assertThat(score.query()).isEqualTo("type_id=7");
        assertThat(score.contentType()).startsWith("application/vnd.ims.lis.v1.score+json");
        assertThat(lms.lineItems()).filteredOn(item -> item.id().contains(context))
                .singleElement().satisfies(item -> {
                    assertThat(item.resourceId()).isEqualTo("unit-1");
                    assertThat(item.tag()).isEqualTo("cairn-unit");
                    assertThat(item.label()).isEqualTo("Unit 1: Ecosystems");
                    assertThat(item.scoreMaximum()).isEqualTo(4.0);
                });
        GradebookScoreOutboxRecord row = row(id);
        assertThat(row.getStatus()).isEqualTo("SENT");
        assertThat(row.getSentAt()).isNotNull();
        assertThat(row.getClaimedBy()).isNull();
    }

    @Test
    void an_existing_line_item_is_found_by_resource_id_and_not_created_again() {
        FakeLms.LineItem existing = lms.addLineItem("Made in the LMS", 10, "unit-2", null);
        int posts = lms.lineItemPosts();
        gradebook.defineItem("unit-2", "Unit 2", 10, null);
        gradebook.recordScore("unit-2", person("student-1"), 7, 10, "Developing");
        worker("a").drain();

        assertThat(lms.lineItemPosts()).isEqualTo(posts);
        assertThat(scores()).singleElement().extracting(FakeLms.ReceivedScore::lineItem).isEqualTo(existing.id());
    }

    @Test
    void the_latest_score_wins_with_timestamps_a_second_apart() {
        gradebook.defineItem("unit-1", "Unit 1", 4, null);
        long student = person("student-1");
        long first = gradebook.recordScore("unit-1", student, 1, 4, "Beginning");
        long second = gradebook.recordScore("unit-1", student, 2, 4, "Developing");
        long third = gradebook.recordScore("unit-1", student, 3, 4, "Proficient");

        assertThat(row(first).getStatus()).isEqualTo("SUPERSEDED");
        assertThat(row(second).getStatus()).isEqualTo("SUPERSEDED");
        assertThat(row(third).getStatus()).isEqualTo("PENDING");
        assertThat(Duration.between(row(first).getScoreTimestamp(), row(second).getScoreTimestamp())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(Duration.between(row(second).getScoreTimestamp(), row(third).getScoreTimestamp())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));

        worker("a").drain();
        assertThat(scores()).singleElement().extracting(FakeLms.ReceivedScore::scoreGiven).isEqualTo(3.0);

        // Straight after, a newer score: Moodle compares whole seconds and would refuse the same second.
        long fourth = gradebook.recordScore("unit-1", student, 4, 4, "Advanced");
        worker("a").drain();
        assertThat(row(fourth).getStatus()).isEqualTo("SENT");
        assertThat(scores()).extracting(FakeLms.ReceivedScore::scoreGiven).containsExactly(3.0, 4.0);
    }

    @Test
    void a_401_gets_a_new_token_and_the_score_goes_through() {
        gradebook.defineItem("unit-1", "Unit 1", 4, null);
        gradebook.recordScore("unit-1", person("student-1"), 2, 4, "Developing");
        ScoreWorker worker = worker("a");
        worker.drain();
        int tokens = lms.tokenRequests();

        lms.revokeTokens();
        long id = gradebook.recordScore("unit-1", person("student-1"), 3, 4, "Proficient");
        worker.drain();

        assertThat(row(id).getStatus()).isEqualTo("SENT");
        assertThat(row(id).getAttempts()).isEqualTo(1);
        assertThat(lms.tokenRequests()).isEqualTo(tokens + 1);
    }

    @Test
    void server_errors_back_off_exponentially_and_then_succeed() {
        gradebook.defineItem("unit-1", "Unit 1", 4, null);
        long id = gradebook.recordScore("unit-1", person("student-1"), 3, 4, "Proficient");
        ScoreWorker worker = worker("a");
        worker.drain(); // creates the line item; the score itself meets the failures
        lms.failNextScores(0, 503);
        assertThat(row(id).getStatus()).isEqualTo("SENT");

        long next = gradebook.recordScore("unit-1", person("student-1"), 4, 4, "Advanced");
        lms.failNextScores(2, 503);
        LocalDateTime before = now();
        worker.drain();
        GradebookScoreOutboxRecord afterOne = row(next);
        assertThat(afterOne.getStatus()).isEqualTo("PENDING");
        assertThat(afterOne.getAttempts()).isEqualTo(1);
        assertThat(afterOne.getLastError()).contains("HTTP 503");
        assertThat(Duration.between(before, afterOne.getNextAttemptAt())).isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
        assertThat(worker.drain()).as("not due yet").isZero();

        makeDue(next);
        before = now();
        worker.drain();
        GradebookScoreOutboxRecord afterTwo = row(next);
        assertThat(afterTwo.getAttempts()).isEqualTo(2);
        assertThat(Duration.between(before, afterTwo.getNextAttemptAt())).isBetween(Duration.ofMillis(1900), Duration.ofMillis(4500));

        makeDue(next);
        worker.drain();
        assertThat(row(next).getStatus()).isEqualTo("SENT");
        assertThat(row(next).getAttempts()).isEqualTo(3);
        assertThat(scores()).extracting(FakeLms.ReceivedScore::scoreGiven).containsExactly(3.0, 4.0);
    }

    @Test
    void a_timeout_is_retried_later_with_a_newer_timestamp() {
        gradebook.defineItem("unit-1", "Unit 1", 4, null);
        long id = gradebook.recordScore("unit-1", person("student-1"), 3, 4, "Proficient");
        LocalDateTime stamped = row(id).getScoreTimestamp();
        lms.timeOutNextScores(1, Duration.ofSeconds(3));
        ScoreWorker worker = worker("a");
        worker.drain();

        GradebookScoreOutboxRecord row = row(id);
        assertThat(row.getStatus()).isEqualTo("PENDING");
        assertThat(row.getLastError()).contains("did not answer");
        assertThat(Duration.between(stamped, row.getScoreTimestamp())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));

        makeDue(id);
        worker.drain();
        assertThat(row(id).getStatus()).isEqualTo("SENT");
        assertThat(scores()).singleElement().extracting(FakeLms.ReceivedScore::timestamp)
                .isEqualTo(iso(row.getScoreTimestamp()));
    }

    @Test
    void a_429_throttle_is_honoured_and_the_platform_is_slowed_to_one_call_at_a_time() {
        throttledRun(429);
    }

    @Test
    void canvas_403_rate_limit_exceeded_is_a_throttle_too() {
        throttledRun(403);
    }

    private void throttledRun(int status) {
        gradebook.defineItem("unit-1", "Unit 1", 4, null);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(gradebook.recordScore("unit-1", enrollStudent("s" + i), i % 5, 4, "Level " + i));
        }
        lms.throttle(4, 2, status);
        int throttledBefore = lms.throttledRequests();
        ScoreWorker worker = worker("a");
        worker.drain();

        assertThat(lms.throttledRequests()).isGreaterThan(throttledBefore);
        assertThat(ids).allSatisfy(id -> assertThat(row(id).getStatus()).isEqualTo("SENT"));
        assertThat(scores()).hasSize(8);
        assertThat(worker.pace(platformId()).serial()).isTrue();
    }

    @Test
    void a_409_for_a_timestamp_that_is_not_newer_supersedes_the_row_with_the_reason() {
        gradebook.defineItem("unit-1", "Unit 1", 4, null);
        long id = gradebook.recordScore("unit-1", person("student-1"), 3, 4, "Proficient");
        lms.rejectNextScores(1, 409, "{\"error\":\"Refusing score with an earlier timestamp\"}");
        worker("a").drain();

        assertThat(row(id).getStatus()).isEqualTo("SUPERSEDED");
        assertThat(row(id).getLastError()).contains("newer score").contains("409").contains("earlier timestamp");
    }

    @Test
    void canvas_400_for_an_older_timestamp_supersedes_the_row() {
        gradebook.defineItem("unit-1", "Unit 1", 4, null);
        long id = gradebook.recordScore("unit-1", person("student-1"), 3, 4, "Proficient");
        lms.rejectNextScores(1, 400, "{\"errors\":{\"timestamp\":\"must be after the previous score\"}}");
        worker("a").drain();

        assertThat(row(id).getStatus()).isEqualTo("SUPERSEDED");
        assertThat(row(id).getLastError()).contains("400");
    }

    @Test
    void another_refusal_fails_for_good_with_the_platforms_reason_and_a_teacher_can_retry() {
        gradebook.defineItem("unit-1", "Unit 1", 4, null);
        long id = gradebook.recordScore("unit-1", person("student-1"), 3, 4, "Proficient");
        lms.rejectNextScores(1, 422, "{\"error\":\"user is not enrolled in this course\"}");
        ScoreWorker worker = worker("a");
        worker.drain();

        GradebookScoreOutboxRecord failed = row(id);
        assertThat(failed.getStatus()).isEqualTo("FAILED");
        assertThat(failed.getLastError()).contains("422").contains("user is not enrolled");
        assertThat(worker.drain()).as("failed rows wait for a teacher").isZero();
        assertThat(gradebook.scoresOfMyCourse()).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(ScoreStatus.FAILED);
            assertThat(row.lastError()).contains("user is not enrolled");
        });

        assertThat(gradebook.retry(id)).isTrue();
        worker.drain();
        assertThat(row(id).getStatus()).isEqualTo("SENT");
        assertThat(Duration.between(failed.getScoreTimestamp(), row(id).getScoreTimestamp())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(scores()).singleElement().extracting(FakeLms.ReceivedScore::timestamp).isEqualTo(iso(row(id).getScoreTimestamp()));
    }

    @Test
    void two_workers_never_send_the_same_row() throws Exception {
        gradebook.defineItem("unit-1", "Unit 1", 4, null);
        worker("warm").drain();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(gradebook.recordScore("unit-1", enrollStudent("p" + i), i % 5, 4, null));
        }
        lms.setAgsLatency(Duration.ofMillis(10));
        ScoreWorker a = worker("node-a", 5);
        ScoreWorker b = worker("node-b", 5);
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            Future<Integer> fa = nodes.submit(a::drain);
            Future<Integer> fb = nodes.submit(b::drain);
            assertThat(fa.get() + fb.get()).isEqualTo(40);
        }

        assertThat(ids).allSatisfy(id -> assertThat(row(id).getStatus()).isEqualTo("SENT"));
        List<FakeLms.ReceivedScore> received = scores();
        assertThat(received).hasSize(40);
        assertThat(received.stream().map(FakeLms.ReceivedScore::userId).distinct().count()).isEqualTo(40);
    }

    @Test
    void a_worker_that_dies_mid_sync_loses_nothing_and_never_resends_a_timestamp() {
        gradebook.defineItem("unit-1", "Unit 1", 4, null);
        worker("warm").drain();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(gradebook.recordScore("unit-1", enrollStudent("d" + i), i, 4, null));
        }
        // Node A sends the first score, and dies before it can write down that it did.
        class Crash extends Error {
        }
        GradebookPlatform dying = new GradebookPlatform() {
            @Override
            public String findOrCreateLineItem(long platformId, String url, Set<String> scopes, LineItemSpec item)
                    throws SendException {
                return platform.findOrCreateLineItem(platformId, url, scopes, item);
            }

            @Override
            public void postScore(long platformId, String url, Set<String> scopes, Score score) throws SendException {
                platform.postScore(platformId, url, scopes, score);
                throw new Crash();
            }
        };
        ScoreWorker a = new ScoreWorker(db, clock, dying, transaction, settings(50), "node-a");
        List<ScoreWorker.Claim> claimed = a.claim();
        assertThat(claimed).hasSize(5);
        assertThatThrownBy(() -> a.deliver(claimed.getFirst(), a.pace(platformId()))).isInstanceOf(Crash.class);
        assertThat(scores()).hasSize(1);

        ScoreWorker b = worker("node-b");
        assertThat(b.drain()).as("A's lease still holds").isZero();

        db.update(GRADEBOOK_SCORE_OUTBOX).set(GRADEBOOK_SCORE_OUTBOX.CLAIMED_UNTIL, now().minusSeconds(1))
                .where(GRADEBOOK_SCORE_OUTBOX.CLAIMED_BY.startsWith("node-a:")).execute();
        assertThat(b.drain()).isEqualTo(5);

        assertThat(ids).allSatisfy(id -> assertThat(row(id).getStatus()).isEqualTo("SENT"));
        List<FakeLms.ReceivedScore> received = scores();
        assertThat(received.stream().map(FakeLms.ReceivedScore::userId).distinct().count()).isEqualTo(5);
        Set<String> sent = new HashSet<>();
        assertThat(received).allSatisfy(score -> assertThat(sent.add(score.userId() + " " + score.timestamp()))
                .as("each (person, timestamp) once").isTrue());
        assertThat(received).hasSize(6);
    }

    @Test
    void scores_go_only_to_students_of_the_teachers_own_course() {
        gradebook.defineItem("unit-1", "Unit 1", 4, null);
        assertThatThrownBy(() -> gradebook.recordScore("unit-1", person("teacher-1"), 3, 4, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gradebook.recordScore("no-such-item", person("student-1"), 3, 4, null))
                .isInstanceOf(IllegalArgumentException.class);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new Viewer(person("student-1"), courseId, platformId(), Role.STUDENT, null, Locale.ENGLISH), null, List.of()));
        assertThatThrownBy(() -> gradebook.recordScore("unit-1", person("student-1"), 4, 4, null))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> gradebook.scoresOfMyCourse())
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void every_launch_re_reads_the_gradebook_endpoint_and_its_scopes() {
        lms.setAgsScopes(List.of(FakeLms.AGS_LINEITEM_READONLY));
        try {
            assertThat(new LtiBrowser("http://localhost:" + port).launch(lms, "student-1").status()).isEqualTo(303);
            assertThat(db.select(COURSE.AGS_SCOPES).from(COURSE).where(COURSE.ID.eq(courseId)).fetchSingle().value1())
                    .isEqualTo(FakeLms.AGS_LINEITEM_READONLY);
            assertThat(gradebook.statusOfMyCourse().canSendScores()).isFalse();

            gradebook.defineItem("unit-1", "Unit 1", 4, null);
            long id = gradebook.recordScore("unit-1", person("student-1"), 3, 4, "Proficient");
            worker("a").drain();
            assertThat(row(id).getStatus()).isEqualTo("FAILED");
            assertThat(row(id).getLastError()).contains("right to send scores");
        } finally {
            lms.setAgsScopes(List.of(FakeLms.AGS_LINEITEM, FakeLms.AGS_LINEITEM_READONLY, FakeLms.AGS_SCORE,
                    "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly"));
        }
    }

    @Test
    void the_scheduled_poll_sends_when_the_worker_is_enabled() {
        gradebook.defineItem("unit-1", "Unit 1", 4, null);
        long id = gradebook.recordScore("unit-1", person("student-1"), 3, 4, "Proficient");
        worker("off", 50, false).poll();
        assertThat(row(id).getStatus()).isEqualTo("PENDING");

        worker("on", 50, true).poll();
        assertThat(row(id).getStatus()).isEqualTo("SENT");
    }

    // ------------------------------------------------------------------------------------------

    private ScoreWorker worker(String node) {
        return worker(node, 50);
    }

    private ScoreWorker worker(String node, int batchSize) {
        return worker(node, batchSize, true);
    }

    private ScoreWorker worker(String node, int batchSize, boolean enabled) {
        return new ScoreWorker(db, clock, platform, transaction, settings(batchSize, enabled), node);
    }

    private static ScoreWorker.Settings settings(int batchSize) {
        return settings(batchSize, true);
    }

    private static ScoreWorker.Settings settings(int batchSize, boolean enabled) {
        return new ScoreWorker.Settings(enabled, batchSize, Duration.ofMinutes(2), Duration.ofSeconds(4), Duration.ofSeconds(2),
                Duration.ofSeconds(30), 20, 4, Duration.ofMinutes(10));
    }

    /** Scores the fake LMS accepted for this test's course, in arrival order. */
    private List<FakeLms.ReceivedScore> scores() {
        return lms.receivedScores().stream().filter(score -> score.lineItem().contains("/" + context + "/")).toList();
    }

    private GradebookScoreOutboxRecord row(long id) {
        return db.selectFrom(GRADEBOOK_SCORE_OUTBOX).where(GRADEBOOK_SCORE_OUTBOX.ID.eq(id)).fetchSingle();
    }

    private void makeDue(long id) {
        db.update(GRADEBOOK_SCORE_OUTBOX).set(GRADEBOOK_SCORE_OUTBOX.NEXT_ATTEMPT_AT, now().minusNanos(1_000_000))
                .where(GRADEBOOK_SCORE_OUTBOX.ID.eq(id)).execute();
    }

    private long person(String subject) {
        return db.select(PERSON.ID).from(PERSON).where(PERSON.SUBJECT.eq(subject), PERSON.PLATFORM_ID.eq(platformId()))
                .fetchSingle(PERSON.ID);
    }

    private long platformId() {
        return db.select(COURSE.PLATFORM_ID).from(COURSE).where(COURSE.ID.eq(courseId)).fetchSingle(COURSE.PLATFORM_ID);
    }

    /** A student on the roster who never launched (as Names and Role Provisioning brings them in). */
    private long enrollStudent(String name) {
        String subject = name + "-" + UUID.randomUUID();
        LocalDateTime now = now();
        long personId = db.insertInto(PERSON).set(PERSON.PLATFORM_ID, platformId()).set(PERSON.SUBJECT, subject)
                .set(PERSON.DISPLAY_NAME, name).set(PERSON.CREATED_AT, now)
                .returningResult(PERSON.ID).fetchSingle().value1();
        db.insertInto(ENROLLMENT).set(ENROLLMENT.COURSE_ID, courseId).set(ENROLLMENT.PERSON_ID, personId)
                .set(ENROLLMENT.ROLE, "STUDENT").set(ENROLLMENT.LMS_ROLES, "Learner")
                .set(ENROLLMENT.CREATED_AT, now).set(ENROLLMENT.UPDATED_AT, now).execute();
        return personId;
    }

    private void actAsTeacher() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new Viewer(person("teacher-1"), courseId, platformId(), Role.TEACHER, "Tess", Locale.ENGLISH), null,
                List.of()));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    private static String iso(LocalDateTime time) {
        return OffsetDateTime.of(time, ZoneOffset.UTC).format(java.time.format.DateTimeFormatter.ofPattern(
                "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"));
    }
}
