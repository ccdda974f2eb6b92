package app.cairn.evidence;

import static cairn.schema.Tables.EVIDENCE;
import static cairn.schema.Tables.EVIDENCE_HISTORY;
import static cairn.schema.Tables.EVIDENCE_SCORE_LEVEL;
import static cairn.schema.Tables.INDICATOR_PROFICIENCY;
import static cairn.schema.Tables.PROFICIENCY_LOCK;
import static cairn.schema.Tables.STANDARD_PROFICIENCY;
import static cairn.schema.Tables.UNIT_PROFICIENCY;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.cairn.gradebook.Gradebook;
import app.cairn.privacy.AuditKind;
import app.cairn.privacy.AuditTrail;
import app.cairn.proficiency.IndicatorProficienciesChanged;
import app.cairn.proficiency.IndicatorProficiencyChanged;
import app.cairn.proficiency.LevelView;
import app.cairn.proficiency.ProficiencyCalculator;
import app.cairn.proficiency.ProficiencyPolicy;
import app.cairn.proficiency.ProficiencyPolicyChanged;
import app.cairn.proficiency.RollUp;
import app.cairn.proficiency.ScaleView;
import app.cairn.shared.CurrentViewer;
import app.cairn.shared.Viewer;
import app.cairn.unit.AssessmentKind;
import app.cairn.unit.UnitOutline;
import app.cairn.unit.UnitStatus;
import cairn.schema.tables.records.IndicatorProficiencyRecord;
import cairn.schema.tables.records.StandardProficiencyRecord;
import cairn.schema.tables.records.UnitProficiencyRecord;

/**
 * Keeps the stored proficiency current. Whenever a teacher's action changes a student's summative
 * scores (a score, a corrected date) or the course's policy or scale changes, this recalculates, in
 * the same transaction: each affected indicator from its scores by the course's method (the
 * {@link ProficiencyCalculator}), each affected standard and unit by the course's roll-up rule, and
 * queues the unit's grade for the LMS when what the LMS shows would change. It publishes
 * {@link IndicatorProficiencyChanged} for the unit gate. A row per student in {@code
 * proficiency_lock} makes two calculations for one student run one after the other.
 */
@Component
class ProficiencyLedger {

    static final String GRADEBOOK_TAG = "cairn-unit";

    private final DSLContext db;
    private final CurrentViewer currentViewer;
    private final CourseFactsCache facts;
    private final Gradebook gradebook;
    private final ApplicationEventPublisher events;
    private final EvidenceRecords records;
    private final AuditTrail audit;

    ProficiencyLedger(DSLContext db, CurrentViewer currentViewer, CourseFactsCache facts, Gradebook gradebook,
                      ApplicationEventPublisher events, EvidenceRecords records, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
        this.currentViewer = currentViewer;
        this.facts = facts;
        this.gradebook = gradebook;
        this.events = events;
        this.records = records;
    }

    /** One summative score of an indicator, as it counts: with when the work was performed and submitted. */
    record Scored(long evidenceId, String assessmentTitle, String viaTitle, String criterionTitle, LocalDate performedOn,
                  Instant submittedAt, BigDecimal points, String levelLabel) {

        ProficiencyCalculator.Score score() {
            return new ProficiencyCalculator.Score(points.doubleValue(), performedOn, submittedAt);
        }
    }

    /**
     * One calculation's context: the teacher acting, the course's facts, and what changed on the way
     * (audit entries, gate events, grades to send), written together at the end in a few statements.
     */
    static final class CourseFacts {
        private final Viewer teacher;
        private final CourseFactsCache.Facts facts;
        private final List<AuditTrail.Change> audit = new ArrayList<>();
        private final List<IndicatorProficiencyChanged> changed = new ArrayList<>();
        private final Map<UnitOutline, List<Gradebook.PendingScore>> grades = new LinkedHashMap<>();

        CourseFacts(Viewer teacher, CourseFactsCache.Facts facts) {
            this.teacher = teacher;
            this.facts = facts;
        }

