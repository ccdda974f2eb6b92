package app.cairn.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.ObjectName;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import app.cairn.CairnApplication;
import app.cairn.course.CourseDirectory;
import app.cairn.course.LaunchFacts;
import app.cairn.evidence.EvidenceTestData;
import app.cairn.lti.PlatformRegistry;
import app.cairn.rubric.Rubrics;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;
import app.cairn.standards.StandardsLibrary;
import app.cairn.testing.FakeLms;
import app.cairn.unit.Continuum;
import app.cairn.unit.Pacing;
import app.cairn.unit.UnitTestData;
import app.cairn.unit.Units;

/**
 * Many classes using Cairn at once ({@code -Dbench.suite=load}) and the heap a session costs
 * ({@code -Dbench.suite=heap}).
 *
 * <p>Both seed {@code load.users} people as classes of 25 students and their teacher, each class a
 * course of the fake LMS with one published unit (made in process, as its teacher). A session is a
 * real LTI launch over loopback HTTP, then Vaadin's requests without a browser ({@link UiClient}):
 * students open their home and click through to their path in the unit; teachers open their home,
 * then the mastery grid, then the scoring queue.
 */
final class LoadBench {

    private static final int USERS = Integer.getInteger("load.users", 780);
    private static final int SECONDS = Integer.getInteger("load.seconds", 60);
    private static final int WARM_UP_SECONDS = Integer.getInteger("load.warmup", 20);
    private static final int CONCURRENCY = Integer.getInteger("load.concurrency", 30);
    private static final int HEAP_SESSIONS = Integer.getInteger("heap.sessions", 200);
    private static final int CLASS_SIZE = 25;

    private LoadBench() {
    }

    /**
     * One person of the load: who, in which class, and that class's unit. For the soak, also the
     * person as Cairn knows them (to act as them in process) and the unit's assessments.
     */
    record User(String subject, boolean teacher, long unitId, @Nullable Viewer viewer,
                EvidenceTestData.@Nullable Course course) {
    }

    static void main(String[] args, boolean heap) throws Exception {
        ConfigurableApplicationContext app = start(args, "target/load-mariadb", context -> {
        });
        boolean ok;
        try {
            String cairn = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            try (FakeLms lms = FakeLms.start(cairn)) {
                List<User> users = seed(app, lms, USERS, false);
                printMachine(users);
                ok = heap ? heap(lms, cairn, users) : load(lms, cairn, users);
            }
        } catch (Exception | AssertionError e) {
            // exec:java would wait for MariaDB's threads before showing this: show it and exit.
            e.printStackTrace();
            ok = false;
        } finally {
            app.close();
        }
        System.exit(ok ? 0 : 1);
    }

    /**
     * Starts Cairn on a free port over a fresh embedded MariaDB in {@code dataDir}, Vaadin in
     * production mode when the build made its bundle; {@code extra} arguments go last (they win).
     */
    static ConfigurableApplicationContext start(String[] args, String dataDir,
                                                ApplicationContextInitializer<ConfigurableApplicationContext> initializer,
                                                String... extra) {
        List<String> defaults = new ArrayList<>(List.of(
                "--server.port=0",
                "--cairn.embedded-db.data-dir=" + dataDir,
                "--cairn.embedded-db.fresh=true",
                "--cairn.lti.config-dir=target/bench-no-platforms",
                "--logging.level.app.cairn.security.lti=warn",
                "--vaadin.productionMode=" + production()));
        defaults.addAll(List.of(extra));
        // Command-line arguments, not builder properties: those are only defaults that application.yml overrides.
        return new SpringApplicationBuilder(CairnApplication.class).initializers(initializer)
                .run(CrashBench.withArgs(args, defaults.toArray(String[]::new)));
    }

    static boolean production() {
        return LoadBench.class.getResource("/META-INF/VAADIN/webapp/index.html") != null;
    }

    static void printMachine(List<User> users) {
        System.out.printf("Machine: %d cores, Java %s, Vaadin %s mode, max heap %d MiB; %d users in %d classes%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                production() ? "production" : "development", Runtime.getRuntime().maxMemory() >> 20,
                users.size(), (users.size() + CLASS_SIZE) / (CLASS_SIZE + 1));
    }

