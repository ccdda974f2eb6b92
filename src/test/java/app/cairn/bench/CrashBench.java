package app.cairn.bench;

import static cairn.schema.Tables.GRADEBOOK_SCORE_OUTBOX;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.DSLContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import app.cairn.CairnApplication;
import app.cairn.gradebook.Gradebook;
import app.cairn.testing.FakeLms;

/**
 * kill -9 in the middle of sending scores. This JVM keeps the database (embedded MariaDB in
 * {@code target/crash-mariadb}), the fake LMS and a Cairn node without a score worker that queues
 * the scores, as the gradebook benchmark does. A second Cairn, a separate process with its score
 * worker on, sends them; it is killed with SIGKILL once part of them reached the LMS, and started
 * again. Then every score must be in the LMS, none twice with the same timestamp, timestamps
 * strictly increasing per student and item, and every outbox row sent. A score that was on its way
 * at the kill may reach the LMS twice, the second time with a newer timestamp and the same value
 * (the LMS keeps the latest): that count is printed.
 *
 * <p>Run: {@code ./mvnw -Pbench test-compile exec:java -Dbench.suite=crash}; options
 * {@code -Dbench.scores=1000 -Dbench.items=10 -Dbench.latency-ms=50 -Dbench.kill-at=0.43}.
 */
public final class CrashBench {

    private static final int SCORES = Integer.getInteger("bench.scores", 1000);
    private static final int ITEMS = Integer.getInteger("bench.items", 10);
    private static final int LATENCY_MS = Integer.getInteger("bench.latency-ms", 50);
    private static final double KILL_AT = Double.parseDouble(System.getProperty("bench.kill-at", "0.43"));
    /** Short, so the restarted node takes over the killed node's rows quickly. */
    private static final Duration LEASE = Duration.ofSeconds(20);

    private CrashBench() {
    }

