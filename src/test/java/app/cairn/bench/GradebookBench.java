package app.cairn.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import app.cairn.CairnApplication;
import app.cairn.course.CourseDirectory;
import app.cairn.course.CourseRoster;
import app.cairn.course.LaunchFacts;
import app.cairn.course.RosterEntry;
import app.cairn.gradebook.Gradebook;
import app.cairn.gradebook.GradebookStatus;
import app.cairn.lti.PlatformRegistry;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;
import app.cairn.testing.FakeLms;

/**
 * Scores to a throttled, distant LMS: {@code bench.scores} scores (students × items, so none
 * supersedes another) go through the outbox and the application's own worker to the fake LMS,
 * which answers after {@code bench.latency-ms} and throttles with a leaky bucket of
 * {@code bench.rate} requests per second (burst of one second's worth) with 429 and Retry-After.
 * Prints the achieved rate ÷ the allowed rate, lost scores and duplicates.
 *
 * <p>Run: {@code ./mvnw -Pbench,production test-compile exec:java -Dbench.suite=gradebook}
 */
public final class GradebookBench {

    private static final int SCORES = Integer.getInteger("bench.scores", 1000);
    private static final int ITEMS = Integer.getInteger("bench.items", 10);
    private static final int LATENCY_MS = Integer.getInteger("bench.latency-ms", 50);
    private static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "10"));
    private static final int THROTTLE_STATUS = Integer.getInteger("bench.throttle-status", 429);

    private GradebookBench() {
    }

    public static void main(String[] args) throws Exception {
        // Command-line arguments, not builder properties: those are defaults that application.yml
        // overrides (the poll interval stayed 2 s and the port 8080 before this was noticed).
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CairnApplication.class)
                .run(CrashBench.withArgs(args,
                        "--server.port=0",
                        "--cairn.embedded-db.data-dir=target/bench-mariadb",
                        "--cairn.embedded-db.fresh=true",
                        "--cairn.lti.config-dir=target/bench-no-platforms",
                        "--cairn.gradebook.worker.enabled=true",
                        "--cairn.gradebook.poll-interval=200ms",
                        "--logging.level.app.cairn.security.lti=warn"));
        boolean ok;
        try (FakeLms lms = FakeLms.start("http://localhost:" + app.getEnvironment().getProperty("local.server.port"))) {
            ok = run(app, lms);
        } finally {
            app.close();
        }
        System.exit(ok ? 0 : 1);
    }

    private static boolean run(ConfigurableApplicationContext app, FakeLms lms) throws InterruptedException {
        int students = (SCORES + ITEMS - 1) / ITEMS;
        Course course = seedCourse(app, lms, students, ITEMS);
        Gradebook gradebook = course.gradebook();
        List<Long> studentIds = course.studentIds();
        lms.setAgsLatency(Duration.ofMillis(LATENCY_MS));
        lms.throttle(RATE, RATE, THROTTLE_STATUS);

        System.out.printf("Machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        long start = System.nanoTime();
        int queued = 0;
        for (int item = 0; item < ITEMS && queued < SCORES; item++) {
            for (int s = 0; s < studentIds.size() && queued < SCORES; s++, queued++) {
                gradebook.recordScore("unit-" + item, studentIds.get(s), (s + item) % 5, 4, "Level " + ((s + item) % 5));
            }
        }
        long queuedAt = System.nanoTime();
        long deadline = start + Duration.ofMinutes(10).toNanos();
        GradebookStatus status = gradebook.statusOfMyCourse();
        while (status.pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = gradebook.statusOfMyCourse();
        }
        List<FakeLms.ReceivedScore> received = lms.receivedScores();
        long last = received.stream().mapToLong(FakeLms.ReceivedScore::receivedAtNanos).max().orElse(start);
        double seconds = (last - start) / 1e9;
        double achieved = received.size() / seconds;
        Map<String, Integer> perPair = new HashMap<>();
        Set<String> stamps = new HashSet<>();
        int sameStamp = 0;
        for (FakeLms.ReceivedScore score : received) {
            perPair.merge(score.lineItem() + " " + score.userId(), 1, Integer::sum);
            if (!stamps.add(score.lineItem() + " " + score.userId() + " " + score.timestamp())) {
                sameStamp++;
            }
        }
        int lost = queued - perPair.size();
        int duplicates = perPair.values().stream().mapToInt(n -> n - 1).sum();
        System.out.printf("Gradebook: %d scores queued in %.1f s; %d accepted by the LMS in %.1f s (%d students x %d items)%n",
                queued, (queuedAt - start) / 1e9, received.size(), seconds, studentIds.size(), ITEMS);
        System.out.printf("  LMS: %d ms latency, leaky bucket %.0f req/s (burst %.0f), throttle status %d%n",
                LATENCY_MS, RATE, RATE, THROTTLE_STATUS);
        System.out.printf("  achieved %.2f scores/s, allowed %.2f/s: ratio %.3f%n", achieved, RATE, achieved / RATE);
        System.out.printf("  score requests %d, throttled %d, line items created %d%n", lms.scoreRequests(),
                lms.throttledRequests(), lms.lineItemPosts());
        System.out.printf("  lost %d, duplicates %d (same timestamp twice: %d), failed %d, still pending %d%n",
                lost, duplicates, sameStamp, status.failed(), status.pending());
        return lost == 0 && duplicates == 0 && achieved / RATE >= 0.9;
    }

    /** A course seeded for a gradebook benchmark: its gradebook (as its teacher) and its students. */
    public record Course(Gradebook gradebook, List<Long> studentIds) {
    }

    /**
     * Registers the fake LMS, launches its teacher in process (AGS endpoint included), brings in
     * {@code students} through the roster and defines {@code items} gradebook items ("unit-0", ...).
     * The calling thread acts as the teacher from then on.
     */
    public static Course seedCourse(ConfigurableApplicationContext app, FakeLms lms, int students, int items) {
        PlatformRegistry platforms = app.getBean(PlatformRegistry.class);
        long platformId = platforms.register(lms.registration());
        long deployment = platforms.findDeployment(platformId, FakeLms.DEPLOYMENT_ID).orElseThrow();
        List<Map<String, Object>> roster = new ArrayList<>();
        roster.add(FakeLms.member("teacher-1", "Tess Teacher", "Active", FakeLms.INSTRUCTOR));
        for (int i = 0; i < students; i++) {
            roster.add(FakeLms.member("bench-student-" + i, "Student " + i, "Active", FakeLms.LEARNER));
        }
        lms.setRoster(roster, 500);
        // The teacher's launch, in process, with the claims the fake LMS sends (AGS endpoint included).
        Viewer teacher = app.getBean(CourseDirectory.class).recordLaunch(new LaunchFacts(platformId, deployment,
                "teacher-1", "Tess Teacher", null, Locale.ENGLISH, lms.courseContextId(), "Bench course", "B-1",
                Role.TEACHER, List.of(FakeLms.INSTRUCTOR), lms.rosterUrl(), lms.lineItemsUrl(),
                List.of(FakeLms.AGS_LINEITEM, FakeLms.AGS_LINEITEM_READONLY, FakeLms.AGS_SCORE)));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                teacher, null, List.of()));
        app.getBean(CourseRoster.class).syncMyCourseRoster();
        List<Long> studentIds = app.getBean(CourseRoster.class).rosterOfMyCourse().stream()
                .filter(entry -> entry.role() == Role.STUDENT).map(RosterEntry::personId).toList();
        Gradebook gradebook = app.getBean(Gradebook.class);
        for (int item = 0; item < items; item++) {
            gradebook.defineItem("unit-" + item, "Unit " + item, 4, "cairn");
        }
        return new Course(gradebook, studentIds);
    }
}