        Viewer teacher() {
            return teacher;
        }

        ProficiencyPolicy policy() {
            return facts.policy();
        }

        ScaleView scale() {
            return facts.scale();
        }

        Map<Long, Long> standardOf() {
            return facts.standardOf();
        }

        List<UnitOutline> units() {
            return facts.units();
        }
    }

    /** The scores that count for a student's indicator in the viewer's course, in the order the work was done. */
    List<Scored> scores(long courseId, long studentId, long indicatorId) {
        return scores(courseId, studentId, List.of(indicatorId)).getOrDefault(indicatorId, List.of());
    }

    /** The scores that count for some of a student's indicators, by indicator, each in the order the work was done. */
    private Map<Long, List<Scored>> scores(long courseId, long studentId, Collection<Long> indicatorIds) {
        var l = EVIDENCE_SCORE_LEVEL;
        Map<Long, List<Scored>> scored = new HashMap<>();
        eachScore(DSL.and(l.COURSE_ID.eq(courseId), l.STUDENT_PERSON_ID.eq(studentId), l.INDICATOR_ITEM_ID.in(indicatorIds)),
                0, (student, indicator, score) -> scored.computeIfAbsent(indicator, k -> new ArrayList<>()).add(score));
        scored.values().forEach(list -> list.sort(IN_ORDER_DONE));
        return scored;
    }

    private interface ScoreSink {
        void accept(long studentId, long indicatorId, Scored score);
    }

    /**
     * Every summative score that counts (not superseded) among the score levels {@code where} selects,
     * with its student and indicator; {@code fetchSize} above 0 streams a course's worth.
     */
    private void eachScore(Condition where, int fetchSize, ScoreSink sink) {
        var e = EVIDENCE;
        var h = EVIDENCE_HISTORY;
        var l = EVIDENCE_SCORE_LEVEL;
        db.select(l.STUDENT_PERSON_ID, l.INDICATOR_ITEM_ID, e.ID, e.ASSESSMENT_TITLE, e.VIA_TITLE, l.CRITERION_TITLE,
                        e.PERFORMED_ON, e.SUBMITTED_AT, e.CREATED_AT, l.POINTS, l.LEVEL_LABEL)
                .from(l).join(h).on(h.ID.eq(l.HISTORY_ID)).join(e).on(e.ID.eq(h.EVIDENCE_ID))
                .where(where, e.KIND.eq(AssessmentKind.SUMMATIVE.name()), h.KIND.eq(HistoryKind.SCORED.name()),
                        h.SUPERSEDED_AT.isNull())
                .fetchSize(fetchSize)
                .forEach(r -> {
                    LocalDateTime submitted = r.value8() != null ? r.value8() : r.value9();
                    LocalDate performed = r.value7() != null ? r.value7() : submitted.toLocalDate();
                    sink.accept(r.value1(), r.value2(), new Scored(r.value3(), r.value4(), r.value5(), r.value6(),
                            performed, submitted.toInstant(ZoneOffset.UTC), r.value10(), r.value11()));
                });
    }

    /** The course's policy, scale, indicator-to-standard map and units, as the viewer's course has them. */
    CourseFacts courseFacts() {
        Viewer teacher = currentViewer.require();
        return new CourseFacts(teacher, facts.of(teacher));
    }

    /**
     * Recalculates a student's proficiency on these indicators and everything above them (their
     * standards, the units that target them). Runs in the caller's transaction; teachers only.
     */
    void recalculate(long studentId, Collection<Long> indicatorIds) {
        recalculate(studentId, indicatorIds, List.of());
    }

