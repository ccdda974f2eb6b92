package app.cairn.proficiency;

import static cairn.schema.Tables.PROFICIENCY_GRADE_ROW;
import static cairn.schema.Tables.PROFICIENCY_POLICY;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.cairn.shared.CurrentViewer;
import app.cairn.shared.Viewer;
import cairn.schema.tables.records.ProficiencyPolicyRecord;

/**
 * The course's proficiency policy: how summative scores become proficiency (a
 * {@link CalculationMethod} and its parameter), how indicators roll up to standards and units
 * ({@link RollUpRule}), and how a level becomes gradebook points ({@link GradeMapping}). A course
 * without a saved policy uses {@link ProficiencyPolicy#defaults()}. Every method finds the course
 * from the server-side session.
 */
@Service
public class ProficiencyPolicies {

    static final int MAX_TIMES = 20;
    static final double MAX_GRADE = 100_000;

    private final DSLContext db;
    private final Clock clock;
    private final CurrentViewer currentViewer;
    private final ProficiencyScales scales;
    private final ApplicationEventPublisher events;

    ProficiencyPolicies(DSLContext db, Clock clock, CurrentViewer currentViewer, ProficiencyScales scales,
                        ApplicationEventPublisher events) {
        this.db = db;
        this.clock = clock;
        this.currentViewer = currentViewer;
        this.scales = scales;
        this.events = events;
    }

    /** The policy of the viewer's course (anyone of the course: students may see how they are scored). */
    @Transactional(readOnly = true)
    public ProficiencyPolicy policyOfMyCourse() {
        Viewer viewer = currentViewer.require();
        ProficiencyPolicyRecord policy = db.selectFrom(PROFICIENCY_POLICY)
                .where(PROFICIENCY_POLICY.COURSE_ID.eq(viewer.courseId())).fetchOne();
        if (policy == null) {
            return ProficiencyPolicy.defaults();
        }
        Map<BigDecimal, Double> table = new HashMap<>();
        db.selectFrom(PROFICIENCY_GRADE_ROW).where(PROFICIENCY_GRADE_ROW.COURSE_ID.eq(viewer.courseId()))
                .forEach(row -> table.put(row.getLevelPoints(), row.getGradePoints()));
        return new ProficiencyPolicy(CalculationMethod.valueOf(policy.getMethod()), policy.getWeight(),
                policy.getTimes(), RollUpRule.valueOf(policy.getRollup()), GradeMapping.valueOf(policy.getGradeMapping()),
                policy.getGradeMaximum(), table, policy.getRevision());
    }

    /**
     * The conversion the course's gradebook gets, level by level (lowest first), whatever the mapping:
     * teachers see exactly which points each level sends.
     */
    @Transactional
    public List<GradeRow> gradeTableOfMyCourse() {
        ScaleView scale = scales.scaleOfMyCourse();
        ProficiencyPolicy policy = policyOfMyCourse();
        return scale.levels().stream()
                .map(level -> new GradeRow(level, policy.gradeFor(level, scale), policy.gradeMaximum())).toList();
    }

