package app.cairn.evidence;

import static cairn.schema.Tables.EVIDENCE;
import static cairn.schema.Tables.EVIDENCE_HISTORY;
import static cairn.schema.Tables.EVIDENCE_SCORE_LEVEL;
import static cairn.schema.Tables.INDICATOR_PROFICIENCY;
import static cairn.schema.Tables.PROFICIENCY_LOCK;
import static cairn.schema.Tables.STANDARD_ITEM;
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

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.cairn.gradebook.Gradebook;
import app.cairn.privacy.AuditKind;
import app.cairn.privacy.AuditTrail;
import app.cairn.proficiency.IndicatorProficiencyChanged;
import app.cairn.proficiency.LevelView;
import app.cairn.proficiency.ProficiencyCalculator;
import app.cairn.proficiency.ProficiencyPolicies;
import app.cairn.proficiency.ProficiencyPolicy;
import app.cairn.proficiency.ProficiencyPolicyChanged;
import app.cairn.proficiency.ProficiencyScales;
import app.cairn.proficiency.RollUp;
import app.cairn.proficiency.ScaleView;
import app.cairn.shared.CurrentViewer;
import app.cairn.shared.Viewer;
import app.cairn.standards.Level;
import app.cairn.standards.StandardItem;
import app.cairn.standards.StandardsFramework;
import app.cairn.standards.StandardsLibrary;
import app.cairn.unit.AssessmentKind;
import app.cairn.unit.UnitOutline;
import app.cairn.unit.UnitStatus;
import app.cairn.unit.Units;
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
    private final ProficiencyPolicies policies;
    private final ProficiencyScales scales;
    private final StandardsLibrary standards;
    private final Units units;
    private final Gradebook gradebook;
    private final ApplicationEventPublisher events;
    private final EvidenceRecords records;

    private final AuditTrail audit;

    ProficiencyLedger(DSLContext db, CurrentViewer currentViewer, ProficiencyPolicies policies, ProficiencyScales scales,
                      StandardsLibrary standards, Units units, Gradebook gradebook, ApplicationEventPublisher events,
                      EvidenceRecords records, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
        this.currentViewer = currentViewer;
        this.policies = policies;
        this.scales = scales;
        this.standards = standards;
        this.units = units;
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

    /** What every calculation of the course needs, read once. */
    record CourseFacts(Viewer teacher, ProficiencyPolicy policy, ScaleView scale, Map<Long, Long> standardOf,
                       List<UnitOutline> units) {
    }

    /** The scores that count for a student's indicator in the viewer's course, in the order the work was done. */
    List<Scored> scores(long courseId, long studentId, long indicatorId) {
        var e = EVIDENCE;
        var h = EVIDENCE_HISTORY;
        var l = EVIDENCE_SCORE_LEVEL;
        return db.select(e.ID, e.ASSESSMENT_TITLE, e.VIA_TITLE, l.CRITERION_TITLE, e.PERFORMED_ON, e.SUBMITTED_AT,
                        e.CREATED_AT, l.POINTS, l.LEVEL_LABEL)
                .from(l).join(h).on(h.ID.eq(l.HISTORY_ID)).join(e).on(e.ID.eq(h.EVIDENCE_ID))
                .where(e.COURSE_ID.eq(courseId), e.STUDENT_PERSON_ID.eq(studentId), e.KIND.eq(AssessmentKind.SUMMATIVE.name()),
                        l.INDICATOR_ITEM_ID.eq(indicatorId), h.KIND.eq(HistoryKind.SCORED.name()), h.SUPERSEDED_AT.isNull())
                .fetch(r -> {
                    LocalDateTime submitted = r.value6() != null ? r.value6() : r.value7();
                    LocalDate performed = r.value5() != null ? r.value5() : submitted.toLocalDate();
                    return new Scored(r.value1(), r.value2(), r.value3(), r.value4(), performed,
                            submitted.toInstant(ZoneOffset.UTC), r.value8(), r.value9());
                }).stream()
                .sorted(java.util.Comparator.comparing(Scored::performedOn).thenComparing(Scored::submittedAt)
                        .thenComparing(Scored::evidenceId))
                .toList();
    }

    /** The course's policy, scale, indicator-to-standard map and units, as the viewer's course has them. */
    CourseFacts courseFacts() {
        Viewer teacher = currentViewer.require();
        ScaleView scale = scales.scaleOfMyCourse();
        ProficiencyPolicy policy = policies.policyOfMyCourse();
        Map<Long, StandardItem> items = new HashMap<>();
        for (StandardsFramework framework : standards.frameworks()) {
            standards.items(framework.id(), true).forEach(item -> items.put(item.id(), item));
        }
        Map<Long, Long> standardOf = new HashMap<>();
        for (StandardItem item : items.values()) {
            if (item.level() != Level.INDICATOR) {
                continue;
            }
            StandardItem up = item;
            Set<Long> seen = new HashSet<>();
            while (up != null && up.level() != Level.STANDARD && up.parentId() != null && seen.add(up.id())) {
                up = items.get(up.parentId());
            }
            if (up != null && up.level() == Level.STANDARD) {
                standardOf.put(item.id(), up.id());
            }
        }
        return new CourseFacts(teacher, policy, scale, standardOf, units.outlines());
    }

    /**
     * Recalculates a student's proficiency on these indicators and everything above them (their
     * standards, the units that target them). Runs in the caller's transaction; teachers only.
     */
    void recalculate(long studentId, Collection<Long> indicatorIds) {
        Viewer teacher = currentViewer.requireTeacher();
        lock(teacher.courseId(), List.of(studentId));
        CourseFacts course = courseFacts();
        for (Long indicator : new TreeSet<>(indicatorIds)) {
            indicator(course, studentId, indicator);
        }
        rollUp(course, studentId, indicatorIds);
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
     * statements rather than a handful per student and indicator: one read of every score that
     * counts, one of the stored rows, the calculation in memory, and batched writes. The same rules
     * as {@link #recalculate} (audit and event when an indicator changes, the gradebook when what it
     * shows changes). Runs in the caller's transaction; teachers only.
     */
    void recalculateCourse(long courseId) {
        var e = EVIDENCE;
        var h = EVIDENCE_HISTORY;
        var l = EVIDENCE_SCORE_LEVEL;
        var ip = INDICATOR_PROFICIENCY;
        Map<Long, Map<Long, List<Scored>>> scored = new java.util.TreeMap<>();
        db.select(e.STUDENT_PERSON_ID, l.INDICATOR_ITEM_ID, e.ID, e.ASSESSMENT_TITLE, e.VIA_TITLE, l.CRITERION_TITLE,
                        e.PERFORMED_ON, e.SUBMITTED_AT, e.CREATED_AT, l.POINTS, l.LEVEL_LABEL)
                .from(l).join(h).on(h.ID.eq(l.HISTORY_ID)).join(e).on(e.ID.eq(h.EVIDENCE_ID))
                .where(e.COURSE_ID.eq(courseId), e.KIND.eq(AssessmentKind.SUMMATIVE.name()),
                        h.KIND.eq(HistoryKind.SCORED.name()), h.SUPERSEDED_AT.isNull())
                .fetchSize(5000)
                .forEach(r -> {
                    LocalDateTime submitted = r.value8() != null ? r.value8() : r.value9();
                    LocalDate performed = r.value7() != null ? r.value7() : submitted.toLocalDate();
                    scored.computeIfAbsent(r.value1(), k -> new HashMap<>())
                            .computeIfAbsent(r.value2(), k -> new ArrayList<>())
                            .add(new Scored(r.value3(), r.value4(), r.value5(), r.value6(), performed,
                                    submitted.toInstant(ZoneOffset.UTC), r.value10(), r.value11()));
                });
        Map<Long, Map<Long, IndicatorProficiencyRecord>> stored = new HashMap<>();
        db.selectFrom(ip).where(ip.COURSE_ID.eq(courseId))
                .forEach(r -> stored.computeIfAbsent(r.getStudentPersonId(), k -> new HashMap<>())
                        .put(r.getIndicatorItemId(), r));
        Set<Long> students = new TreeSet<>(scored.keySet());
        students.addAll(stored.keySet());
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
            Map<Long, List<Scored>> mineScored = scored.getOrDefault(student, Map.of());
            Map<Long, IndicatorProficiencyRecord> mineStored = stored.getOrDefault(student, Map.of());
            Set<Long> indicators = new TreeSet<>(mineScored.keySet());
            indicators.addAll(mineStored.keySet());
            Map<Long, Optional<Double>> values = new HashMap<>();
            for (Long indicator : indicators) {
                List<Scored> list = new ArrayList<>(mineScored.getOrDefault(indicator, List.of()));
                list.sort(java.util.Comparator.comparing(Scored::performedOn).thenComparing(Scored::submittedAt)
                        .thenComparing(Scored::evidenceId));
                IndicatorProficiencyRecord row = indicatorRow(course, student, indicator, list,
                        mineStored.get(indicator));
                if (row != null) {
                    writes.add(row);
                    values.put(indicator, Optional.ofNullable(row.getProficiency()));
                }
            }
            rollUp(course, student, indicators, values, standardRows, unitRows, writes);
        }
        // Only rows whose values really changed (and new ones), in JDBC batches: a recompute that changes
        // nothing writes nothing, and updated_at keeps saying when a value last changed.
        List<org.jooq.UpdatableRecord<?>> changed = writes.stream().filter(ProficiencyLedger::keepRealChanges).toList();
        if (!changed.isEmpty()) {
            db.batchStore(changed).execute();
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

    private void lock(long courseId, Collection<Long> studentIds) {
        for (Long student : new TreeSet<>(studentIds)) {
            db.insertInto(PROFICIENCY_LOCK).set(PROFICIENCY_LOCK.COURSE_ID, courseId)
                    .set(PROFICIENCY_LOCK.STUDENT_PERSON_ID, student).onDuplicateKeyIgnore().execute();
            db.selectFrom(PROFICIENCY_LOCK).where(PROFICIENCY_LOCK.COURSE_ID.eq(courseId),
                    PROFICIENCY_LOCK.STUDENT_PERSON_ID.eq(student)).forUpdate().fetchSingle();
        }
    }

    private void indicator(CourseFacts course, long studentId, long indicatorId) {
        long courseId = course.teacher().courseId();
        IndicatorProficiencyRecord row = indicatorRow(course, studentId, indicatorId,
                scores(courseId, studentId, indicatorId),
                db.selectFrom(INDICATOR_PROFICIENCY).where(INDICATOR_PROFICIENCY.COURSE_ID.eq(courseId),
                        INDICATOR_PROFICIENCY.STUDENT_PERSON_ID.eq(studentId),
                        INDICATOR_PROFICIENCY.INDICATOR_ITEM_ID.eq(indicatorId)).fetchOne());
        if (row != null) {
            row.store();
        }
    }

    /**
     * The indicator's row as it should be now (not yet stored), or {@code null} when there is neither
     * a row nor a score. Records the audit entry and publishes the event when the value changes.
     */
    private @Nullable IndicatorProficiencyRecord indicatorRow(CourseFacts course, long studentId, long indicatorId,
                                                              List<Scored> scored,
                                                              @Nullable IndicatorProficiencyRecord row) {
        long courseId = course.teacher().courseId();
        ProficiencyCalculator.Result result = ProficiencyCalculator.calculate(
                scored.stream().map(Scored::score).toList(), course.policy().calculation(course.scale()));
        Double value = result.value().orElse(null);
        boolean mastery = value != null && course.scale().reachesMastery(value);
        if (row == null && scored.isEmpty()) {
            return null;
        }
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
        row.setScoreCount(scored.size());
        row.setMethod(course.policy().method().name());
        row.setUpdatedAt(records.now());
        if (changed) {
            audit.record(courseId, studentId, AuditKind.PROFICIENCY, indicatorLabel(indicatorId), before,
                    describe(row.getLevelLabel(), value));
            events.publishEvent(new IndicatorProficiencyChanged(courseId, studentId, indicatorId, value, mastery,
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

    private String indicatorLabel(long indicatorId) {
        var item = db.select(STANDARD_ITEM.CODE, STANDARD_ITEM.STATEMENT).from(STANDARD_ITEM)
                .where(STANDARD_ITEM.ID.eq(indicatorId)).fetchOne();
        if (item == null) {
            return "#" + indicatorId;
        }
        return item.value1() == null ? item.value2() : item.value1() + " " + item.value2();
    }

    private void rollUp(CourseFacts course, long studentId, Collection<Long> indicatorIds) {
        long courseId = course.teacher().courseId();
        Map<Long, Optional<Double>> mine = new HashMap<>();
        db.select(INDICATOR_PROFICIENCY.INDICATOR_ITEM_ID, INDICATOR_PROFICIENCY.PROFICIENCY).from(INDICATOR_PROFICIENCY)
                .where(INDICATOR_PROFICIENCY.COURSE_ID.eq(courseId), INDICATOR_PROFICIENCY.STUDENT_PERSON_ID.eq(studentId))
                .forEach(r -> mine.put(r.value1(), Optional.ofNullable(r.value2())));
        rollUp(course, studentId, indicatorIds, mine,
                standardId -> db.selectFrom(STANDARD_PROFICIENCY).where(STANDARD_PROFICIENCY.COURSE_ID.eq(courseId),
                        STANDARD_PROFICIENCY.STUDENT_PERSON_ID.eq(studentId),
                        STANDARD_PROFICIENCY.STANDARD_ITEM_ID.eq(standardId)).fetchOne(),
                unitId -> db.selectFrom(UNIT_PROFICIENCY).where(UNIT_PROFICIENCY.UNIT_ID.eq(unitId),
                        UNIT_PROFICIENCY.STUDENT_PERSON_ID.eq(studentId)).fetchOne(),
                org.jooq.UpdatableRecord::store);
    }

    /** The batch form: stored rows come from maps read beforehand, and the rows to write go to {@code writes}. */
    private void rollUp(CourseFacts course, long studentId, Collection<Long> indicatorIds,
                        Map<Long, Optional<Double>> mine, Map<Pair, StandardProficiencyRecord> standardRows,
                        Map<Pair, UnitProficiencyRecord> unitRows, List<org.jooq.UpdatableRecord<?>> writes) {
        rollUp(course, studentId, indicatorIds, mine, standardId -> standardRows.get(pair(studentId, standardId)),
                unitId -> unitRows.get(pair(studentId, unitId)), writes::add);
    }

    private void rollUp(CourseFacts course, long studentId, Collection<Long> indicatorIds,
                        Map<Long, Optional<Double>> mine,
                        java.util.function.Function<Long, @Nullable StandardProficiencyRecord> storedStandard,
                        java.util.function.Function<Long, @Nullable UnitProficiencyRecord> storedUnit,
                        java.util.function.Consumer<org.jooq.UpdatableRecord<?>> write) {
        // Standards: each over the course's indicators of it (unit targets, and any with a proficiency).
        Set<Long> targeted = new HashSet<>();
        course.units().forEach(u -> targeted.addAll(u.indicatorIds()));
        Set<Long> standardIds = new TreeSet<>();
        indicatorIds.forEach(i -> {
            Long standard = course.standardOf().get(i);
            if (standard != null) {
                standardIds.add(standard);
            }
        });
        for (Long standard : standardIds) {
            Set<Long> parts = new TreeSet<>();
            course.standardOf().forEach((indicator, s) -> {
                if (s.equals(standard) && (targeted.contains(indicator) || mine.containsKey(indicator))) {
                    parts.add(indicator);
                }
            });
            standard(course, studentId, standard, parts.stream().map(i -> mine.getOrDefault(i, Optional.empty())).toList(),
                    storedStandard.apply(standard), write);
        }
        for (UnitOutline unit : course.units()) {
            if (unit.indicatorIds().stream().anyMatch(indicatorIds::contains)) {
                unit(course, studentId, unit, mine, storedUnit.apply(unit.id()), write);
            }
        }
    }

    private void standard(CourseFacts course, long studentId, long standardId, List<Optional<Double>> parts,
                          @Nullable StandardProficiencyRecord row,
                          java.util.function.Consumer<org.jooq.UpdatableRecord<?>> write) {
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
        write.accept(row);
    }

    /** Indicators to their standards, standards to the unit; then the gradebook, if what it shows changes. */
    private void unit(CourseFacts course, long studentId, UnitOutline unit, Map<Long, Optional<Double>> mine,
                      @Nullable UnitProficiencyRecord row, java.util.function.Consumer<org.jooq.UpdatableRecord<?>> write) {
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
                send(unit, studentId, score, maximum, level.label());
                row.setGradeScore(score);
                row.setGradeMaximum(maximum);
                row.setGradeLabel(level.label());
            }
        }
        write.accept(row);
    }

    /**
     * Queues the unit's grade in the gradebook outbox (sent by its worker). The unit's column is the
     * gradebook item with the unit's resource id: one made by a deep-linked placement is used as it
     * is; otherwise one is defined, named after the unit.
     */
    private void send(UnitOutline unit, long studentId, double score, double maximum, @Nullable String label) {
        String resourceId = unit.gradebookResourceId();
        if (!gradebook.hasItem(resourceId)) {
            gradebook.defineItem(resourceId, unit.title(), maximum, GRADEBOOK_TAG);
        }
        gradebook.recordScore(resourceId, studentId, score, maximum, label);
    }
}