    /** With the caller's own audit entries (the score itself), written in the same statement as the ledger's. */
    void recalculate(long studentId, Collection<Long> indicatorIds, List<AuditTrail.Change> alsoAudit) {
        Viewer teacher = currentViewer.requireTeacher();
        long courseId = teacher.courseId();
        lock(courseId, studentId);
        // The standards these indicators had when the facts were last read: almost always still theirs,
        // so their rows ride on the next statement; the facts it checks say whether the guess held.
        Set<Long> guessedStandards = facts.lastRead(teacher).map(f -> standardsOf(f.standardOf(), indicatorIds))
                .orElse(Set.of());
        Map<Pair, UnitProficiencyRecord> unitRows = new HashMap<>();
        Map<Pair, StandardProficiencyRecord> standardRows = new HashMap<>();
        org.jooq.Record fingerprint = unitAndStandardRowsAndFingerprint(teacher, studentId, guessedStandards,
                unitRows, standardRows);
        CourseFacts course = new CourseFacts(teacher, facts.of(teacher, fingerprint));
        course.audit.addAll(alsoAudit);
        Map<Long, IndicatorProficiencyRecord> stored = storedIndicators(courseId, studentId, indicatorIds);
        Map<Long, Optional<Double>> mine = new HashMap<>();
        stored.forEach((indicator, row) -> mine.put(indicator, Optional.ofNullable(row.getProficiency())));
        List<org.jooq.UpdatableRecord<?>> writes = new ArrayList<>();
        Map<Long, List<Scored>> scoresOf = scores(courseId, studentId, indicatorIds);
        for (Long indicator : new TreeSet<>(indicatorIds)) {
            List<Scored> scored = scoresOf.getOrDefault(indicator, List.of());
            IndicatorProficiencyRecord row = indicatorRow(course, studentId, indicator,
                    scored.stream().map(Scored::score).toList(), ScoreSeries.encode(scored), stored.get(indicator));
            if (row != null) {
                writes.add(row);
                mine.put(indicator, Optional.ofNullable(row.getProficiency()));
            }
        }
        Set<Long> missed = new TreeSet<>(standardsOf(course.standardOf(), indicatorIds));
        missed.removeAll(guessedStandards);
        if (!missed.isEmpty()) {
            db.selectFrom(STANDARD_PROFICIENCY).where(STANDARD_PROFICIENCY.COURSE_ID.eq(courseId),
                            STANDARD_PROFICIENCY.STUDENT_PERSON_ID.eq(studentId),
                            STANDARD_PROFICIENCY.STANDARD_ITEM_ID.in(missed))
                    .forEach(r -> standardRows.put(pair(studentId, r.getStandardItemId()), r));
        }
        rollUp(course, studentId, indicatorIds, mine, standardRows, unitRows, writes);
        write(writes);
        finish(course);
    }

    /**
     * The student's unit rows, their rows of {@code standardIds} and the course facts' fingerprint, in
     * one statement made after the student's lock: not in the locking statement itself, whose subqueries
     * MariaDB may evaluate before the lock is granted, while the facts must be those committed by then (a
     * policy change holds every student's lock until it commits). A one-row table joined to the rows
     * gives the fingerprint a row to ride on when the student has none yet. The two tables are joined
     * side by side, so the rows are units × standards: a score touches one standard or a few.
     */
    private org.jooq.Record unitAndStandardRowsAndFingerprint(Viewer teacher, long studentId,
                                                              Set<Long> standardIds,
                                                              Map<Pair, UnitProficiencyRecord> unitRows,
                                                              Map<Pair, StandardProficiencyRecord> standardRows) {
        var up = UNIT_PROFICIENCY;
        var sp = STANDARD_PROFICIENCY;
        List<org.jooq.Field<?>> fingerprint = facts.fingerprint(teacher);
        List<org.jooq.SelectFieldOrAsterisk> fields = new ArrayList<>(fingerprint);
        fields.addAll(List.of(up.fields()));
        org.jooq.Table<?> rows = DSL.selectOne().asTable("one")
                .leftJoin(up).on(up.COURSE_ID.eq(teacher.courseId()), up.STUDENT_PERSON_ID.eq(studentId));
        if (!standardIds.isEmpty()) {
            fields.addAll(List.of(sp.fields()));
            rows = rows.leftJoin(sp).on(sp.COURSE_ID.eq(teacher.courseId()), sp.STUDENT_PERSON_ID.eq(studentId),
                    sp.STANDARD_ITEM_ID.in(standardIds));
        }
        org.jooq.Result<org.jooq.Record> read = db.select(fields).from(rows).fetch();
        for (org.jooq.Record r : read) {
            if (r.get(up.UNIT_ID) != null) {
                unitRows.computeIfAbsent(pair(studentId, r.get(up.UNIT_ID)), k -> asFetched(r.into(up)));
            }
            if (!standardIds.isEmpty() && r.get(sp.STANDARD_ITEM_ID) != null) {
                standardRows.computeIfAbsent(pair(studentId, r.get(sp.STANDARD_ITEM_ID)), k -> asFetched(r.into(sp)));
            }
        }
        return read.getFirst().into(fingerprint.toArray(org.jooq.Field[]::new));
    }

