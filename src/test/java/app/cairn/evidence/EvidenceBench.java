package app.cairn.evidence;

import static cairn.schema.Tables.EVIDENCE;
import static cairn.schema.Tables.EVIDENCE_HISTORY;
import static cairn.schema.Tables.EVIDENCE_SCORE_LEVEL;
import static cairn.schema.Tables.GRADEBOOK_SCORE_OUTBOX;
import static cairn.schema.Tables.INDICATOR_PROFICIENCY;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import app.cairn.CairnApplication;
import app.cairn.bench.CrashBench;
import app.cairn.bench.GradebookBench;
import app.cairn.proficiency.CalculationMethod;
import app.cairn.proficiency.PolicyDraft;
import app.cairn.proficiency.ProficiencyPolicies;
import app.cairn.proficiency.ProficiencyPolicyChanged;
import app.cairn.rubric.Rubric;
import app.cairn.rubric.RubricDraft;
import app.cairn.rubric.RubricVersion;
import app.cairn.rubric.Rubrics;
import app.cairn.shared.CurrentViewer;
import app.cairn.standards.ItemDraft;
import app.cairn.standards.Level;
import app.cairn.standards.StandardsLibrary;
import app.cairn.testing.FakeLms;
import app.cairn.unit.AssessmentKind;
import app.cairn.unit.ChoiceRule;
import app.cairn.unit.Continuum;
import app.cairn.unit.Modality;
import app.cairn.unit.Pacing;
import app.cairn.unit.Unit;
import app.cairn.unit.UnitDraft;
import app.cairn.unit.Units;

/**
 * Evidence at the scale of a big school course (issue 6): {@code bench.students} students ×
 * {@code bench.indicators} indicators × {@code bench.scores} summative scores each, in one course and
 * one published unit that targets every indicator (one rubric with one criterion per indicator).
 * Structure (standards, rubrics, unit) is made through the services as a teacher would; the scores
 * are written straight into the evidence tables with multi-row inserts, then the stored proficiency
 * is calculated by the ledger's full recompute (the path a policy change takes). Prints:
 * <ol>
 * <li>the mastery grid's first screen (first page of 50 students × every column, and the whole
 * class as the grid read it before paging);</li>
 * <li>a full recompute of the course's proficiency;</li>
 * <li>one new score (Scoring.score: the score, the ledger's recalculation and the gradebook outbox
 * row) — median and p95.</li>
 * </ol>
 * Run: {@code ./mvnw -Pbench,production test-compile exec:java -Dbench.suite=evidence}
 */
public final class EvidenceBench {

    private static final int STUDENTS = Integer.getInteger("bench.students", 1000);
    private static final int INDICATORS = Integer.getInteger("bench.indicators", 60);
    private static final int SCORES = Integer.getInteger("bench.scores", 10);
    private static final int NEW_SCORES = Integer.getInteger("bench.new-scores", 50);
    private static final int WARM_UP = Integer.getInteger("bench.warm-up", 50);
    private static final int PAGE = 50;
    private static final int CHUNK = 2000;

