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
        long courseId = change.courseId();
        Map<Long, Set<Long>> byStudent = new java.util.TreeMap<>();
        db.selectDistinct(EVIDENCE.STUDENT_PERSON_ID, EVIDENCE_SCORE_LEVEL.INDICATOR_ITEM_ID).from(EVIDENCE_SCORE_LEVEL)
                .join(EVIDENCE_HISTORY).on(EVIDENCE_HISTORY.ID.eq(EVIDENCE_SCORE_LEVEL.HISTORY_ID))
                .join(EVIDENCE).on(EVIDENCE.ID.eq(EVIDENCE_HISTORY.EVIDENCE_ID))
                .where(EVIDENCE.COURSE_ID.eq(courseId))
                .forEach(r -> byStudent.computeIfAbsent(r.value1(), k -> new TreeSet<>()).add(r.value2()));
        db.select(INDICATOR_PROFICIENCY.STUDENT_PERSON_ID, INDICATOR_PROFICIENCY.INDICATOR_ITEM_ID)
                .from(INDICATOR_PROFICIENCY).where(INDICATOR_PROFICIENCY.COURSE_ID.eq(courseId))
                .forEach(r -> byStudent.computeIfAbsent(r.value1(), k -> new TreeSet<>()).add(r.value2()));
        if (byStudent.isEmpty()) {
            return;
        }
        // Every student's lock first, in one order, before any gradebook row is locked: no deadlock with a score.
        lock(courseId, byStudent.keySet());
        CourseFacts course = courseFacts();
        byStudent.forEach((student, indicators) -> {
            indicators.forEach(indicator -> indicator(course, student, indicator));
            rollUp(course, student, indicators);
        });
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
        List<Scored> scored = scores(courseId, studentId, indicatorId);
        ProficiencyCalculator.Result result = ProficiencyCalculator.calculate(
                scored.stream().map(Scored::score).toList(), course.policy().calculation(course.scale()));
        Double value = result.value().orElse(null);
        boolean mastery = value != null && course.scale().reachesMastery(value);
        IndicatorProficiencyRecord row = db.selectFrom(INDICATOR_PROFICIENCY)
                .where(INDICATOR_PROFICIENCY.COURSE_ID.eq(courseId), INDICATOR_PROFICIENCY.STUDENT_PERSON_ID.eq(studentId),
                        INDICATOR_PROFICIENCY.INDICATOR_ITEM_ID.eq(indicatorId)).fetchOne();
        if (row == null && scored.isEmpty()) {
            return;
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
        row.store();
        if (changed) {
            audit.record(courseId, studentId, AuditKind.PROFICIENCY, indicatorLabel(indicatorId), before,
                    describe(row.getLevelLabel(), value));
            events.publishEvent(new IndicatorProficiencyChanged(courseId, studentId, indicatorId, value, mastery,
                    course.teacher().personId()));
        }
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
            standard(course, studentId, standard, parts.stream().map(i -> mine.getOrDefault(i, Optional.empty())).toList());
        }
        for (UnitOutline unit : course.units()) {
            if (unit.indicatorIds().stream().anyMatch(indicatorIds::contains)) {
                unit(course, studentId, unit, mine);
            }
        }
    }

    private void standard(CourseFacts course, long studentId, long standardId, List<Optional<Double>> parts) {
        long courseId = course.teacher().courseId();
        Double value = RollUp.combine(course.policy().rollUp(), parts, course.scale()).orElse(null);
        StandardProficiencyRecord row = db.selectFrom(STANDARD_PROFICIENCY)
                .where(STANDARD_PROFICIENCY.COURSE_ID.eq(courseId), STANDARD_PROFICIENCY.STUDENT_PERSON_ID.eq(studentId),
                        STANDARD_PROFICIENCY.STANDARD_ITEM_ID.eq(standardId)).fetchOne();
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
        row.store();
    }

    /** Indicators to their standards, standards to the unit; then the gradebook, if what it shows changes. */
    private void unit(CourseFacts course, long studentId, UnitOutline unit, Map<Long, Optional<Double>> mine) {
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
        UnitProficiencyRecord row = db.selectFrom(UNIT_PROFICIENCY)
                .where(UNIT_PROFICIENCY.UNIT_ID.eq(unit.id()), UNIT_PROFICIENCY.STUDENT_PERSON_ID.eq(studentId)).fetchOne();
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
        row.store();
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