    /** As if fetched whole: what the record holds is what the database holds, so store() writes what changes. */
    private <R extends org.jooq.UpdatableRecord<R>> R asFetched(R row) {
        row.changed(false);
        db.attach(row);
        return row;
    }

    /**
     * The student's indicator rows: every one's value (the roll-ups need them all), but the scores
     * each was calculated from, the longest column, only of those about to be calculated again.
     */
    private Map<Long, IndicatorProficiencyRecord> storedIndicators(long courseId, long studentId,
                                                                   Collection<Long> recalculated) {
        var ip = INDICATOR_PROFICIENCY;
        List<org.jooq.Field<?>> fields = new ArrayList<>(List.of(ip.fields()));
        fields.set(fields.indexOf(ip.SCORE_SERIES), DSL.when(ip.INDICATOR_ITEM_ID.in(recalculated), ip.SCORE_SERIES)
                .as(ip.SCORE_SERIES.getUnqualifiedName()));
        Map<Long, IndicatorProficiencyRecord> stored = new HashMap<>();
        db.select(fields).from(ip).where(ip.COURSE_ID.eq(courseId), ip.STUDENT_PERSON_ID.eq(studentId)).forEach(r -> {
            IndicatorProficiencyRecord row = asFetched(r.into(ip));
            stored.put(row.getIndicatorItemId(), row);
        });
        return stored;
    }

    /** The course's policy or scale changed: every student's stored proficiency is calculated again. */
    @EventListener
    void on(ProficiencyPolicyChanged change) {
        Viewer teacher = currentViewer.requireTeacher();
        if (teacher.courseId() != change.courseId()) {
            return;
        }
        recalculateCourse(change.courseId());
    }

