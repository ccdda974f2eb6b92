package app.cairn.gradebook;

import static cairn.schema.Tables.COURSE;
import static cairn.schema.Tables.ENROLLMENT;
import static cairn.schema.Tables.GRADEBOOK_SCORE_OUTBOX;
import static cairn.schema.Tables.PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
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
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import app.cairn.lti.PlatformRegistry;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;
import app.cairn.testing.CairnSpringTest;
import app.cairn.testing.FakeLms;
import app.cairn.testing.LtiBrowser;
import app.cairn.testing.SecondNode;
import app.cairn.testing.TestOutbox;

/**
 * The score outbox worked by two nodes at once, each with its own score worker, connection pool
 * and access tokens: every score reaches the LMS exactly once, none is lost, and per student and
 * item the LMS sees timestamps that only grow.
 */
@CairnSpringTest
class TwoNodesGradebookIT {

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
    ScoreWorker workerA;
    @Autowired
    DSLContext db;

    private SecondNode b;
    private ScoreWorker workerB;
    private String courseContext;
    private long courseId;
    private long platformId;

    @BeforeEach
    void setUp() {
        b = SecondNode.beside(context);
        workerB = b.bean(ScoreWorker.class);
        if (lms == null) {
            lms = FakeLms.start("http://localhost:" + port);
        }
        platforms.register(lms.registration());
        courseContext = "two-nodes-" + UUID.randomUUID();
        lms.useCourse(courseContext);
        lms.setAgsLatency(Duration.ofMillis(20));
        lms.throttle(0, 0, 429);
        lms.setWholeSecondTimestampCheck(true);
        // The teacher's launch brings the course's gradebook endpoint and scopes.
        assertThat(new LtiBrowser("http://localhost:" + port).launch(lms, "teacher-1").status()).isEqualTo(303);
        var course = db.select(COURSE.ID, COURSE.PLATFORM_ID).from(COURSE).where(COURSE.CONTEXT_ID.eq(courseContext))
                .fetchSingle();
        courseId = course.value1();
        platformId = course.value2();
        long teacher = db.select(PERSON.ID).from(PERSON)
                .where(PERSON.SUBJECT.eq("teacher-1"), PERSON.PLATFORM_ID.eq(platformId)).fetchSingle(PERSON.ID);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new Viewer(teacher, courseId, platformId, Role.TEACHER, "Tess", Locale.ENGLISH), null, List.of()));
    }

    @AfterEach
    void tearDown() {
        TestOutbox.leaveNothingToSend(db);
        SecurityContextHolder.clearContext();
        lms.setAgsLatency(Duration.ZERO);
    }

    @AfterAll
    static void stopLms() {
        if (lms != null) {
            lms.close();
            lms = null;
        }
    }

    @Test
    void both_nodes_workers_together_send_every_score_exactly_once() throws Exception {
        int students = 30;
        int items = 4;
        for (int item = 0; item < items; item++) {
            gradebook.defineItem("unit-" + item, "Unit " + item, 4, null);
        }
        List<Long> studentIds = new ArrayList<>();
        for (int s = 0; s < students; s++) {
            studentIds.add(enrollStudent("s" + s));
        }
        for (int item = 0; item < items; item++) {
            for (int s = 0; s < students; s++) {
                gradebook.recordScore("unit-" + item, studentIds.get(s), (s + item) % 5, 4, null);
            }
        }
        int requestsBefore = lms.scoreRequests();

        int[] handled = drainOnBothNodes();

        assertThat(handled[0]).as("node A's worker took part").isPositive();
        assertThat(handled[1]).as("node B's worker took part").isPositive();
        assertThat(handled[0] + handled[1]).isEqualTo(students * items);
        List<FakeLms.ReceivedScore> received = scores();
        assertThat(received).hasSize(students * items);
        assertThat(received.stream().map(score -> score.lineItem() + " " + score.userId()).distinct().count())
                .as("no student and item twice, none missing").isEqualTo(students * items);
        assertThat(lms.scoreRequests() - requestsBefore).as("no score posted twice").isEqualTo(students * items);
        assertThat(lms.lineItems()).filteredOn(item -> item.id().contains("/" + courseContext + "/"))
                .as("each column made once, though both nodes needed it").hasSize(items);
        assertAllSent();
    }

    @Test
    void successive_scores_sent_by_either_node_reach_the_lms_in_order() throws Exception {
        int students = 10;
        int rounds = 4;
        gradebook.defineItem("unit-1", "Unit 1", 4, null);
        List<Long> studentIds = new ArrayList<>();
        for (int s = 0; s < students; s++) {
            studentIds.add(enrollStudent("r" + s));
        }
        int requestsBefore = lms.scoreRequests();
        Gradebook gradebookB = b.bean(Gradebook.class);
        for (int round = 0; round < rounds; round++) {
            // Teachers are on either node: odd rounds are recorded through node B.
            Gradebook recorder = round % 2 == 0 ? gradebook : gradebookB;
            for (int s = 0; s < students; s++) {
                recorder.recordScore("unit-1", studentIds.get(s), round, 4, "Round " + round);
            }
            drainOnBothNodes();
        }

        Map<String, List<FakeLms.ReceivedScore>> byStudent = new LinkedHashMap<>();
        for (FakeLms.ReceivedScore score : scores()) {
            byStudent.computeIfAbsent(score.userId(), id -> new ArrayList<>()).add(score);
        }
        assertThat(byStudent).hasSize(students);
        byStudent.forEach((student, list) -> {
            assertThat(list).as(student).hasSize(rounds);
            for (int i = 1; i < list.size(); i++) {
                assertThat(java.time.Instant.parse(list.get(i).timestamp()))
                        .as("timestamps strictly increase for " + student)
                        .isAfter(java.time.Instant.parse(list.get(i - 1).timestamp()));
            }
            assertThat(list.getLast().scoreGiven()).as("the latest score is the one the LMS keeps").isEqualTo(rounds - 1);
        });
        assertThat(lms.scoreRequests() - requestsBefore).as("nothing posted twice or refused").isEqualTo(students * rounds);
        assertAllSent();
    }

    /** Both nodes' workers drain the outbox at the same moment, as their scheduled polls would. */
    private int[] drainOnBothNodes() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            Future<Integer> onA = nodes.submit(() -> {
                go.await();
                return workerA.drain();
            });
            Future<Integer> onB = nodes.submit(() -> {
                go.await();
                return workerB.drain();
            });
            go.countDown();
            return new int[] {onA.get(), onB.get()};
        }
    }

    private void assertAllSent() {
        var o = GRADEBOOK_SCORE_OUTBOX;
        assertThat(db.fetchCount(o, o.COURSE_ID.eq(courseId), o.STATUS.ne("SENT"), o.STATUS.ne("SUPERSEDED")))
                .as("every row sent").isZero();
        assertThat(db.fetchCount(o, o.COURSE_ID.eq(courseId), o.CLAIMED_BY.isNotNull().or(o.IN_FLIGHT.isTrue())))
                .as("no claim left behind").isZero();
        assertThat(db.fetchCount(o, o.COURSE_ID.eq(courseId), o.LAST_ERROR.isNotNull(), o.STATUS.eq("SUPERSEDED"),
                o.LAST_ERROR.ne(Gradebook.SUPERSEDED_BY_NEWER))).as("no row refused by the LMS as stale").isZero();
    }

    private List<FakeLms.ReceivedScore> scores() {
        return lms.receivedScores().stream().filter(score -> score.lineItem().contains("/" + courseContext + "/")).toList();
    }

    /** A student on the roster who never launched (as Names and Role Provisioning brings them in). */
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
}
