package app.cairn.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import app.cairn.CairnApplication;
import app.cairn.lti.PlatformRegistry;
import app.cairn.testing.FakeLms;
import app.cairn.testing.LtiBrowser;

/**
 * Benchmarks that drive a running Cairn over loopback HTTP and print figures. Run with
 * {@code ./mvnw -Pbench test-compile exec:java}; results go in docs/benchmarks.md.
 *
 * <p>Launches: each simulated person does login → (LMS authorization, not timed) → launch →
 * first view (the Vaadin page and its UI bootstrap request). "Server time" is the sum of the
 * Cairn requests of one launch as the client sees them on loopback, so it includes HTTP overhead.
 */
public final class Bench {

    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 30);
    private static final int LAUNCHES = Integer.getInteger("bench.launches", 1200);
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 300);

    private Bench() {
    }

    private static final ServerTiming SERVER_TIMING = new ServerTiming();

    public static void main(String[] args) throws Exception {
        // -Dbench.suite=gradebook runs the score-sending benchmark instead of launches.
        if ("gradebook".equals(System.getProperty("bench.suite"))) {
            GradebookBench.main(args);
            return;
        }
        // -Dbench.suite=crash: kill -9 the node that sends scores, restart it, check what the LMS got.
        if ("crash".equals(System.getProperty("bench.suite"))) {
            CrashBench.main(args);
            return;
        }
        // -Dbench.suite=load: classes of students and teachers launching and clicking through views.
        // -Dbench.suite=heap: the heap an open session costs.
        if ("load".equals(System.getProperty("bench.suite")) || "heap".equals(System.getProperty("bench.suite"))) {
            LoadBench.main(args, "heap".equals(System.getProperty("bench.suite")));
            return;
        }
        // -Dbench.suite=soak: a school's steady use for half an hour; heap, errors and the gradebook outbox.
        if ("soak".equals(System.getProperty("bench.suite"))) {
            SoakBench.main(args);
            return;
        }
        // -Dbench.suite=evidence: 1,000 students x 60 indicators x 10 scores; grid, full recompute, one score.
        if ("evidence".equals(System.getProperty("bench.suite"))) {
            app.cairn.evidence.EvidenceBench.main(args);
            return;
        }
        // With -Pproduction the build made Vaadin's production bundle: measure what production runs.
        boolean production = Bench.class.getResource("/META-INF/VAADIN/webapp/index.html") != null;
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CairnApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("benchServerTiming",
                        new org.springframework.boot.web.servlet.FilterRegistrationBean<>(SERVER_TIMING)))
                // Command-line arguments, not builder properties: those are only defaults that
                // application.yml overrides (the bench ran on port 8080 with lti-config/platforms).
                .run(CrashBench.withArgs(args,
                        "--server.port=0",
                        "--cairn.embedded-db.data-dir=target/bench-mariadb",
                        "--cairn.embedded-db.fresh=true",
                        "--cairn.lti.config-dir=target/bench-no-platforms",
                        "--logging.level.app.cairn.security.lti=warn",
                        "--vaadin.productionMode=" + production));
        int exit = 0;
        try {
            String cairn = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            try (FakeLms lms = FakeLms.start(cairn)) {
                app.getBean(PlatformRegistry.class).register(lms.registration());
                for (int i = 0; i < LAUNCHES + WARM_UP; i++) {
                    lms.addPerson(new FakeLms.Person("bench-" + i, List.of(i % 30 == 0 ? FakeLms.INSTRUCTOR : FakeLms.LEARNER),
                            "Bench Person " + i, null));
                }
                System.out.printf("Machine: %d cores, Java %s, Vaadin %s mode%n", Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"), production ? "production" : "development");
                run(lms, cairn, 0, WARM_UP, "warm-up", false);
                Result bursts = run(lms, cairn, WARM_UP, LAUNCHES / 2, "a class of " + CONCURRENCY
                        + " launching at the same moment, wave after wave", true);
                bursts.print();
                Result sustained = run(lms, cairn, WARM_UP + LAUNCHES / 2, LAUNCHES / 2, CONCURRENCY
                        + " launching without pause, closed loop", false);
                sustained.print();
                exit = bursts.errors.get() + sustained.errors.get() == 0 ? 0 : 1;
            }
        } finally {
            app.close();
        }
        System.exit(exit);
    }

    private record Result(String label, int launches, int concurrency, long wallNanos, List<Long> total,
                          List<Long> server, Map<String, List<Long>> steps, AtomicInteger errors) {
        void print() {
            System.out.printf("Launches (%s): %d launches, %d concurrent, %.1f launches/s, errors %d%n", label, launches,
                    concurrency, launches / (wallNanos / 1e9), errors.get());
            System.out.printf("  server time per launch, inside Cairn (login + launch + first view): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    pct(server, 50), pct(server, 95), pct(server, 99), pct(server, 100));
            System.out.printf("  response time per launch, as the client saw it:                   p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    pct(total, 50), pct(total, 95), pct(total, 99), pct(total, 100));
            System.out.println("  client-side, per step:");
            steps.forEach((step, times) -> System.out.printf("  %-12s p50 %.1f ms, p95 %.1f ms%n", step, pct(times, 50), pct(times, 95)));
        }
    }

    /**
     * Runs {@code count} launches on {@link #CONCURRENCY} threads. In waves, each group of
     * CONCURRENCY starts together and the next group waits until the whole group is done.
     */
    private static Result run(FakeLms lms, String cairn, int first, int count, String label, boolean waves)
            throws Exception {
        List<Long> total = Collections.synchronizedList(new ArrayList<>());
        List<Long> server = Collections.synchronizedList(new ArrayList<>());
        Map<String, List<Long>> steps = Map.of("login", Collections.synchronizedList(new ArrayList<>()),
                "launch", Collections.synchronizedList(new ArrayList<>()),
                "first view", Collections.synchronizedList(new ArrayList<>()));
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = first; i < first + count; i++) {
                if (waves && (i - first) % CONCURRENCY == 0) {
                    for (Future<?> future : futures) {
                        future.get();
                    }
                    futures.clear();
                }
                String subject = "bench-" + i;
                futures.add(pool.submit(() -> {
                    try {
                        total.add(launchOnce(lms, cairn, subject, steps));
                        server.add(SERVER_TIMING.take(subject));
                    } catch (RuntimeException | AssertionError e) {
                        errors.incrementAndGet();
                        System.err.println("launch failed: " + e.getMessage());
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        return new Result(label, count, CONCURRENCY, System.nanoTime() - start, total, server, steps, errors);
    }

    private static long launchOnce(FakeLms lms, String cairn, String subject, Map<String, List<Long>> steps) {
        LtiBrowser browser = new LtiBrowser(cairn);
        browser.setHeader(ServerTiming.HEADER, subject);
        long t0 = System.nanoTime();
        LtiBrowser.LoginRedirect login = browser.login(lms, subject);
        long login_ = System.nanoTime() - t0;
        LtiBrowser.PlatformForm form = browser.authorizeAtPlatform(login);
        long t1 = System.nanoTime();
        LtiBrowser.Response launched = browser.submit(form);
        long launch = System.nanoTime() - t1;
        if (launched.status() != 303) {
            throw new AssertionError("launch answered " + launched.status());
        }
        String home = launched.location();
        long t2 = System.nanoTime();
        LtiBrowser.Response page = browser.get(home);
        LtiBrowser.Response ui = browser.get(cairn + "/?v-r=init&location=" + home.substring(1) + "&query=");
        long view = System.nanoTime() - t2;
        if (page.status() != 200 || ui.status() != 200 || !ui.body().contains("appConfig")) {
            throw new AssertionError("first view answered " + page.status() + "/" + ui.status());
        }
        steps.get("login").add(login_);
        steps.get("launch").add(launch);
        steps.get("first view").add(view);
        return login_ + launch + view;
    }

    private static double pct(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }
}