    /**
     * Every student's stored proficiency in the viewer's course, calculated again in a few set-based
     * statements rather than a handful per student and indicator: one read of the stored rows, each
     * carrying the scores it was calculated from ({@link ScoreSeries}), the calculation in memory,
     * and multi-row writes of what changed. Only when some row has no series yet (or none is stored)
     * is every score that counts read from the evidence tables instead. The same rules as {@link
     * #recalculate} (audit and gate when an indicator changes, the gradebook when what it shows
     * changes). Runs in the caller's transaction; teachers only.
     */
    void recalculateCourse(long courseId) {
        var ip = INDICATOR_PROFICIENCY;
        Map<Long, Map<Long, IndicatorProficiencyRecord>> stored = new HashMap<>();
        boolean seriesMissing = false;
        for (IndicatorProficiencyRecord r : db.selectFrom(ip).where(ip.COURSE_ID.eq(courseId)).fetchSize(5000).fetch()) {
            stored.computeIfAbsent(r.getStudentPersonId(), k -> new HashMap<>()).put(r.getIndicatorItemId(), r);
            seriesMissing |= r.getScoreSeries() == null;
        }
        // Every score is written through recalculate, which stores its indicator's series: the stored
        // rows then cover every score there is. Without rows (or with rows from before the series),
        // the evidence tables are the only complete account.
        Map<Long, Map<Long, List<Scored>>> scored = stored.isEmpty() || seriesMissing ? scoresOfCourse(courseId) : null;
        Set<Long> students = new TreeSet<>(stored.keySet());
        if (scored != null) {
            students.addAll(scored.keySet());
        }
        if (students.isEmpty()) {
            return;
        }
        // Every student's lock first, in one order, before any gradebook row is locked: no deadlock with a score.
        lockAll(courseId, students);
        CourseFacts course = courseFacts();
        Map<Pair, StandardProficiencyRecord> standardRows = new HashMap<>();
        db.selectFrom(STANDARD_PROFICIENCY).where(STANDARD_PROFICIENCY.COURSE_ID.eq(courseId))
                .forEach(r -> standardRows.put(pair(r.getStudentPersonId(), r.getStandardItemId()), r));
        Map<Pair, UnitProficiencyRecord> unitRows = new HashMap<>();
        db.selectFrom(UNIT_PROFICIENCY).where(UNIT_PROFICIENCY.COURSE_ID.eq(courseId))
                .forEach(r -> unitRows.put(pair(r.getStudentPersonId(), r.getUnitId()), r));
        List<org.jooq.UpdatableRecord<?>> writes = new ArrayList<>();
        for (Long student : students) {
            Map<Long, IndicatorProficiencyRecord> mineStored = stored.getOrDefault(student, Map.of());
            Map<Long, List<Scored>> mineScored = scored == null ? null : scored.getOrDefault(student, Map.of());
            Set<Long> indicators = new TreeSet<>(mineStored.keySet());
            if (mineScored != null) {
                indicators.addAll(mineScored.keySet());
            }
            Map<Long, Optional<Double>> values = new HashMap<>();
            for (Long indicator : indicators) {
                IndicatorProficiencyRecord row = mineStored.get(indicator);
                IndicatorProficiencyRecord now;
                if (mineScored != null) {
                    List<Scored> list = new ArrayList<>(mineScored.getOrDefault(indicator, List.of()));
                    list.sort(IN_ORDER_DONE);
                    now = indicatorRow(course, student, indicator, list.stream().map(Scored::score).toList(),
                            ScoreSeries.encode(list), row);
                } else {
                    String series = java.util.Objects.requireNonNull(row).getScoreSeries();
                    now = indicatorRow(course, student, indicator, ScoreSeries.decode(Objects.requireNonNull(series)),
                            series, row);
                }
                if (now != null) {
                    writes.add(now);
                    values.put(indicator, Optional.ofNullable(now.getProficiency()));
                }
            }
            rollUp(course, student, indicators, values, standardRows, unitRows, writes);
        }
        write(writes);
        finish(course);
    }

    /** Every score that counts in the course, by student and indicator (not yet in order). */
    private Map<Long, Map<Long, List<Scored>>> scoresOfCourse(long courseId) {
        Map<Long, Map<Long, List<Scored>>> scored = new HashMap<>();
        eachScore(EVIDENCE.COURSE_ID.eq(courseId), 5000, (student, indicator, score) -> scored
                .computeIfAbsent(student, k -> new HashMap<>()).computeIfAbsent(indicator, k -> new ArrayList<>()).add(score));
        return scored;
    }

    private static final java.util.Comparator<Scored> IN_ORDER_DONE = java.util.Comparator.comparing(Scored::performedOn)
            .thenComparing(Scored::submittedAt).thenComparing(Scored::evidenceId);