    /**
     * Saves the course's policy. Teachers only. Every rule is checked first; then the policy is written
     * and {@link ProficiencyPolicyChanged} is published in the same transaction, so the course's stored
     * proficiencies (and what the gradebook gets) are calculated again before it commits.
     *
     * @throws PolicyRejectedException when the draft breaks a rule
     * @throws PolicyConflictException when someone saved the policy since {@code draft.baseRevision()}
     */
    @Transactional
    public ProficiencyPolicy savePolicyOfMyCourse(PolicyDraft draft) {
        Viewer viewer = currentViewer.requireTeacher();
        ScaleView scale = scales.scaleOfMyCourse();
        List<String> problems = check(draft, scale);
        if (!problems.isEmpty()) {
            throw new PolicyRejectedException(problems);
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        var p = PROFICIENCY_POLICY;
        if (draft.baseRevision() == null) {
            try {
                db.insertInto(p).set(p.COURSE_ID, viewer.courseId()).set(p.METHOD, draft.method().name())
                        .set(p.WEIGHT, draft.weight()).set(p.TIMES, draft.times()).set(p.ROLLUP, draft.rollUp().name())
                        .set(p.GRADE_MAPPING, draft.gradeMapping().name()).set(p.GRADE_MAXIMUM, draft.gradeMaximum())
                        .set(p.REVISION, 1).set(p.UPDATED_BY, viewer.personId()).set(p.UPDATED_AT, now).execute();
            } catch (IntegrityConstraintViolationException | DuplicateKeyException e) {
                throw new PolicyConflictException();
            }
        } else {
            // The revision check and the bump are one statement, so of two racing saves only one wins.
            int updated = db.update(p).set(p.METHOD, draft.method().name()).set(p.WEIGHT, draft.weight())
                    .set(p.TIMES, draft.times()).set(p.ROLLUP, draft.rollUp().name())
                    .set(p.GRADE_MAPPING, draft.gradeMapping().name()).set(p.GRADE_MAXIMUM, draft.gradeMaximum())
                    .set(p.REVISION, p.REVISION.plus(1)).set(p.UPDATED_BY, viewer.personId()).set(p.UPDATED_AT, now)
                    .where(p.COURSE_ID.eq(viewer.courseId()), p.REVISION.eq(draft.baseRevision())).execute();
            if (updated == 0) {
                throw new PolicyConflictException();
            }
            db.deleteFrom(PROFICIENCY_GRADE_ROW).where(PROFICIENCY_GRADE_ROW.COURSE_ID.eq(viewer.courseId())).execute();
        }
        if (draft.gradeMapping() == GradeMapping.TABLE) {
            draft.gradeTable().forEach((points, grade) -> db.insertInto(PROFICIENCY_GRADE_ROW)
                    .set(PROFICIENCY_GRADE_ROW.COURSE_ID, viewer.courseId())
                    .set(PROFICIENCY_GRADE_ROW.LEVEL_POINTS, ProficiencyPolicy.key(points))
                    .set(PROFICIENCY_GRADE_ROW.GRADE_POINTS, grade).execute());
        }
        events.publishEvent(new ProficiencyPolicyChanged(viewer.courseId()));
        return policyOfMyCourse();
    }

    static List<String> check(PolicyDraft draft, ScaleView scale) {
        List<String> problems = new ArrayList<>();
        if (!(draft.weight() > 0 && draft.weight() < 1)) {
            problems.add("proficiency.policy.error.weight");
        }
        if (draft.times() < 1 || draft.times() > MAX_TIMES) {
            problems.add("proficiency.policy.error.times");
        }
        if (!(draft.gradeMaximum() > 0 && draft.gradeMaximum() <= MAX_GRADE)) {
            problems.add("proficiency.policy.error.maximum");
        }
        if (draft.gradeMapping() == GradeMapping.TABLE) {
            Map<BigDecimal, Double> table = new HashMap<>();
            draft.gradeTable().forEach((points, grade) -> table.put(ProficiencyPolicy.key(points), grade));
            double previous = Double.NEGATIVE_INFINITY;
            boolean missing = false;
            boolean range = false;
            boolean order = false;
            for (LevelView level : scale.levels()) {
                Double grade = table.remove(ProficiencyPolicy.key(level.points()));
                if (grade == null) {
                    missing = true;
                    continue;
                }
                if (grade.isNaN() || grade < 0 || grade > draft.gradeMaximum()) {
                    range = true;
                }
                if (grade < previous) {
                    order = true;
                }
                previous = grade;
            }
            if (missing || !table.isEmpty()) {
                problems.add("proficiency.policy.error.table-levels");
            }
            if (range) {
                problems.add("proficiency.policy.error.table-range");
            }
            if (order) {
                problems.add("proficiency.policy.error.table-order");
            }
        }
        return problems;
    }
}