    /**
     * Classes of 25 students and a teacher, each class its own course with a published unit. With
     * {@code evidence} (the soak) the unit is one students can hand evidence in for (summative "Lab"
     * on a rubric, {@link EvidenceTestData#build}), every person's first launch is recorded in
     * process, so the bench can act as them, and the course has its gradebook endpoint at the fake LMS.
     */
    static List<User> seed(ConfigurableApplicationContext app, FakeLms lms, int userCount, boolean evidence) {
        PlatformRegistry platforms = app.getBean(PlatformRegistry.class);
        long platformId = platforms.register(lms.registration());
        long deployment = platforms.findDeployment(platformId, FakeLms.DEPLOYMENT_ID).orElseThrow();
        CourseDirectory directory = app.getBean(CourseDirectory.class);
        List<String> ags = List.of(FakeLms.AGS_LINEITEM, FakeLms.AGS_LINEITEM_READONLY, FakeLms.AGS_SCORE);
        List<User> users = new ArrayList<>();
        int classes = Math.max(1, (userCount + CLASS_SIZE) / (CLASS_SIZE + 1));
        long start = System.nanoTime();
        for (int c = 0; c < classes; c++) {
            String course = "load-course-" + c;
            String teacher = "load-teacher-" + c;
            Viewer viewer = directory.recordLaunch(new LaunchFacts(platformId, deployment,
                    teacher, "Teacher " + c, null, Locale.ENGLISH, course, "Class " + c, "C-" + c, Role.TEACHER,
                    List.of(FakeLms.INSTRUCTOR), null, evidence ? lms.lineItemsUrl(course) : null,
                    evidence ? ags : List.of()));
            EvidenceTestData.Course built = null;
            long unitId;
            if (evidence) {
                EvidenceTestData.actAs(viewer);
                built = EvidenceTestData.build(app.getBean(Units.class), app.getBean(StandardsLibrary.class),
                        app.getBean(Rubrics.class), Pacing.SELF_PACED, Continuum.PARTICIPANT);
                unitId = built.unit().id();
            } else {
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(viewer, null, List.of()));
                unitId = UnitTestData.published(app.getBean(Units.class), app.getBean(StandardsLibrary.class),
                        Pacing.SELF_PACED, Continuum.PARTICIPANT).unit().id();
            }
            SecurityContextHolder.clearContext();
            lms.addPerson(new FakeLms.Person(teacher, List.of(FakeLms.INSTRUCTOR), "Teacher " + c, null));
            lms.placeInCourse(teacher, course);
            users.add(new User(teacher, true, unitId, viewer, built));
            List<Map<String, Object>> roster = new ArrayList<>();
            roster.add(FakeLms.member(teacher, "Teacher " + c, "Active", FakeLms.INSTRUCTOR));
            for (int s = 0; s < CLASS_SIZE && users.size() < Math.max(userCount, 2); s++) {
                String student = "load-student-" + c + "-" + s;
                lms.addPerson(new FakeLms.Person(student, List.of(FakeLms.LEARNER), "Student " + c + "-" + s, null));
                lms.placeInCourse(student, course);
                roster.add(FakeLms.member(student, "Student " + c + "-" + s, "Active", FakeLms.LEARNER));
                Viewer studentViewer = !evidence ? null : directory.recordLaunch(new LaunchFacts(platformId, deployment,
                        student, "Student " + c + "-" + s, null, Locale.ENGLISH, course, "Class " + c, "C-" + c,
                        Role.STUDENT, List.of(FakeLms.LEARNER), null, lms.lineItemsUrl(course), ags));
                users.add(new User(student, false, unitId, studentViewer, built));
            }
            if (evidence) {
                // Every teacher launch syncs the roster in the background: the class as the LMS lists it.
                lms.setCourseRoster(course, roster);
            }
        }
        System.out.printf("Seeded %d classes (course, teacher, standards, a published unit) in %.1f s%n", classes,
                (System.nanoTime() - start) / 1e9);
        return users;
    }

    /** One session of a person, each action timed into {@code times}. */
    private static void session(FakeLms lms, String cairn, User user, Map<String, List<Long>> times) {
        UiClient client = new UiClient(cairn);
        long t0 = System.nanoTime();
        String home = client.launch(lms, user.subject());
        long t1 = System.nanoTime();
        record(times, "launch (login, LMS, launch)", t1 - t0);
        if (user.teacher()) {
            client.open(home.substring(1), "course-title");
            long t2 = System.nanoTime();
            record(times, "teacher: open home (page, init, UIDL)", t2 - t1);
            client.navigate("mastery", "mastery-unit");
            long t3 = System.nanoTime();
            record(times, "teacher: navigate to mastery (UIDL)", t3 - t2);
            client.navigate("scoring", "scoring-unit");
            record(times, "teacher: navigate to scoring (UIDL)", System.nanoTime() - t3);
        } else {
            client.open(home.substring(1), "course-title");
            long t2 = System.nanoTime();
            record(times, "student: open home (page, init, UIDL)", t2 - t1);
            client.navigate("units/" + user.unitId() + "/path", "path-unit-title");
            record(times, "student: navigate to path (UIDL)", System.nanoTime() - t2);
        }
    }

    static void record(Map<String, List<Long>> times, String action, long nanos) {
        times.computeIfAbsent(action, a -> Collections.synchronizedList(new ArrayList<>())).add(nanos);
    }

    /** Closed loop: CONCURRENCY clients run sessions of the users in turn, warm-up then measured. */
    private static boolean load(FakeLms lms, String cairn, List<User> users) throws Exception {
        if (Boolean.getBoolean("load.debug")) {
            // Writes Vaadin's answers to target/load-debug-*.json to see what a check should look for.
            for (User user : List.of(users.get(0), users.get(1))) {
                UiClient client = new UiClient(cairn);
                String home = client.launch(lms, user.subject());
                String who = user.teacher() ? "teacher" : "student";
                try {
                    client.open(home.substring(1), "");
                    java.nio.file.Files.writeString(java.nio.file.Path.of("target/load-debug-" + who + "-init.json"), client.lastBody);
                    client.navigate(user.teacher() ? "mastery" : "units/" + user.unitId() + "/path", "");
                } finally {
                    java.nio.file.Files.writeString(java.nio.file.Path.of("target/load-debug-" + who + "-uidl.json"), client.lastBody);
                }
            }
        }
        AtomicInteger next = new AtomicInteger();
        Run warm = run(lms, cairn, users, next, WARM_UP_SECONDS);
        System.out.printf("Warm-up: %d sessions in %d s, errors %d%n", warm.sessions.get(), WARM_UP_SECONDS, warm.errors.get());
        Run run = run(lms, cairn, users, next, SECONDS);
        double seconds = run.wallNanos / 1e9;
        System.out.printf("Load: %d clients in a closed loop for %.0f s: %d sessions (%d launches), %.1f launches/s, errors %d%n",
                CONCURRENCY, seconds, run.sessions.get(), run.launches.get(), run.launches.get() / seconds, run.errors.get());
        System.out.printf("  %-40s %7s %9s %9s %9s %9s%n", "action", "count", "p50 ms", "p95 ms", "p99 ms", "max ms");
        new java.util.TreeMap<>(run.times).forEach((action, nanos) -> System.out.printf("  %-40s %7d %9.1f %9.1f %9.1f %9.1f%n",
                action, nanos.size(), pct(nanos, 50), pct(nanos, 95), pct(nanos, 99), pct(nanos, 100)));
        run.errorKinds.forEach((kind, n) -> System.out.printf("  error x%d: %s%n", n.get(), kind));
        return run.errors.get() == 0;
    }

    private record Run(long wallNanos, AtomicInteger sessions, AtomicInteger launches, AtomicInteger errors,
                       Map<String, List<Long>> times, Map<String, AtomicInteger> errorKinds) {
    }

    private static Run run(FakeLms lms, String cairn, List<User> users, AtomicInteger next, int seconds) throws Exception {
        Map<String, List<Long>> times = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> errorKinds = new ConcurrentHashMap<>();
        AtomicInteger sessions = new AtomicInteger();
        AtomicInteger launches = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        AtomicLong lastEnd = new AtomicLong(start);
        try (ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY)) {
            List<Future<?>> clients = new ArrayList<>();
            for (int i = 0; i < CONCURRENCY; i++) {
                clients.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        User user = users.get(Math.floorMod(next.getAndIncrement(), users.size()));
                        try {
                            session(lms, cairn, user, times);
                            sessions.incrementAndGet();
                        } catch (RuntimeException | AssertionError e) {
                            errors.incrementAndGet();
                            String kind = String.valueOf(e.getMessage());
                            errorKinds.computeIfAbsent(kind.substring(0, Math.min(300, kind.length())),
                                    k -> new AtomicInteger()).incrementAndGet();
                        }
                        launches.incrementAndGet();
                        lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
                    }
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        }
        return new Run(lastEnd.get() - start, sessions, launches, errors, times, errorKinds);
    }

    /**
     * Opens N sessions, then N more, each a launch and the UI of a typical view (teachers the
     * mastery grid, students their path), keeps them open, and compares the heap after full GCs.
     */
    private static boolean heap(FakeLms lms, String cairn, List<User> users) throws Exception {
        int n = HEAP_SESSIONS;
        AtomicInteger next = new AtomicInteger();
        openSessions(lms, cairn, users, next, Math.min(50, n)); // warm-up: classes loaded, caches filled
        long base = usedAfterGc();
        Map<String, long[]> histogramBase = histogram();
        openSessions(lms, cairn, users, next, n);
        long heapN = usedAfterGc();
        Map<String, long[]> histogramN = histogram();
        openSessions(lms, cairn, users, next, n);
        long heap2N = usedAfterGc();
        Map<String, long[]> histogram2N = histogram();
        int open = Math.min(50, n) + 2 * n;
        System.out.printf("Heap after full GC: %d MiB with %d warm-up sessions, %d MiB with +%d, %d MiB with +%d (%d sessions open)%n",
                base >> 20, Math.min(50, n), heapN >> 20, n, heap2N >> 20, 2 * n, open);
        double perSession = (heap2N - heapN) / (double) n / 1024;
        System.out.printf("  heap per session: (heap(2N) - heap(N)) / N = %.1f kB (N = %d); from the warm-up: %.1f kB%n",
                perSession, n, (heap2N - base) / (double) (2 * n) / 1024);
        System.out.println("  largest growth by class between N and 2N (kB per session, instances per session):");
        List<Map.Entry<String, long[]>> growth = new ArrayList<>();
        histogram2N.forEach((cls, v) -> {
            long[] before = histogramN.getOrDefault(cls, new long[2]);
            growth.add(Map.entry(cls, new long[] {v[0] - before[0], v[1] - before[1]}));
        });
        growth.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        for (Map.Entry<String, long[]> entry : growth.subList(0, Math.min(25, growth.size()))) {
            System.out.printf("    %8.1f kB %8.1f  %s%n", entry.getValue()[1] / (double) n / 1024,
                    entry.getValue()[0] / (double) n, entry.getKey());
        }
        for (String prefix : List.of("app.cairn.testing.", "app.cairn.bench.", "app.cairn.", "com.vaadin.")) {
            long bytes = growth.stream().filter(g -> g.getKey().startsWith(prefix)).mapToLong(g -> g.getValue()[1]).sum();
            System.out.printf("  growth of %s* classes (shallow): %.1f kB per session%n", prefix, bytes / (double) n / 1024);
        }
        if (histogramBase.isEmpty()) {
            System.out.println("  (no class histogram: the DiagnosticCommand MBean was not available)");
        }
        System.out.printf("  target <= 150 kB: %s%n", perSession <= 150 ? "met" : "NOT met");
        return true;
    }

    private static void openSessions(FakeLms lms, String cairn, List<User> users, AtomicInteger next, int count)
            throws Exception {
        AtomicInteger errors = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                User user = users.get(Math.floorMod(next.getAndIncrement(), users.size()));
                futures.add(pool.submit(() -> {
                    try {
                        UiClient client = new UiClient(cairn);
                        client.launch(lms, user.subject());
                        if (user.teacher()) {
                            client.open("mastery", "mastery-unit");
                        } else {
                            client.open("units/" + user.unitId() + "/path", "path-unit-title");
                        }
                    } catch (RuntimeException | AssertionError e) {
                        if (errors.incrementAndGet() < 5) {
                            System.err.println("session failed: " + e.getMessage());
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        if (errors.get() > 0) {
            throw new IllegalStateException(errors.get() + " sessions failed to open");
        }
    }

    static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** {@code jcmd GC.class_histogram} in process: class → {instances, bytes}. */
    static Map<String, long[]> histogram() {
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            Map<String, long[]> classes = new HashMap<>();
            for (String line : text.split("\n")) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length >= 4 && parts[0].endsWith(":")) {
                    classes.put(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
                }
            }
            return classes;
        } catch (Exception e) {
            return new LinkedHashMap<>();
        }
    }

    static double pct(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }
}