    public static void main(String[] args) throws Exception {
        // Command-line arguments, not builder properties: those are defaults that application.yml overrides.
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CairnApplication.class)
                .run(withArgs(args,
                        "--server.port=0",
                        "--cairn.embedded-db.data-dir=target/crash-mariadb",
                        "--cairn.embedded-db.fresh=true",
                        "--cairn.lti.config-dir=target/bench-no-platforms",
                        "--cairn.gradebook.worker.enabled=false",
                        "--logging.level.app.cairn.security.lti=warn"));
        boolean ok;
        try (FakeLms lms = FakeLms.start("http://localhost:" + app.getEnvironment().getProperty("local.server.port"))) {
            ok = run(app, lms);
        } finally {
            app.close();
        }
        System.exit(ok ? 0 : 1);
    }

    private static boolean run(ConfigurableApplicationContext app, FakeLms lms) throws Exception {
        int students = (SCORES + ITEMS - 1) / ITEMS;
        GradebookBench.Course course = GradebookBench.seedCourse(app, lms, students, ITEMS);
        Gradebook gradebook = course.gradebook();
        int queued = 0;
        for (int item = 0; item < ITEMS && queued < SCORES; item++) {
            for (int s = 0; s < course.studentIds().size() && queued < SCORES; s++, queued++) {
                gradebook.recordScore("unit-" + item, course.studentIds().get(s), (s + item) % 5, 4, "Level " + ((s + item) % 5));
            }
        }
        lms.setAgsLatency(Duration.ofMillis(LATENCY_MS));
        DSLContext db = app.getBean(DSLContext.class);
        String url = app.getEnvironment().getRequiredProperty("spring.datasource.url");
        System.out.printf("Machine: %d cores, Java %s; %d scores queued (%d students x %d items), LMS latency %d ms%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), queued,
                course.studentIds().size(), ITEMS, LATENCY_MS);

        Process first = startNode(url, 1);
        int killAt = (int) (queued * KILL_AT);
        long t0 = System.nanoTime();
        var o = GRADEBOOK_SCORE_OUTBOX;
        // Mid-sync: past the kill point and with scores on their way to the LMS at that moment.
        while (lms.receivedScores().size() < killAt || db.fetchCount(o, o.IN_FLIGHT.isTrue()) == 0) {
            if (!first.isAlive()) {
                throw new IllegalStateException("the sending node died by itself; see target/crash-node-1.log");
            }
            if (System.nanoTime() - t0 > Duration.ofMinutes(5).toNanos()) {
                throw new IllegalStateException("the sending node sent nothing for 5 minutes; see target/crash-node-1.log");
            }
            Thread.sleep(20);
        }
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no finishing the batch
        first.waitFor();
        Instant killedAt = Instant.now();
        int acceptedAtKill = lms.receivedScores().size();
        int inFlight = db.fetchCount(o, o.IN_FLIGHT.isTrue());
        int claimed = db.fetchCount(o, o.CLAIMED_BY.isNotNull());
        System.out.printf("Killed the sending node (SIGKILL) after %d accepted scores: %d rows claimed, %d of them in flight%n",
                acceptedAtKill, claimed, inFlight);

        Process second = startNode(url, 2);
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (db.fetchCount(o, o.STATUS.eq("PENDING")) > 0 && System.nanoTime() < deadline) {
                if (!second.isAlive()) {
                    throw new IllegalStateException("the restarted node died; see target/crash-node-2.log");
                }
                Thread.sleep(200);
            }
            System.out.printf("The restarted node finished %.1f s after the kill (lease %s)%n",
                    Duration.between(killedAt, Instant.now()).toMillis() / 1000.0, LEASE);
        } finally {
            second.destroy();
            second.waitFor();
        }
        return verify(lms, db, queued, inFlight);
    }

    private static boolean verify(FakeLms lms, DSLContext db, int queued, int inFlightAtKill) {
        List<FakeLms.ReceivedScore> received = lms.receivedScores();
        Map<String, List<FakeLms.ReceivedScore>> byPair = new HashMap<>();
        for (FakeLms.ReceivedScore score : received) {
            byPair.computeIfAbsent(score.lineItem() + " " + score.userId(), pair -> new ArrayList<>()).add(score);
        }
        Set<String> stamps = new HashSet<>();
        int sameStamp = 0;
        int notIncreasing = 0;
        int twice = 0;
        int changedValue = 0;
        for (List<FakeLms.ReceivedScore> scores : byPair.values()) {
            for (int i = 0; i < scores.size(); i++) {
                FakeLms.ReceivedScore score = scores.get(i);
                if (!stamps.add(score.lineItem() + " " + score.userId() + " " + score.timestamp())) {
                    sameStamp++;
                }
                if (i > 0) {
                    FakeLms.ReceivedScore before = scores.get(i - 1);
                    if (!Instant.parse(score.timestamp()).isAfter(Instant.parse(before.timestamp()))) {
                        notIncreasing++;
                    }
                    if (score.scoreGiven() != before.scoreGiven()) {
                        changedValue++;
                    }
                }
            }
            if (scores.size() > 1) {
                twice++;
            }
        }
        var o = GRADEBOOK_SCORE_OUTBOX;
        int notSent = db.fetchCount(o, o.STATUS.ne("SENT"));
        int lost = queued - byPair.size();
        System.out.printf("Crash: %d queued, %d in the LMS, lost %d, same timestamp twice %d, timestamps not increasing %d, "
                        + "sent again with a newer timestamp %d (in flight at the kill: %d), value changed on resend %d, "
                        + "outbox rows not SENT %d%n", queued, byPair.size(), lost, sameStamp, notIncreasing, twice,
                inFlightAtKill, changedValue, notSent);
        return lost == 0 && sameStamp == 0 && notIncreasing == 0 && twice <= inFlightAtKill && changedValue == 0
                && notSent == 0;
    }

    public static String[] withArgs(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Cairn as a process of its own on this class path, over this JVM's database, with its score worker on. */
    private static Process startNode(String databaseUrl, int n) throws Exception {
        Path log = Path.of("target", "crash-node-" + n + ".log");
        Files.createDirectories(log.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath(), CairnApplication.class.getName(),
                "--server.port=0",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=root",
                "--spring.datasource.password=",
                "--cairn.lti.config-dir=target/bench-no-platforms",
                "--cairn.lti.ags-timeout=2s",
                "--cairn.gradebook.worker.enabled=true",
                "--cairn.gradebook.poll-interval=200ms",
                "--cairn.gradebook.lease=" + LEASE.toSeconds() + "s",
                "--cairn.gradebook.lease-margin=5s",
                "--logging.level.app.cairn.security.lti=warn"));
        System.out.printf("Starting sending node %d (log: %s)%n", n, log);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The class path this benchmark runs on (exec:java gives it in a class loader, not in java.class.path). */
    private static String classPath() throws URISyntaxException {
        // Only the application's own loader: its parents are Maven's, whose jars must not come along.
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                entries.add(new File(url.toURI()).getPath());
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }
}