    private EvidenceBench() {
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CairnApplication.class)
                .run(CrashBench.withArgs(args,
                        "--server.port=0",
                        "--cairn.embedded-db.data-dir=target/bench-mariadb",
                        "--cairn.embedded-db.fresh=true",
                        // The seeded course is ~800 MB on disk: a database server keeps it in memory.
                        "--cairn.embedded-db.buffer-pool=" + System.getProperty("bench.buffer-pool", "1G"),
                        "--cairn.lti.config-dir=target/bench-no-platforms",
                        "--cairn.gradebook.worker.enabled=false",
                        "--logging.level.app.cairn.security.lti=warn"));
        try (FakeLms lms = FakeLms.start("http://localhost:" + app.getEnvironment().getProperty("local.server.port"))) {
            run(app, lms);
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext app, FakeLms lms) {
        System.out.printf("Machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        long t0 = System.nanoTime();
        GradebookBench.Course course = GradebookBench.seedCourse(app, lms, STUDENTS, 0);
        List<Long> students = course.studentIds();
        long teacherId = app.getBean(CurrentViewer.class).require().personId();
        long courseId = app.getBean(CurrentViewer.class).require().courseId();
        System.out.printf("Roster: %d students in %.1f s%n", students.size(), (System.nanoTime() - t0) / 1e9);

        // Structure, as a teacher makes it: standards (10 indicators each), one rubric per indicator, one unit.
        long t1 = System.nanoTime();
        StandardsLibrary library = app.getBean(StandardsLibrary.class);
        Rubrics rubrics = app.getBean(Rubrics.class);
        Units units = app.getBean(Units.class);
        long framework = library.createFramework("Bench practices").id();
        List<Long> indicators = new ArrayList<>();
        long standard = 0;
        for (int i = 0; i < INDICATORS; i++) {
            if (i % 10 == 0) {
                standard = library.addItem(framework, null, ItemDraft.of(Level.STANDARD, "B." + (i / 10 + 1),
                        "Standard " + (i / 10 + 1))).item().id();
            }
            indicators.add(library.addItem(framework, standard, ItemDraft.of(Level.INDICATOR,
                    "B." + (i / 10 + 1) + "." + (i % 10 + 1), "Indicator " + (i + 1))).item().id());
        }
        List<Rubric> rubricOf = new ArrayList<>();
        for (int i = 0; i < INDICATORS; i++) {
            Rubric rubric = rubrics.create("Rubric " + (i + 1));
            List<String> descriptors = List.of("Beginning", "Developing", "Proficient", "Extending");
            rubricOf.add(rubrics.save(rubric.id(), new RubricDraft(rubric.title(), rubric.revision(),
                    List.of(new RubricDraft.Criterion("Criterion " + (i + 1), indicators.get(i), null, descriptors,
                            List.of())),
                    List.of())));
        }
        Unit unit = units.create("Bench unit");
        List<UnitDraft.TargetDraft> targets = new ArrayList<>();
        for (int i = 0; i < INDICATORS; i++) {
            targets.add(new UnitDraft.TargetDraft(null, indicators.get(i), null, List.of(new UnitDraft.AssessmentDraft(
                    null, "Task " + (i + 1), AssessmentKind.SUMMATIVE, rubricOf.get(i).id(), ChoiceRule.CHOOSE_ONE,
                    List.of(new UnitDraft.OptionDraft(null, "Essay", "Write it", Modality.WRITTEN,
                            List.of(), 30, null))))));
        }
        unit = units.save(unit.id(), new UnitDraft("Bench unit", "Everything at once", Pacing.SELF_PACED,
                Continuum.PARTICIPANT, unit.revision(), targets));
        unit = units.publish(unit.id(), unit.revision());
        // A short check-in unit on the first indicator alone: its level follows that indicator, so the new
        // scores of part (c) change what the LMS shows and queue a gradebook row, as most real scores would.
        Unit checkIn = units.create("Bench check-in");
        checkIn = units.save(checkIn.id(), new UnitDraft("Bench check-in", "One target", Pacing.SELF_PACED,
                Continuum.PARTICIPANT, checkIn.revision(), List.of(new UnitDraft.TargetDraft(null, indicators.getFirst(),
                null, List.of(new UnitDraft.AssessmentDraft(null, "Check-in", AssessmentKind.SUMMATIVE,
                rubricOf.getFirst().id(), ChoiceRule.CHOOSE_ONE, List.of(new UnitDraft.OptionDraft(null, "Quiz",
                "Answer it", Modality.WRITTEN, List.of(), 10, null))))))));
        units.publish(checkIn.id(), checkIn.revision());
        for (Rubric rubric : rubricOf) {
            rubrics.markVersionUsed(rubric.current().id());
        }
        System.out.printf("Structure: %d indicators, %d rubrics, 2 units in %.1f s%n", INDICATORS, INDICATORS,
                (System.nanoTime() - t1) / 1e9);

        // Scores, straight into the tables.
        DSLContext db = app.getBean(DSLContext.class);
        long t2 = System.nanoTime();
        long base = 1 + Math.max(
                db.select(DSL.coalesce(DSL.max(EVIDENCE.ID), 0L)).from(EVIDENCE).fetchSingle().value1(),
                db.select(DSL.coalesce(DSL.max(EVIDENCE_HISTORY.ID), 0L)).from(EVIDENCE_HISTORY).fetchSingle().value1());
        Rows evidence = new Rows(db, EVIDENCE, EVIDENCE.ID, EVIDENCE.COURSE_ID, EVIDENCE.STUDENT_PERSON_ID,
                EVIDENCE.UNIT_ID, EVIDENCE.TARGET_ID, EVIDENCE.INDICATOR_ITEM_ID, EVIDENCE.ASSESSMENT_ID,
                EVIDENCE.OPTION_ID, EVIDENCE.KIND, EVIDENCE.RUBRIC_ID, EVIDENCE.ASSESSMENT_TITLE, EVIDENCE.VIA_TITLE,
                EVIDENCE.STATUS, EVIDENCE.PERFORMED_ON, EVIDENCE.SUBMITTED_AT, EVIDENCE.QUEUED_AT, EVIDENCE.REVISION,
                EVIDENCE.CREATED_AT, EVIDENCE.UPDATED_AT);
        Rows history = new Rows(db, EVIDENCE_HISTORY, EVIDENCE_HISTORY.ID, EVIDENCE_HISTORY.EVIDENCE_ID,
                EVIDENCE_HISTORY.KIND, EVIDENCE_HISTORY.ACTOR_PERSON_ID, EVIDENCE_HISTORY.ACTOR_NAME,
                EVIDENCE_HISTORY.RUBRIC_VERSION_ID, EVIDENCE_HISTORY.PERFORMED_ON, EVIDENCE_HISTORY.HAPPENED_AT);
        Rows levels = new Rows(db, EVIDENCE_SCORE_LEVEL, EVIDENCE_SCORE_LEVEL.HISTORY_ID,
                EVIDENCE_SCORE_LEVEL.CRITERION_ID, EVIDENCE_SCORE_LEVEL.INDICATOR_ITEM_ID,
                EVIDENCE_SCORE_LEVEL.CRITERION_TITLE, EVIDENCE_SCORE_LEVEL.LEVEL_POSITION, EVIDENCE_SCORE_LEVEL.POINTS,
                EVIDENCE_SCORE_LEVEL.LEVEL_LABEL, EVIDENCE_SCORE_LEVEL.COURSE_ID, EVIDENCE_SCORE_LEVEL.STUDENT_PERSON_ID);
        LocalDate firstDay = LocalDate.of(2026, 9, 1);
        long id = base;
        java.util.Random random = new java.util.Random(42);
        for (int s = 0; s < students.size(); s++) {
            for (int i = 0; i < INDICATORS; i++) {
                Unit.Target target = unit.targets().get(i);
                Unit.Assessment task = target.assessments().getFirst();
                RubricVersion version = rubricOf.get(i).current();
                RubricVersion.Criterion criterion = version.criteria().getFirst();
                for (int n = 0; n < SCORES; n++, id++) {
                    LocalDate day = firstDay.plusDays(n * 7L + (s + i) % 5);
                    LocalDateTime at = day.atTime(10, 0);
                    RubricVersion.Level level = version.levels().get(
                            Math.min(version.levels().size() - 1, Math.max(0, n / 3 + random.nextInt(2))));
                    evidence.add(id, courseId, students.get(s), unit.id(), target.id(), target.indicatorId(), task.id(),
                            task.options().getFirst().id(), AssessmentKind.SUMMATIVE.name(), task.rubricId(),
                            task.title(), "Essay", EvidenceStatus.SCORED.name(), day, at, null, 2, at, at.plusDays(2));
                    history.add(id, id, HistoryKind.SCORED.name(), teacherId, "Tess Teacher", version.id(), day,
                            at.plusDays(2));
                    levels.add(id, criterion.id(), target.indicatorId(), criterion.title(), level.position(),
                            level.points(), level.label(), courseId, students.get(s));
                }
            }
        }
        evidence.flush();
        history.flush();
        levels.flush();
        // The new scores of part (c): handed-in evidence of the first indicator, one per student.
        List<Long> submitted = new ArrayList<>();
        Unit.Target first = unit.targets().getFirst();
        Unit.Assessment firstTask = first.assessments().getFirst();
        LocalDateTime handedIn = firstDay.plusDays(80).atTime(9, 0);
        for (int k = 0; k < WARM_UP + NEW_SCORES; k++, id++) {
            evidence.add(id, courseId, students.get(k), unit.id(), first.id(), first.indicatorId(), firstTask.id(),
                    firstTask.options().getFirst().id(), AssessmentKind.SUMMATIVE.name(), firstTask.rubricId(),
                    firstTask.title(), "Essay", EvidenceStatus.SUBMITTED.name(), handedIn.toLocalDate(), handedIn,
                    handedIn, 1, handedIn, handedIn);
            history.add(id, id, HistoryKind.SUBMITTED.name(), students.get(k), "Student " + k, null, null, handedIn);
            submitted.add(id);
        }
        evidence.flush();
        history.flush();
        long scoreRows = (long) students.size() * INDICATORS * SCORES;
        System.out.printf("Seeded %,d scores (%,d evidence, history and score-level rows each) in %.1f s%n",
                scoreRows, scoreRows, (System.nanoTime() - t2) / 1e9);

        // (b) Full recompute, first from nothing stored (the seed), then again over stored rows.
        TransactionTemplate tx = app.getBean(TransactionTemplate.class);
        ProficiencyLedger ledger = app.getBean(ProficiencyLedger.class);
        long t3 = System.nanoTime();
        tx.executeWithoutResult(status -> ledger.on(new ProficiencyPolicyChanged(courseId)));
        double firstRecompute = (System.nanoTime() - t3) / 1e6;
        int stored = db.fetchCount(INDICATOR_PROFICIENCY, INDICATOR_PROFICIENCY.COURSE_ID.eq(courseId));
        System.out.printf("(b) full recompute, nothing stored yet (the seed): %.0f ms, %,d indicator proficiencies%n",
                firstRecompute, stored);
        long t4 = System.nanoTime();
        tx.executeWithoutResult(status -> ledger.on(new ProficiencyPolicyChanged(courseId)));
        System.out.printf("(b) full recompute, %d students x %d indicators stored: %.0f ms (target <= 2000 ms)%n",
                students.size(), INDICATORS, (System.nanoTime() - t4) / 1e6);

        // (b) As teachers cause it: a policy change (method to "highest") that changes most values.
        ProficiencyPolicies policies = app.getBean(ProficiencyPolicies.class);
        PolicyDraft draft = policies.policyOfMyCourse().toDraft();
        PolicyDraft highest = new PolicyDraft(CalculationMethod.HIGHEST, draft.weight(), draft.times(), draft.rollUp(),
                draft.gradeMapping(), draft.gradeMaximum(), draft.gradeTable(), draft.baseRevision());
        StatementCounter statements = StatementCounter.install(db);
        long t5 = System.nanoTime();
        policies.savePolicyOfMyCourse(highest);
        System.out.printf("(b) policy change to HIGHEST (save + full recompute, values change): %.0f ms%n",
                (System.nanoTime() - t5) / 1e6);
        if (Boolean.getBoolean("bench.statements")) {
            statements.printSlowest(12);
        }

        // And back to "latest" (the default), so that part (c)'s new scores, the latest work, change values.
        PolicyDraft latest = new PolicyDraft(CalculationMethod.LATEST, draft.weight(), draft.times(), draft.rollUp(),
                draft.gradeMapping(), draft.gradeMaximum(), draft.gradeTable(), policies.policyOfMyCourse().revision());
        long t6 = System.nanoTime();
        policies.savePolicyOfMyCourse(latest);
        System.out.printf("(b) policy change back to LATEST (save + full recompute, values change): %.0f ms%n",
                (System.nanoTime() - t6) / 1e6);

        // (a) The mastery grid's first screen.
        Mastery mastery = app.getBean(Mastery.class);
        long unitId = unit.id();
        time("(a) mastery grid, whole class (" + students.size() + " rows x " + INDICATORS + ")", 5,
                () -> mastery.grid(unitId).rows().size());
        gridPage(mastery, unitId);

        // (c) One new score → proficiency + outbox row.
        Scoring scoring = app.getBean(Scoring.class);
        RubricVersion version = rubricOf.getFirst().current();
        long criterionId = version.criteria().getFirst().id();
        int rubricRevision = rubrics.rubric(rubricOf.getFirst().id()).revision();
        int outboxBefore = db.fetchCount(GRADEBOOK_SCORE_OUTBOX, GRADEBOOK_SCORE_OUTBOX.COURSE_ID.eq(courseId));
        statements.printSlowest(0);
        double[] ms = new double[NEW_SCORES];
        int[] counts = new int[NEW_SCORES];
        for (int k = 0; k < submitted.size(); k++) {
            long evidenceId = submitted.get(k);
            // The lowest level, the latest work: the indicator and the check-in unit's level move, so the
            // gradebook gets a row.
            ScoreDraft scoreDraft = new ScoreDraft(1, version.id(), rubricRevision, Map.of(criterionId, 0), null);
            int before = statements.count();
            long start = System.nanoTime();
            scoring.score(evidenceId, scoreDraft);
            double took = (System.nanoTime() - start) / 1e6;
            if (k >= WARM_UP) {
                ms[k - WARM_UP] = took;
                counts[k - WARM_UP] = statements.count() - before;
            }
        }
        int outboxAfter = db.fetchCount(GRADEBOOK_SCORE_OUTBOX, GRADEBOOK_SCORE_OUTBOX.COURSE_ID.eq(courseId));
        Arrays.sort(ms);
        Arrays.sort(counts);
        System.out.printf("(c) one new score -> proficiency + outbox: median %.1f ms, p95 %.1f ms, max %.1f ms over %d "
                        + "(after %d warm-up); %d statements (median); outbox rows +%d (target <= 5 ms)%n",
                ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1], ms[ms.length - 1], NEW_SCORES, WARM_UP,
                counts[counts.length / 2], outboxAfter - outboxBefore);
        if (Boolean.getBoolean("bench.statements")) {
            statements.printSlowest(40);
        }
        // The ledger's part alone, as "score -> proficiency + outbox row" reads: a new score of other students
        // is written straight into the tables (untimed, as the seed was), then their indicator, its standard
        // and both units are calculated again, in the transaction a score would have: the value changes, the
        // check-in unit's grade changes, so the audit trail and the gradebook outbox get their rows.
        // First as a school day has it: the worker (off in this bench) has long sent every earlier grade, so
        // nothing waits to be superseded. Then the same students again at once, their last grade still waiting.
        db.update(GRADEBOOK_SCORE_OUTBOX).set(GRADEBOOK_SCORE_OUTBOX.STATUS, "SENT")
                .where(GRADEBOOK_SCORE_OUTBOX.COURSE_ID.eq(courseId), GRADEBOOK_SCORE_OUTBOX.STATUS.eq("PENDING"))
                .execute();
        List<Long> ledgerStudents = students.subList(WARM_UP + NEW_SCORES, 2 * (WARM_UP + NEW_SCORES));
        LedgerPart part = new LedgerPart(db, tx, ledger, statements, evidence, history, levels, courseId, teacherId,
                unit.id(), first, firstTask, version);
        part.run("earlier grades sent (the usual case)", ledgerStudents, version.levels().getFirst(),
                firstDay.plusDays(90).atTime(9, 0));
        part.run("the last grade still waiting to be sent", ledgerStudents, version.levels().getLast(),
                firstDay.plusDays(91).atTime(9, 0));
        // The floor under (c): a transaction that writes one row (a student's proficiency lock) and commits,
        // which every score pays whatever it computes.
        double[] floorMs = new double[NEW_SCORES];
        for (int k = 0; k < WARM_UP + NEW_SCORES; k++) {
            long student = students.get(k);
            long start = System.nanoTime();
            tx.executeWithoutResult(status -> db.insertInto(cairn.schema.Tables.PROFICIENCY_LOCK)
                    .set(cairn.schema.Tables.PROFICIENCY_LOCK.COURSE_ID, courseId)
                    .set(cairn.schema.Tables.PROFICIENCY_LOCK.STUDENT_PERSON_ID, student)
                    .onDuplicateKeyUpdate().set(cairn.schema.Tables.PROFICIENCY_LOCK.STUDENT_PERSON_ID, student)
                    .execute());
            if (k >= WARM_UP) {
                floorMs[k - WARM_UP] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(floorMs);
        System.out.printf("(c) the floor: a transaction writing one row, and its commit: median %.2f ms, p95 %.2f ms%n",
                floorMs[floorMs.length / 2], floorMs[(int) Math.ceil(floorMs.length * 0.95) - 1]);
        System.out.printf("Total %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** The ledger's part of a new score, timed for a list of students, each given one new score. */
    private record LedgerPart(DSLContext db, TransactionTemplate tx, ProficiencyLedger ledger,
                              StatementCounter statements, Rows evidence, Rows history, Rows levels, long courseId,
                              long teacherId, long unitId, Unit.Target target, Unit.Assessment task,
                              RubricVersion version) {

        void run(String label, List<Long> students, RubricVersion.Level level, LocalDateTime performed) {
            long indicatorId = target.indicatorId();
            RubricVersion.Criterion criterion = version.criteria().getFirst();
            double[] ms = new double[NEW_SCORES];
            int[] counts = new int[NEW_SCORES];
            statements.printSlowest(0);
            int outboxBefore = db.fetchCount(GRADEBOOK_SCORE_OUTBOX, GRADEBOOK_SCORE_OUTBOX.COURSE_ID.eq(courseId));
            // Past the ids that earlier scores took from the tables' own sequences.
            long id = 1 + Math.max(
                    db.select(DSL.coalesce(DSL.max(EVIDENCE.ID), 0L)).from(EVIDENCE).fetchSingle().value1(),
                    db.select(DSL.coalesce(DSL.max(EVIDENCE_HISTORY.ID), 0L)).from(EVIDENCE_HISTORY).fetchSingle()
                            .value1());
            for (int k = 0; k < WARM_UP + NEW_SCORES; k++, id++) {
                long student = students.get(k);
                evidence.add(id, courseId, student, unitId, target.id(), indicatorId, task.id(),
                        task.options().getFirst().id(), AssessmentKind.SUMMATIVE.name(), task.rubricId(), task.title(),
                        "Essay", EvidenceStatus.SCORED.name(), performed.toLocalDate(), performed, null, 2, performed,
                        performed);
                evidence.flush();
                history.add(id, id, HistoryKind.SCORED.name(), teacherId, "Tess Teacher", version.id(),
                        performed.toLocalDate(), performed);
                history.flush();
                levels.add(id, criterion.id(), indicatorId, criterion.title(), level.position(), level.points(),
                        level.label(), courseId, student);
                levels.flush();
                int before = statements.count();
                long start = System.nanoTime();
                tx.executeWithoutResult(status -> ledger.recalculate(student, List.of(indicatorId)));
                if (k >= WARM_UP) {
                    ms[k - WARM_UP] = (System.nanoTime() - start) / 1e6;
                    counts[k - WARM_UP] = statements.count() - before;
                }
            }
            int outboxAfter = db.fetchCount(GRADEBOOK_SCORE_OUTBOX, GRADEBOOK_SCORE_OUTBOX.COURSE_ID.eq(courseId));
            Arrays.sort(ms);
            Arrays.sort(counts);
            System.out.printf(Locale.ROOT, "(c) a new score -> proficiency + outbox, the ledger's part (indicator, "
                            + "standard, two units, audit, outbox), %s: median %.1f ms, p95 %.1f ms, %d statements; "
                            + "outbox rows +%d (target <= 5 ms)%n", label, ms[ms.length / 2],
                    ms[(int) Math.ceil(ms.length * 0.95) - 1], counts[counts.length / 2], outboxAfter - outboxBefore);
            if (Boolean.getBoolean("bench.statements")) {
                statements.printSlowest(20);
            }
        }
    }

    /** The first page the lazy grid asks for. */
    private static void gridPage(Mastery mastery, long unitId) {
        time("(a) mastery grid, first page (" + PAGE + " rows x " + INDICATORS + ")", 20,
                () -> mastery.gridPage(unitId, 0, PAGE).rows().size());
        // What MasteryView asks for when it opens a unit: the columns, the distribution (with the class's size), the first page.
        time("(a) mastery view's first screen (columns + distribution + first page)", 20, () -> {
            mastery.gridPage(unitId, 0, 0);
            mastery.distribution(unitId);
            return mastery.gridPage(unitId, 0, PAGE).rows().size();
        });
        time("(a) a page deep in the class (offset 900)", 20, () -> mastery.gridPage(unitId, 900, PAGE).rows().size());
    }

    static void time(String what, int runs, Supplier<Integer> action) {
        double[] ms = new double[runs];
        int size = 0;
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            size = action.get();
            ms[r] = (System.nanoTime() - start) / 1e6;
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: first %.0f ms, median of %d %.0f ms (%d rows) (target <= 300 ms)%n", what,
                ms[0], runs, sorted[runs / 2], size);
    }

    /** Counts the statements jOOQ executes, added beside the listeners the application has. */
    private static final class StatementCounter implements org.jooq.ExecuteListener {
        private final java.util.concurrent.atomic.AtomicInteger executed = new java.util.concurrent.atomic.AtomicInteger();

        static StatementCounter install(DSLContext db) {
            StatementCounter counter = new StatementCounter();
            List<org.jooq.ExecuteListenerProvider> providers = new ArrayList<>(
                    Arrays.asList(db.configuration().executeListenerProviders()));
            providers.add(() -> counter);
            db.configuration().set(providers.toArray(org.jooq.ExecuteListenerProvider[]::new));
            return counter;
        }

        int count() {
            return executed.get();
        }

        private final Map<String, long[]> bySql = new java.util.concurrent.ConcurrentHashMap<>();
        private final ThreadLocal<Long> started = new ThreadLocal<>();

        @Override
        public void executeStart(org.jooq.ExecuteContext ctx) {
            executed.incrementAndGet();
            started.set(System.nanoTime());
        }

        @Override
        public void executeEnd(org.jooq.ExecuteContext ctx) {
            Long start = started.get();
            if (start == null || ctx.sql() == null) {
                return;
            }
            String sql = ctx.sql().length() > 90 ? ctx.sql().substring(0, 90) : ctx.sql();
            long[] entry = bySql.computeIfAbsent(sql, k -> new long[2]);
            synchronized (entry) {
                entry[0]++;
                entry[1] += System.nanoTime() - start;
            }
        }

        /** The statements that took longest in all, since the last call. */
        void printSlowest(int top) {
            bySql.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(top)
                    .forEach(e -> System.out.printf(Locale.ROOT, "    %6.2f ms total, %4d x, %5.3f ms each: %s%n",
                            e.getValue()[1] / 1e6, e.getValue()[0], e.getValue()[1] / 1e6 / e.getValue()[0], e.getKey()));
            bySql.clear();
        }
    }

    /** Multi-row inserts of {@value #CHUNK} rows per statement. */
    private static final class Rows {
        private final DSLContext db;
        private final Table<?> table;
        private final List<Field<?>> fields;
        private final List<Object[]> pending = new ArrayList<>();

        Rows(DSLContext db, Table<?> table, Field<?>... fields) {
            this.db = db;
            this.table = table;
            this.fields = List.of(fields);
        }

        void add(Object... values) {
            pending.add(values);
            if (pending.size() >= CHUNK) {
                flush();
            }
        }

        @SuppressWarnings("unchecked")
        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            InsertValuesStepN<Record> insert = (InsertValuesStepN<Record>) db.insertInto((Table<Record>) table, fields);
            for (Object[] row : pending) {
                insert = insert.values(row);
            }
            insert.execute();
            pending.clear();
        }
    }
}
