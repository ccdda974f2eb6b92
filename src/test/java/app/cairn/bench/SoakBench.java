package app.cairn.bench;

import static cairn.schema.Tables.EVIDENCE;
import static cairn.schema.Tables.GRADEBOOK_SCORE_OUTBOX;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jooq.DSLContext;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.server.VaadinServiceInitListener;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

import app.cairn.evidence.BodyOfEvidence;
import app.cairn.evidence.EvidenceDraft;
import app.cairn.evidence.EvidenceTestData;
import app.cairn.evidence.EvidenceView;
import app.cairn.evidence.QueueEntry;
import app.cairn.evidence.QueueFilter;
import app.cairn.evidence.ScoreDraft;
import app.cairn.evidence.Scoring;
import app.cairn.evidence.ScoringSheet;
import app.cairn.gradebook.ScoreStatus;
import app.cairn.rubric.Rubric;
import app.cairn.testing.FakeLms;
import app.cairn.unit.Units;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * A school's steady use for a long while ({@code -Dbench.suite=soak}): is the heap after a full GC
 * flat, does anything fail, does the gradebook outbox keep up?
 *
 * <p>Seeds {@code soak.users} people as {@link LoadBench} does (classes of 25 students and their
 * teacher), each class's unit one with a summative "Lab" on a rubric, and the course's gradebook at
 * the fake LMS. Every person then repeats, for {@code soak.minutes}: a session — an LTI launch and
 * Vaadin round trips as in {@link LoadBench}, with think time between actions — then leaving (Flow's
 * unload beacon, which closes the UI) and a while away. Students open their home, their path and their
 * evidence, sometimes hand evidence in (in process, as the student: choose the Lab's Essay, start,
 * save, submit) and sometimes look at their progress; teachers open their home, the mastery grid
 * and the scoring queue, then open evidence from the queue ({@code scoring/<id>}, a UIDL round
 * trip) and score it (in process, as the teacher, on the rubric's current version: a random level),
 * which queues the unit's grade for the LMS when it changes; the score worker sends it to the fake
 * LMS. Handing in and scoring are service calls, not clicks: the buttons and radio groups would need
 * the client's node ids and property syncs.
 *
 * <p>Sessions end as they do at school: each person keeps their browser (cookies) from one session
 * to the next, so the next launch replaces the previous HTTP session (Cairn starts a fresh one at
 * every launch); with probability {@code soak.new-browser} a session starts in a new browser (another
 * device, a private window), and the old browser's session is left to time out. The soak sets the
 * session timeout to {@code soak.session-timeout} (5 minutes; the application's is 8 hours, which a
 * 30-minute soak would never see).
 *
 * <p>Every minute one line: sessions completed, errors, p95 per action in that minute, heap used after
 * full GCs, live HTTP sessions / Vaadin sessions / UIs, and the outbox. At the end: the outbox drained
 * (bounded), totals, and the least-squares slope of the heap from minute 5.
 *
 * <p>Run: {@code ./mvnw -Pbench,production test-compile exec:java -Dbench.suite=soak}; options
 * {@code -Dsoak.users=200 -Dsoak.minutes=30 -Dsoak.think-ms=2000-6000 -Dsoak.away-s=20-90
 * -Dsoak.new-browser=0.25 -Dsoak.hand-in=0.25 -Dsoak.scores=10 -Dsoak.session-timeout=5m}.
 */
final class SoakBench {

    private static final int USERS = Integer.getInteger("soak.users", 200);
    private static final int MINUTES = Integer.getInteger("soak.minutes", 30);
    private static final int[] THINK_MS = range(System.getProperty("soak.think-ms", "2000-6000"));
    private static final int[] AWAY_S = range(System.getProperty("soak.away-s", "20-90"));
    private static final double NEW_BROWSER = Double.parseDouble(System.getProperty("soak.new-browser", "0.25"));
    private static final double HAND_IN = Double.parseDouble(System.getProperty("soak.hand-in", "0.25"));
    private static final int SCORES_PER_SESSION = Integer.getInteger("soak.scores", 10);
    private static final String SESSION_TIMEOUT = System.getProperty("soak.session-timeout", "5m");
    private static final int DRAIN_SECONDS = Integer.getInteger("soak.drain-s", 120);
    private static final int SLOPE_FROM_MINUTE = 5;

    /** Short names of the actions, in the order the minute lines show them. */
    private static final List<String> ACTIONS = List.of("launch", "s-home", "s-path", "s-mine", "s-handin",
            "s-progress", "t-home", "t-mastery", "t-queue", "t-sheet", "t-score", "t-gradebook", "leave");

    private static int[] range(String value) {
        String[] parts = value.split("-");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[parts.length - 1])};
    }

    /** HTTP sessions as Tomcat sees them, and Vaadin sessions and UIs as Vaadin sees them. */
    static final class Sessions implements HttpSessionListener {
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger invalidated = new AtomicInteger();
        final AtomicInteger expired = new AtomicInteger();
        final AtomicInteger vaadinLive = new AtomicInteger();
        final AtomicInteger uisLive = new AtomicInteger();
        final AtomicInteger uisClosed = new AtomicInteger();

        @Override
        public void sessionCreated(HttpSessionEvent event) {
            created.incrementAndGet();
        }

        @Override
        public void sessionDestroyed(HttpSessionEvent event) {
            HttpSession session = event.getSession();
            // Tomcat expires a session once it has been idle for its timeout; anything sooner was invalidate().
            long idle = System.currentTimeMillis() - session.getLastAccessedTime();
            boolean timedOut = session.getMaxInactiveInterval() > 0 && idle >= session.getMaxInactiveInterval() * 1000L - 1000;
            (timedOut ? expired : invalidated).incrementAndGet();
        }

        int live() {
            return created.get() - invalidated.get() - expired.get();
        }

        VaadinServiceInitListener vaadin() {
            return event -> {
                event.getSource().addSessionInitListener(init -> vaadinLive.incrementAndGet());
                event.getSource().addSessionDestroyListener(destroy -> vaadinLive.decrementAndGet());
                event.getSource().addUIInitListener(init -> {
                    uisLive.incrementAndGet();
                    init.getUI().addDetachListener(detach -> {
                        uisLive.decrementAndGet();
                        uisClosed.incrementAndGet();
                    });
                });
            };
        }
    }

    /** Warnings and errors the application logs during the soak (Logback, attached once Cairn has started). */
    static final class LogCounter extends AppenderBase<ILoggingEvent> {
        final AtomicInteger warnings = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final Map<String, AtomicInteger> kinds = new ConcurrentHashMap<>();

        static LogCounter attach() {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            LogCounter counter = new LogCounter();
            counter.setContext(context);
            counter.start();
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(counter);
            return counter;
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (!event.getLevel().isGreaterOrEqual(Level.WARN)) {
                return;
            }
            (event.getLevel().isGreaterOrEqual(Level.ERROR) ? errors : warnings).incrementAndGet();
            String message = String.valueOf(event.getFormattedMessage()).replaceAll("\\d+", "#");
            String kind = event.getLevel() + " " + event.getLoggerName() + ": "
                    + message.substring(0, Math.min(200, message.length()));
            kinds.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** What happened in one minute (or the whole run). */
    static final class Tally {
        final Map<String, List<Long>> times = new ConcurrentHashMap<>();
        final AtomicInteger sessions = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicInteger handIns = new AtomicInteger();
        final AtomicInteger scores = new AtomicInteger();
        final AtomicInteger newBrowsers = new AtomicInteger();
    }

    private final ConfigurableApplicationContext app;
    private final FakeLms lms;
    private final String cairn;
    private final Sessions sessions;
    private final DSLContext db;
    private final Tally total = new Tally();
    private final AtomicReference<Tally> minute = new AtomicReference<>(new Tally());
    private final Map<String, AtomicInteger> errorKinds = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private LogCounter log = new LogCounter();
    private int logWarningsSeen;
    private int logErrorsSeen;

    private SoakBench(ConfigurableApplicationContext app, FakeLms lms, String cairn, Sessions sessions) {
        this.app = app;
        this.lms = lms;
        this.cairn = cairn;
        this.sessions = sessions;
        this.db = app.getBean(DSLContext.class);
    }

    static void main(String[] args) throws Exception {
        Sessions sessions = new Sessions();
        ConfigurableApplicationContext app = LoadBench.start(args, "target/soak-mariadb", context -> {
            context.getBeanFactory().registerSingleton("soakHttpSessions", new ServletListenerRegistrationBean<>(sessions));
            context.getBeanFactory().registerSingleton("soakVaadinSessions", sessions.vaadin());
        }, "--server.servlet.session.timeout=" + SESSION_TIMEOUT,
                "--cairn.gradebook.worker.enabled=true");
        boolean ok;
        try {
            String cairn = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            try (FakeLms lms = FakeLms.start(cairn)) {
                List<LoadBench.User> users = LoadBench.seed(app, lms, USERS, true);
                LoadBench.printMachine(users);
                new SoakBench(app, lms, cairn, sessions).run(users);
                ok = true;
            }
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            ok = false;
        } finally {
            app.close();
        }
        System.exit(ok ? 0 : 1);
    }

    private void run(List<LoadBench.User> users) throws Exception {
        System.out.printf("Soak: %d users for %d min; think %d-%d ms between actions, away %d-%d s between sessions, "
                        + "new browser %.0f %%, hand-in %.0f %% of student sessions, up to %d scores per teacher session, "
                        + "HTTP session timeout %s%n", users.size(), MINUTES, THINK_MS[0], THINK_MS[1], AWAY_S[0], AWAY_S[1],
                NEW_BROWSER * 100, HAND_IN * 100, SCORES_PER_SESSION, SESSION_TIMEOUT);
        System.out.println("Actions (p95 ms per minute): launch = login, LMS, launch; s- students, t- teachers: home, path, "
                + "mine = my evidence, handin (in process), progress; mastery, queue = scoring queue, sheet = open evidence "
                + "to score, score (in process), gradebook; leave = unload beacon");
        log = LogCounter.attach();
        long heapAtStart = LoadBench.usedAfterGc();
        System.out.printf("Heap after full GC before the soak: %.1f MiB%n", heapAtStart / 1048576.0);
        StringBuilder header = new StringBuilder(String.format("%4s %8s %6s %7s %6s", "min", "sessions", "errors", "handins", "scores"));
        ACTIONS.forEach(a -> header.append(String.format(" %10s", a)));
        header.append(String.format(" %8s %6s %6s %6s %7s %6s %6s %7s", "heapMiB", "http", "vaadin", "UIs", "pending", "failed",
                "queue", "logW/E"));
        System.out.println(header);

        List<Double> heap = new ArrayList<>();
        Map<String, long[]> histogramAtSlopeStart = Map.of();
        long start = System.nanoTime();
        long end = start + TimeUnit.MINUTES.toNanos(MINUTES);
        try (ExecutorService people = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (LoadBench.User user : users) {
                running.add(people.submit(() -> live(user, end)));
            }
            for (int m = 1; m <= MINUTES; m++) {
                long due = start + TimeUnit.MINUTES.toNanos(m);
                TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
                Tally done = minute.getAndSet(new Tally());
                long used = LoadBench.usedAfterGc();
                heap.add(used / 1048576.0);
                if (m == SLOPE_FROM_MINUTE) {
                    histogramAtSlopeStart = LoadBench.histogram();
                }
                printMinute(m, done, used);
            }
            stopping = true;
            for (Future<?> person : running) {
                person.get(2, TimeUnit.MINUTES);
            }
        }
        long stoppedAt = System.nanoTime();
        // Whatever finished after the last minute line.
        Tally tail = minute.getAndSet(new Tally());
        System.out.printf("After minute %d, people finished their sessions in %.1f s (%d more sessions, %d errors)%n",
                MINUTES, (stoppedAt - end) / 1e9, tail.sessions.get(), tail.errors.get());

        long[] outbox = outbox();
        long drainStart = System.nanoTime();
        while (outbox[0] > 0 && System.nanoTime() - drainStart < TimeUnit.SECONDS.toNanos(DRAIN_SECONDS)) {
            Thread.sleep(1000);
            outbox = outbox();
        }
        double drained = (System.nanoTime() - drainStart) / 1e9;
        int lmsScores = lms.forgetReceivedScores() + lmsScoresSoFar;
        long heapAtEnd = LoadBench.usedAfterGc();
        Map<String, long[]> histogramAtEnd = LoadBench.histogram();

        double seconds = (stoppedAt - start) / 1e9;
        System.out.printf("Soak done: %d users, %.1f min; sessions %d (%.2f/s), errors %d; evidence handed in %d, scored %d; "
                        + "new browsers %d%n", users.size(), seconds / 60, total.sessions.get(), total.sessions.get() / seconds,
                total.errors.get(), total.handIns.get(), total.scores.get(), total.newBrowsers.get());
        System.out.printf("  %-12s %7s %9s %9s %9s %9s%n", "action", "count", "p50 ms", "p95 ms", "p99 ms", "max ms");
        for (String action : ACTIONS) {
            List<Long> nanos = total.times.getOrDefault(action, List.of());
            System.out.printf("  %-12s %7d %9.1f %9.1f %9.1f %9.1f%n", action, nanos.size(), LoadBench.pct(nanos, 50),
                    LoadBench.pct(nanos, 95), LoadBench.pct(nanos, 99), LoadBench.pct(nanos, 100));
        }
        errorKinds.forEach((kind, n) -> System.out.printf("  error x%d: %s%n", n.get(), kind));
        System.out.printf("  The application logged %d warnings and %d errors during the soak%n", log.warnings.get(),
                log.errors.get());
        log.kinds.forEach((kind, n) -> System.out.printf("    x%d %s%n", n.get(), kind));
        System.out.printf("  HTTP sessions: created %d, replaced at a launch (invalidated) %d, timed out %d, live at the end %d; "
                        + "Vaadin sessions live %d; UIs closed %d, live %d%n", sessions.created.get(), sessions.invalidated.get(),
                sessions.expired.get(), sessions.live(), sessions.vaadinLive.get(), sessions.uisClosed.get(),
                sessions.uisLive.get());
        System.out.printf("  Outbox at the end (after %.0f s of draining): pending %d, failed %d, sent %d, superseded %d; "
                + "the LMS accepted %d scores; evidence waiting in queues %d%n", drained, outbox[0], outbox[1], outbox[2],
                outbox[3], lmsScores, queued());
        double[] slope = slope(heap, SLOPE_FROM_MINUTE);
        System.out.printf("  Heap after full GC: %.1f MiB before the soak, %.1f MiB at minute 1, %.1f MiB at minute %d, "
                        + "min %.1f, max %.1f (minutes %d..%d); %.1f MiB after the drain%n", heapAtStart / 1048576.0,
                heap.getFirst(), heap.getLast(), heap.size(),
                heap.subList(Math.min(SLOPE_FROM_MINUTE - 1, heap.size() - 1), heap.size()).stream().mapToDouble(d -> d).min().orElse(0),
                heap.subList(Math.min(SLOPE_FROM_MINUTE - 1, heap.size() - 1), heap.size()).stream().mapToDouble(d -> d).max().orElse(0),
                Math.min(SLOPE_FROM_MINUTE, heap.size()), heap.size(), heapAtEnd / 1048576.0);
        System.out.printf("  Heap slope, least squares over minutes %d..%d: %.1f kB/min (standard error %.1f kB/min)%n",
                Math.min(SLOPE_FROM_MINUTE, heap.size()), heap.size(), slope[0], slope[1]);
        if (!histogramAtSlopeStart.isEmpty() && !histogramAtEnd.isEmpty()) {
            printGrowth(histogramAtSlopeStart, histogramAtEnd);
        }
    }

    private int lmsScoresSoFar;

    private void printMinute(int m, Tally done, long used) {
        // The fake LMS keeps every score it accepts: count and forget them, so they do not weigh on the heap.
        lmsScoresSoFar += lms.forgetReceivedScores();
        long[] outbox = outbox();
        StringBuilder line = new StringBuilder(String.format("%4d %8d %6d %7d %6d", m, done.sessions.get(), done.errors.get(),
                done.handIns.get(), done.scores.get()));
        for (String action : ACTIONS) {
            List<Long> nanos = done.times.getOrDefault(action, List.of());
            line.append(nanos.isEmpty() ? String.format(" %10s", "-") : String.format(" %10.0f", LoadBench.pct(nanos, 95)));
        }
        int warnings = log.warnings.get();
        int errors = log.errors.get();
        line.append(String.format(" %8.1f %6d %6d %6d %7d %6d %6d %7s", used / 1048576.0, sessions.live(),
                sessions.vaadinLive.get(), sessions.uisLive.get(), outbox[0], outbox[1], queued(),
                (warnings - logWarningsSeen) + "/" + (errors - logErrorsSeen)));
        logWarningsSeen = warnings;
        logErrorsSeen = errors;
        System.out.println(line);
        System.out.flush();
    }

    /** Outbox rows: pending, failed, sent, superseded. */
    private long[] outbox() {
        long[] counts = new long[4];
        db.select(GRADEBOOK_SCORE_OUTBOX.STATUS, org.jooq.impl.DSL.count()).from(GRADEBOOK_SCORE_OUTBOX)
                .groupBy(GRADEBOOK_SCORE_OUTBOX.STATUS).fetch().forEach(row -> {
                    switch (ScoreStatus.valueOf(row.value1())) {
                        case PENDING -> counts[0] = row.value2();
                        case FAILED -> counts[1] = row.value2();
                        case SENT -> counts[2] = row.value2();
                        case SUPERSEDED -> counts[3] = row.value2();
                    }
                });
        return counts;
    }

    /** Evidence handed in and waiting for its teacher, in all classes. */
    private int queued() {
        return db.fetchCount(EVIDENCE, EVIDENCE.STATUS.eq("SUBMITTED"));
    }

    /** One person, session after session, until the soak ends. */
    private void live(LoadBench.User user, long end) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // People arrive over the first minute or so, not all at once.
        pause(random.nextLong(AWAY_S[1] * 1000L));
        UiClient browser = null;
        while (!stopping && System.nanoTime() < end) {
            if (browser == null || random.nextDouble() < NEW_BROWSER) {
                if (browser != null) {
                    count(t -> t.newBrowsers);
                }
                browser = new UiClient(cairn);
            }
            try {
                if (user.teacher()) {
                    teacherSession(user, browser);
                } else {
                    studentSession(user, browser);
                }
                count(t -> t.sessions);
            } catch (RuntimeException | AssertionError e) {
                count(t -> t.errors);
                String kind = user.teacher() + " " + e.getClass().getSimpleName() + ": " + e.getMessage();
                errorKinds.computeIfAbsent(kind.substring(0, Math.min(300, kind.length())), k -> new AtomicInteger())
                        .incrementAndGet();
                browser = null;
            } finally {
                SecurityContextHolder.clearContext();
            }
            // Away, until the next session or the end of the soak.
            long back = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(random.nextLong(AWAY_S[0] * 1000L, AWAY_S[1] * 1000L + 1));
            while (!stopping && System.nanoTime() < back) {
                pause(Math.min(1000, Math.max(1, TimeUnit.NANOSECONDS.toMillis(back - System.nanoTime()))));
            }
        }
    }

    private void studentSession(LoadBench.User user, UiClient browser) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String home = timed("launch", () -> browser.launch(lms, user.subject()));
        timed("s-home", () -> browser.open(home.substring(1), "course-title"));
        think();
        timed("s-path", () -> browser.navigate("units/" + user.unitId() + "/path", "path-unit-title"));
        think();
        timed("s-mine", () -> browser.navigate("my-evidence/" + user.unitId(), "mine-proficiency"));
        think();
        if (random.nextDouble() < HAND_IN && handIn(user)) {
            count(t -> t.handIns);
            timed("s-mine", () -> browser.navigate("my-evidence/" + user.unitId(), "mine-list"));
            think();
        }
        if (random.nextInt(3) == 0) {
            timed("s-progress", () -> browser.navigate("progress", "\"progress-"));
            think();
        }
        timed("leave", browser::leave);
    }

    /**
     * As the student, in process: the Lab's Essay chosen, a draft started, written and handed in;
     * not while an earlier one of theirs waits for the teacher (a student hands in the next piece
     * after hearing back). True if handed in.
     */
    private boolean handIn(LoadBench.User user) {
        EvidenceTestData.Course course = java.util.Objects.requireNonNull(user.course());
        EvidenceTestData.actAs(java.util.Objects.requireNonNull(user.viewer()));
        BodyOfEvidence evidence = app.getBean(BodyOfEvidence.class);
        try {
            if (evidence.mine(user.unitId()).stream().anyMatch(e -> e.status().queued())) {
                return false;
            }
            return timed("s-handin", () -> {
                app.getBean(Units.class).choose(course.labAssessment().id(), Set.of(course.essay()));
                EvidenceView draft = evidence.start(user.unitId(), course.labAssessment().id(), course.essay(), null);
                draft = evidence.saveDraft(draft.id(), new EvidenceDraft("My lab report, written at "
                        + java.time.LocalTime.now(), List.of(), null, draft.revision()));
                evidence.submit(draft.id(), draft.revision());
                return true;
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void teacherSession(LoadBench.User user, UiClient browser) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String home = timed("launch", () -> browser.launch(lms, user.subject()));
        timed("t-home", () -> browser.open(home.substring(1), "course-title"));
        think();
        timed("t-mastery", () -> browser.navigate("mastery", "mastery-unit"));
        think();
        timed("t-queue", () -> browser.navigate("scoring", "scoring-unit"));
        think();
        Scoring scoring = app.getBean(Scoring.class);
        EvidenceTestData.actAs(java.util.Objects.requireNonNull(user.viewer()));
        List<QueueEntry> queue = scoring.queue(QueueFilter.all());
        SecurityContextHolder.clearContext();
        for (QueueEntry entry : queue.subList(0, Math.min(SCORES_PER_SESSION, queue.size()))) {
            if (stopping) {
                break;
            }
            timed("t-sheet", () -> browser.navigate("scoring/" + entry.evidenceId(), "score-save"));
            think();
            EvidenceTestData.actAs(user.viewer());
            try {
                timed("t-score", () -> {
                    ScoringSheet sheet = scoring.sheet(entry.evidenceId());
                    Rubric rubric = java.util.Objects.requireNonNull(sheet.rubric());
                    int levels = rubric.current().levels().size();
                    return scoring.score(entry.evidenceId(), new ScoreDraft(sheet.evidence().revision(),
                            rubric.current().id(), rubric.revision(),
                            Map.of(rubric.current().criteria().getFirst().id(), random.nextInt(levels)), "Thank you"));
                });
            } finally {
                SecurityContextHolder.clearContext();
            }
            count(t -> t.scores);
        }
        if (random.nextInt(3) == 0) {
            timed("t-gradebook", () -> browser.navigate("gradebook", "gradebook-status"));
            think();
        }
        timed("leave", browser::leave);
    }

    private void count(java.util.function.Function<Tally, AtomicInteger> counter) {
        counter.apply(total).incrementAndGet();
        counter.apply(minute.get()).incrementAndGet();
    }

    private <T> T timed(String action, java.util.function.Supplier<T> step) {
        long t0 = System.nanoTime();
        T result = step.get();
        long nanos = System.nanoTime() - t0;
        LoadBench.record(total.times, action, nanos);
        LoadBench.record(minute.get().times, action, nanos);
        return result;
    }

    private void timed(String action, Runnable step) {
        timed(action, () -> {
            step.run();
            return null;
        });
    }

    private static void think() {
        pause(ThreadLocalRandom.current().nextLong(THINK_MS[0], THINK_MS[1] + 1L));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Least-squares slope of {@code mib[i]} (minute i + 1) over minutes {@code from}.., in kB per
     * minute, and its standard error (from the residuals): a slope within about two standard errors
     * of zero is no growth beyond the noise of the samples.
     */
    static double[] slope(List<Double> mib, int from) {
        int first = Math.max(0, Math.min(from, mib.size()) - 1);
        List<Double> ys = mib.subList(first, mib.size());
        int n = ys.size();
        if (n < 3) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double meanX = (n - 1) / 2.0;
        double meanY = ys.stream().mapToDouble(d -> d).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - meanX) * (ys.get(i) - meanY);
            sxx += (i - meanX) * (i - meanX);
        }
        double b = sxy / sxx;
        double a = meanY - b * meanX;
        double residuals = 0;
        for (int i = 0; i < n; i++) {
            residuals += Math.pow(ys.get(i) - a - b * i, 2);
        }
        return new double[] {b * 1024, Math.sqrt(residuals / (n - 2)) / Math.sqrt(sxx) * 1024};
    }

    private static void printGrowth(Map<String, long[]> before, Map<String, long[]> after) {
        List<Map.Entry<String, long[]>> growth = new ArrayList<>();
        after.forEach((cls, v) -> {
            long[] b = before.getOrDefault(cls, new long[2]);
            growth.add(Map.entry(cls, new long[] {v[0] - b[0], v[1] - b[1]}));
        });
        growth.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        System.out.printf("  Largest growth by class from minute %d to after the drain (kB, instances):%n", SLOPE_FROM_MINUTE);
        for (Map.Entry<String, long[]> entry : growth.subList(0, Math.min(15, growth.size()))) {
            System.out.printf("    %10.1f kB %9d  %s%n", entry.getValue()[1] / 1024.0, entry.getValue()[0], entry.getKey());
        }
    }
}