    /**
     * Only rows whose values really changed (and new ones): a recompute that changes nothing writes
     * nothing, and updated_at keeps saying when a value last changed. New and changed rows of each
     * table go out as multi-row upserts, not a statement each.
     */
    private void write(List<org.jooq.UpdatableRecord<?>> writes) {
        Map<org.jooq.Table<?>, List<org.jooq.UpdatableRecord<?>>> byTable = new LinkedHashMap<>();
        for (org.jooq.UpdatableRecord<?> row : writes) {
            if (keepRealChanges(row)) {
                byTable.computeIfAbsent(row.getTable(), k -> new ArrayList<>()).add(row);
            }
        }
        byTable.forEach((table, rows) -> {
            if (rows.size() == 1) {
                rows.getFirst().store();
            } else {
                upsert(table, rows);
            }
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void upsert(org.jooq.Table<?> table, List<org.jooq.UpdatableRecord<?>> rows) {
        org.jooq.Field<?>[] fields = table.fields();
        for (int from = 0; from < rows.size(); from += UPSERT_ROWS) {
            org.jooq.InsertValuesStepN insert = db.insertInto((org.jooq.Table) table, fields);
            for (org.jooq.UpdatableRecord<?> row : rows.subList(from, Math.min(rows.size(), from + UPSERT_ROWS))) {
                insert = insert.values(row.intoArray());
            }
            Map<org.jooq.Field<?>, org.jooq.Field<?>> set = new LinkedHashMap<>();
            for (org.jooq.Field<?> field : fields) {
                set.put(field, DSL.excluded(field));
            }
            insert.onDuplicateKeyUpdate().set(set).execute();
        }
    }

    private static final int UPSERT_ROWS = 1000;

    /** The audit entries, gate events and grades the calculation collected, each kind in a few statements. */
    private void finish(CourseFacts course) {
        long courseId = course.teacher().courseId();
        audit.recordAll(course.audit);
        if (!course.changed.isEmpty()) {
            events.publishEvent(new IndicatorProficienciesChanged(courseId, course.teacher().personId(), course.changed));
        }
        if (!course.grades.isEmpty()) {
            gradebook.recordScores(course.grades.entrySet().stream().map(e -> new Gradebook.ItemScores(
                    e.getKey().gradebookResourceId(), new Gradebook.NewItem(e.getKey().title(),
                    e.getValue().getFirst().scoreMaximum(), GRADEBOOK_TAG), e.getValue())).toList());
        }
    }

    /** Unmarks fields set to the value they had; true when any other than updated_at still differs. */
    private static boolean keepRealChanges(org.jooq.UpdatableRecord<?> row) {
        org.jooq.Field<?> updatedAt = row.field("updated_at");
        boolean any = false;
        for (org.jooq.Field<?> field : row.fields()) {
            if (field.equals(updatedAt)) {
                continue;
            }
            if (row.changed(field) && Objects.equals(row.get(field), row.original(field))) {
                row.changed(field, false);
            }
            any |= row.changed(field);
        }
        if (!any && updatedAt != null) {
            row.changed(updatedAt, false);
        }
        return any;
    }

    /** A stored row's key within the course: the student and the standard or unit. */
    private record Pair(long student, long other) {
    }

    private static Pair pair(long student, long other) {
        return new Pair(student, other);
    }

    private void lockAll(long courseId, Collection<Long> studentIds) {
        var insert = db.insertInto(PROFICIENCY_LOCK, PROFICIENCY_LOCK.COURSE_ID, PROFICIENCY_LOCK.STUDENT_PERSON_ID);
        for (Long student : studentIds) {
            insert = insert.values(courseId, student);
        }
        insert.onDuplicateKeyIgnore().execute();
        db.selectFrom(PROFICIENCY_LOCK).where(PROFICIENCY_LOCK.COURSE_ID.eq(courseId),
                        PROFICIENCY_LOCK.STUDENT_PERSON_ID.in(studentIds))
                .orderBy(PROFICIENCY_LOCK.STUDENT_PERSON_ID).forUpdate().fetch();
    }

    /** One statement: an upsert that meets an existing row takes its exclusive lock until commit. */
    private void lock(long courseId, long studentId) {
        db.insertInto(PROFICIENCY_LOCK).set(PROFICIENCY_LOCK.COURSE_ID, courseId)
                .set(PROFICIENCY_LOCK.STUDENT_PERSON_ID, studentId)
                .onDuplicateKeyUpdate().set(PROFICIENCY_LOCK.STUDENT_PERSON_ID, studentId).execute();
    }

    /**
     * The indicator's row as it should be now (not yet stored), or {@code null} when there is neither
     * a row nor a score. Collects the audit entry and the gate event when the value changes.
     */
    private @Nullable IndicatorProficiencyRecord indicatorRow(CourseFacts course, long studentId, long indicatorId,
                                                              List<ProficiencyCalculator.Score> scores, String series,
                                                              @Nullable IndicatorProficiencyRecord row) {
        long courseId = course.teacher().courseId();
        if (row == null && scores.isEmpty()) {
            return null;
        }
        ProficiencyCalculator.Result result = ProficiencyCalculator.calculate(scores,
                course.policy().calculation(course.scale()));
        Double value = result.value().orElse(null);
        boolean mastery = value != null && course.scale().reachesMastery(value);
        boolean changed = row == null || !Objects.equals(row.getProficiency(), value) || row.getMastery() != mastery;
        String before = row == null ? null : describe(row.getLevelLabel(), row.getProficiency());
        if (row == null) {
            row = db.newRecord(INDICATOR_PROFICIENCY);
            row.setCourseId(courseId);
            row.setStudentPersonId(studentId);
            row.setIndicatorItemId(indicatorId);
        }
        LevelView level = value == null ? null : course.scale().levelFor(value);
        row.setProficiency(value);
        row.setLevelPosition(level == null ? null : level.position());
        row.setLevelLabel(level == null ? null : level.label());
        row.setMastery(mastery);
        row.setScoreCount(scores.size());
        row.setMethod(course.policy().method().name());
        row.setScoreSeries(series);
        row.setUpdatedAt(records.now());
        if (changed) {
            course.audit.add(new AuditTrail.Change(courseId, studentId, AuditKind.PROFICIENCY, indicatorLabel(course, indicatorId),
                    before, describe(row.getLevelLabel(), value)));
            course.changed.add(new IndicatorProficiencyChanged(courseId, studentId, indicatorId, value, mastery,
                    course.teacher().personId()));
        }
        return row;
    }

    /** "Proficient (3.25)": the level and the value, as teachers read the audit trail. */
    private static @Nullable String describe(@Nullable String label, @Nullable Double value) {
        if (value == null) {
            return null;
        }
        return (label == null ? "" : label + " ") + "(" + String.format(java.util.Locale.ROOT, "%.2f", value) + ")";
    }

    private static String indicatorLabel(CourseFacts course, long indicatorId) {
        return course.facts.labels().getOrDefault(indicatorId, "#" + indicatorId);
    }

    /** The standards these indicators belong to, in id order. */
    private static Set<Long> standardsOf(Map<Long, Long> standardOf, Collection<Long> indicatorIds) {
        Set<Long> standardIds = new TreeSet<>();
        for (Long indicator : indicatorIds) {
            Long standard = standardOf.get(indicator);
            if (standard != null) {
                standardIds.add(standard);
            }
        }
        return standardIds;
    }

    /** The rolled-up rows of a student: stored ones come from the maps, the rows to write go to {@code writes}. */
    private void rollUp(CourseFacts course, long studentId, Collection<Long> indicatorIds,
                        Map<Long, Optional<Double>> mine, Map<Pair, StandardProficiencyRecord> standardRows,
                        Map<Pair, UnitProficiencyRecord> unitRows, List<org.jooq.UpdatableRecord<?>> writes) {
        // Standards: each over the course's indicators of it (unit targets, and any with a proficiency).
        Set<Long> targeted = course.facts.targeted();
        Set<Long> standardIds = standardsOf(course.standardOf(), indicatorIds);
        for (Long standard : standardIds) {
            Set<Long> parts = new TreeSet<>();
            course.standardOf().forEach((indicator, s) -> {
                if (s.equals(standard) && (targeted.contains(indicator) || mine.containsKey(indicator))) {
                    parts.add(indicator);
                }
            });
            writes.add(standard(course, studentId, standard,
                    parts.stream().map(i -> mine.getOrDefault(i, Optional.empty())).toList(),
                    standardRows.get(pair(studentId, standard))));
        }
        for (UnitOutline unit : course.units()) {
            if (unit.indicatorIds().stream().anyMatch(indicatorIds::contains)) {
                writes.add(unit(course, studentId, unit, mine, unitRows.get(pair(studentId, unit.id()))));
            }
        }
    }

    private StandardProficiencyRecord standard(CourseFacts course, long studentId, long standardId,
                                               List<Optional<Double>> parts, @Nullable StandardProficiencyRecord row) {
        long courseId = course.teacher().courseId();
        Double value = RollUp.combine(course.policy().rollUp(), parts, course.scale()).orElse(null);
        if (row == null) {
            row = db.newRecord(STANDARD_PROFICIENCY);
            row.setCourseId(courseId);
            row.setStudentPersonId(studentId);
            row.setStandardItemId(standardId);
        }
        LevelView level = value == null ? null : course.scale().levelFor(value);
        row.setProficiency(value);
        row.setLevelPosition(level == null ? null : level.position());
        row.setLevelLabel(level == null ? null : level.label());
        row.setMastery(value != null && course.scale().reachesMastery(value));
        row.setIndicatorsAssessed((int) parts.stream().filter(Optional::isPresent).count());
        row.setRollup(course.policy().rollUp().name());
        row.setUpdatedAt(records.now());
        return row;
    }

    /**
     * Indicators to their standards, standards to the unit; then the unit's grade is queued for the
     * gradebook outbox (sent by its worker), if what the LMS shows would change. The unit's column is
     * the gradebook item with the unit's resource id: one made by a deep-linked placement is used as
     * it is; otherwise one is defined, named after the unit.
     */
    private UnitProficiencyRecord unit(CourseFacts course, long studentId, UnitOutline unit,
                                       Map<Long, Optional<Double>> mine, @Nullable UnitProficiencyRecord row) {
        long courseId = course.teacher().courseId();
        Map<Long, List<Optional<Double>>> groups = new LinkedHashMap<>();
        List<Long> indicators = unit.indicatorIds().stream().distinct().toList();
        for (Long indicator : indicators) {
            // An indicator outside any standard is a group of its own (keyed negatively, apart from standard ids).
            long group = course.standardOf().getOrDefault(indicator, -indicator);
            groups.computeIfAbsent(group, k -> new ArrayList<>()).add(mine.getOrDefault(indicator, Optional.empty()));
        }
        List<Optional<Double>> standardValues = groups.values().stream()
                .map(parts -> RollUp.combine(course.policy().rollUp(), parts, course.scale())).toList();
        Double value = RollUp.combine(course.policy().rollUp(), standardValues, course.scale()).orElse(null);
        if (row == null) {
            row = db.newRecord(UNIT_PROFICIENCY);
            row.setUnitId(unit.id());
            row.setStudentPersonId(studentId);
            row.setCourseId(courseId);
        }
        LevelView level = value == null ? null : course.scale().levelFor(value);
        row.setProficiency(value);
        row.setLevelPosition(level == null ? null : level.position());
        row.setLevelLabel(level == null ? null : level.label());
        row.setMastery(value != null && course.scale().reachesMastery(value));
        row.setIndicatorsAssessed((int) indicators.stream().filter(i -> mine.getOrDefault(i, Optional.empty()).isPresent())
                .count());
        row.setIndicatorsTotal(indicators.size());
        row.setRollup(course.policy().rollUp().name());
        row.setUpdatedAt(records.now());
        if (level != null && unit.status() == UnitStatus.PUBLISHED) {
            double score = course.policy().gradeFor(level, course.scale());
            double maximum = course.policy().gradeMaximum();
            if (!Objects.equals(row.getGradeScore(), score) || !Objects.equals(row.getGradeMaximum(), maximum)
                    || !Objects.equals(row.getGradeLabel(), level.label())) {
                course.grades.computeIfAbsent(unit, k -> new ArrayList<>())
                        .add(new Gradebook.PendingScore(studentId, score, maximum, level.label()));
                row.setGradeScore(score);
                row.setGradeMaximum(maximum);
                row.setGradeLabel(level.label());
            }
        }
        return row;
    }
}
