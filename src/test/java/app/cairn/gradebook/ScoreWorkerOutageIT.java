package app.cairn.gradebook;

import static cairn.schema.Tables.COURSE;
import static cairn.schema.Tables.ENROLLMENT;
import static cairn.schema.Tables.GRADEBOOK_SCORE_OUTBOX;
import static cairn.schema.Tables.PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import app.cairn.lti.PlatformRegistry;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;
import app.cairn.testing.CairnSpringTest;
import app.cairn.testing.FakeLms;
import app.cairn.testing.LtiBrowser;
import app.cairn.testing.SecondNode;
import app.cairn.testing.TestOutbox;

/**
 * The score worker of a node whose database goes away: it pauses, longer after each failed round,
 * resumes by itself when the database is back and loses nothing; and a score the LMS accepted just
 * before the database went away is written down as sent once it is back, not sent a second time.
 */
@CairnSpringTest
class ScoreWorkerOutageIT {

    private static FakeLms lms;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    PlatformRegistry platforms;
    @Autowired
    Gradebook gradebook;
    @Autowired
    DSLContext db;

    private SecondNode b;
    private String courseContext;
    private long courseId;
    private long platformId;

    @BeforeEach
    void setUp() {
        b = SecondNode.beside(context);
        if (lms == null) {
            lms = FakeLms.start("http://localhost:" + port);
        }
        platforms.register(lms.registration());
        courseContext = "outage-" + UUID.randomUUID();
        lms.useCourse(courseContext);
        lms.throttle(0, 0, 429);
        lms.setAgsLatency(Duration.ZERO);
        assertThat(new LtiBrowser("http://localhost:" + port).launch(lms, "teacher-1").status()).isEqualTo(303);
        var course = db.select(COURSE.ID, COURSE.PLATFORM_ID).from(COURSE).where(COURSE.CONTEXT_ID.eq(courseContext))
                .fetchSingle();
        courseId = course.value1();
        platformId = course.value2();
        long teacher = db.select(PERSON.ID).from(PERSON)
                .where(PERSON.SUBJECT.eq("teacher-1"), PERSON.PLATFORM_ID.eq(platformId)).fetchSingle(PERSON.ID);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new Viewer(teacher, courseId, platformId, Role.TEACHER, "Tess", Locale.ENGLISH), null, List.of()));
        gradebook.defineItem("unit-1", "Unit 1", 4, null);
    }

    @AfterEach
    void tearDown() {
        b.database().restore();
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
    void the_worker_pauses_while_the_database_is_away_and_resumes_by_itself() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(gradebook.recordScore("unit-1", enrollStudent("o" + i), i % 5, 4, null));
        }
        ScoreWorker worker = workerOnSecondNode(b.bean(GradebookPlatform.class));

        b.database().cut();
        worker.poll();
        Duration firstPause = worker.outagePause();
        assertThat(firstPause).as("paused after a failed round").isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
        long t0 = System.nanoTime();
        worker.poll();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("a paused worker does not try the database")
                .isLessThan(Duration.ofMillis(200));
        awaitUntil(() -> worker.outagePause().isZero(), Duration.ofSeconds(5));
        worker.poll();
        assertThat(worker.outagePause()).as("the pause grows").isGreaterThan(Duration.ofSeconds(1));
        assertThat(scores()).isEmpty();

        b.database().restore();
        // As the scheduler would: poll every 200 ms until everything went out.
        long t1 = System.nanoTime();
        awaitUntil(() -> {
            worker.poll();
            return db.fetchCount(GRADEBOOK_SCORE_OUTBOX, GRADEBOOK_SCORE_OUTBOX.ID.in(ids),
                    GRADEBOOK_SCORE_OUTBOX.STATUS.eq("SENT")) == ids.size();
        }, Duration.ofSeconds(60));
        System.out.printf("Outage: the score worker resumed %d ms after the database came back%n",
                Duration.ofNanos(System.nanoTime() - t1).toMillis());
        assertThat(scores()).hasSize(ids.size());
        assertThat(scores().stream().map(FakeLms.ReceivedScore::userId).distinct().count()).isEqualTo(ids.size());
        assertThat(worker.outagePause()).isZero();
    }

    @Test
    void a_score_the_lms_accepted_as_the_database_went_away_is_recorded_when_it_is_back_and_not_sent_again() {
        long id = gradebook.recordScore("unit-1", enrollStudent("accepted"), 3, 4, "Proficient");
        GradebookPlatform real = b.bean(GradebookPlatform.class);
        AtomicBoolean cutOnce = new AtomicBoolean();
        GradebookPlatform databaseGoesAway = new GradebookPlatform() {
            @Override
            public String findOrCreateLineItem(long platformId, String url, Set<String> scopes, LineItemSpec item)
                    throws SendException {
                return real.findOrCreateLineItem(platformId, url, scopes, item);
            }

            @Override
            public void postScore(long platformId, String url, Set<String> scopes, Score score) throws SendException {
                real.postScore(platformId, url, scopes, score);
                // The LMS has the score; now the database goes away for a few seconds.
                if (cutOnce.compareAndSet(false, true)) {
                    b.database().cut();
                    Thread.ofVirtual().start(() -> {
                        sleep(Duration.ofSeconds(4));
                        b.database().restore();
                    });
                }
            }
        };
        ScoreWorker worker = workerOnSecondNode(databaseGoesAway);

        assertThat(worker.drain()).isEqualTo(1);

        var row = db.selectFrom(GRADEBOOK_SCORE_OUTBOX).where(GRADEBOOK_SCORE_OUTBOX.ID.eq(id)).fetchSingle();
        assertThat(row.getStatus()).isEqualTo("SENT");
        assertThat(row.getInFlight()).isFalse();
        assertThat(row.getClaimedBy()).isNull();
        assertThat(worker.drain()).as("nothing left to send again").isZero();
        assertThat(scores()).hasSize(1);
    }

    private ScoreWorker workerOnSecondNode(GradebookPlatform platform) {
        return new ScoreWorker(b.bean(DSLContext.class), b.bean(Clock.class), platform, b.bean(TransactionTemplate.class),
                new ScoreWorker.Settings(true, 50, Duration.ofMinutes(2), Duration.ofSeconds(4), Duration.ofSeconds(2),
                        Duration.ofSeconds(30), 20, 4, Duration.ofMinutes(10)), "node-b-outage");
    }

    private List<FakeLms.ReceivedScore> scores() {
        return lms.receivedScores().stream().filter(score -> score.lineItem().contains("/" + courseContext + "/")).toList();
    }

    private long enrollStudent(String name) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        long personId = db.insertInto(PERSON).set(PERSON.PLATFORM_ID, platformId)
                .set(PERSON.SUBJECT, name + "-" + UUID.randomUUID()).set(PERSON.DISPLAY_NAME, name)
                .set(PERSON.CREATED_AT, now).returningResult(PERSON.ID).fetchSingle().value1();
        db.insertInto(ENROLLMENT).set(ENROLLMENT.COURSE_ID, courseId).set(ENROLLMENT.PERSON_ID, personId)
                .set(ENROLLMENT.ROLE, "STUDENT").set(ENROLLMENT.LMS_ROLES, "Learner")
                .set(ENROLLMENT.CREATED_AT, now).set(ENROLLMENT.UPDATED_AT, now).execute();
        return personId;
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + limit);
            }
            sleep(Duration.ofMillis(200));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
