package app.cairn.evidence;

import static cairn.schema.Tables.EVIDENCE;
import static cairn.schema.Tables.EVIDENCE_HISTORY;
import static cairn.schema.Tables.EVIDENCE_SCORE_LEVEL;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.cairn.course.CourseRoster;
import app.cairn.course.RosterEntry;
import app.cairn.evidence.EvidenceProblem.Field;
import app.cairn.privacy.AuditKind;
import app.cairn.privacy.AuditTrail;
import app.cairn.rubric.Rubric;
import app.cairn.rubric.RubricConflictException;
import app.cairn.rubric.RubricVersion;
import app.cairn.rubric.ScoringRubric;
import app.cairn.rubric.Rubrics;
import app.cairn.shared.CurrentViewer;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;
import app.cairn.unit.AssessmentKind;
import app.cairn.unit.Units;
import cairn.schema.tables.records.EvidenceHistoryRecord;
import cairn.schema.tables.records.EvidenceRecord;

/**
 * The teacher's side of evidence: the queue of evidence waiting for an answer, and the answers —
 * a score on the rubric (summative), feedback (formative), or "return for revision". Teachers of the
 * course only, for students of the course; every answer is checked against what the teacher saw
 * (the evidence's and the rubric's revisions), so of two teachers answering at once the second is
 * told and nothing is overwritten. A score updates the student's proficiency in the same transaction.
 */
@Service
public class Scoring {

    static final int MAX_COMMENT_CHARS = 10_000;

    private final DSLContext db;
    private final CurrentViewer currentViewer;
    private final Units units;
    private final Rubrics rubrics;
    private final CourseRoster roster;
    private final EvidenceRecords records;
    private final ProficiencyLedger ledger;

    Scoring(DSLContext db, CurrentViewer currentViewer, Units units, Rubrics rubrics, CourseRoster roster,
            EvidenceRecords records, ProficiencyLedger ledger) {
        this.db = db;
        this.currentViewer = currentViewer;
        this.units = units;
        this.rubrics = rubrics;
        this.roster = roster;
        this.records = records;
        this.ledger = ledger;
    }

    /**
     * Evidence waiting for an answer (handed in, or re-assessment requested), oldest first,
     * narrowed by unit, target and student.
     */
    @Transactional(readOnly = true)
    public List<QueueEntry> queue(QueueFilter filter) {
        Viewer viewer = currentViewer.requireTeacher();
        var where = EVIDENCE.COURSE_ID.eq(viewer.courseId()).and(EVIDENCE.STATUS.in(
                EvidenceStatus.SUBMITTED.name(), EvidenceStatus.REASSESSMENT_REQUESTED.name()));
        if (filter.unitId() != null) {
            where = where.and(EVIDENCE.UNIT_ID.eq(filter.unitId()));
        }
        if (filter.targetId() != null) {
            where = where.and(EVIDENCE.TARGET_ID.eq(filter.targetId()));
        }
        if (filter.studentPersonId() != null) {
            where = where.and(EVIDENCE.STUDENT_PERSON_ID.eq(filter.studentPersonId()));
        }
        Map<Long, @Nullable String> names = new HashMap<>();
        roster.rosterOfMyCourse().forEach(e -> names.put(e.personId(), e.name()));
        Map<Long, String> unitTitles = new HashMap<>();
        units.outlines().forEach(u -> unitTitles.put(u.id(), u.title()));
        return db.selectFrom(EVIDENCE).where(where).orderBy(EVIDENCE.QUEUED_AT, EVIDENCE.ID)
                .fetch(e -> new QueueEntry(e.getId(), e.getStudentPersonId(), names.get(e.getStudentPersonId()),
                        e.getUnitId(), unitTitles.getOrDefault(e.getUnitId(), ""), e.getTargetId(), e.getIndicatorItemId(),
                        EvidenceRecords.kind(e), e.getAssessmentTitle(), e.getViaTitle(), EvidenceRecords.status(e),
                        java.util.Objects.requireNonNull(EvidenceRecords.instant(e.getQueuedAt())), e.getPerformedOn(),
                        e.getReassessmentReason(), e.getRevision()));
    }

    /** The evidence and, when it is summative, its rubric as it is now, ready to score. */
    @Transactional(readOnly = true)
    public ScoringSheet sheet(long evidenceId) {
        Viewer viewer = currentViewer.requireTeacher();
        EvidenceRecord evidence = records.forTeacher(viewer, evidenceId);
        Rubric rubric = evidence.getRubricId() == null || EvidenceRecords.kind(evidence) != AssessmentKind.SUMMATIVE
                ? null : rubrics.rubric(evidence.getRubricId());
        return new ScoringSheet(records.view(evidence, student(evidence).name()), rubric);
    }

    /**
     * Scores summative evidence: a level for every criterion of the rubric's current version, and a
     * comment. A later score of the same evidence replaces the earlier one (which stays in the
     * history). The student's proficiency, the unit gate and the gradebook follow in the same
     * transaction.
     *
     * @throws EvidenceConflictException when another teacher answered first ({@code CHANGED}), or the
     *                                   rubric changed since the teacher opened it ({@code RUBRIC_OUTDATED})
     * @throws EvidenceRejectedException when a level is missing, the evidence is formative, or not handed in
     */
    @Transactional
    public EvidenceView score(long evidenceId, ScoreDraft draft) {
        Viewer viewer = currentViewer.requireTeacher();
        EvidenceRecord evidence = records.forTeacher(viewer, evidenceId);
        if (EvidenceRecords.kind(evidence) != AssessmentKind.SUMMATIVE) {
            throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.formative-no-score", Field.STATUS));
        }
        EvidenceStatus status = EvidenceRecords.status(evidence);
        if (!status.queued() && status != EvidenceStatus.SCORED) {
            throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.not-handed-in", Field.STATUS));
        }
        RosterEntry student = student(evidence);
        String comment = comment(draft.comment(), false);
        if (evidence.getRubricId() == null) {
            throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.no-rubric", Field.LEVELS));
        }
        // The rubric, locked until commit, then (below) the evidence: of two teachers scoring the same
        // evidence at once, the second waits for the first here and is refused at the revision bump.
        ScoringRubric version = rubricForScoring(evidence.getRubricId(), draft);
        List<EvidenceProblem> problems = new ArrayList<>();
        Set<Long> criteria = new HashSet<>();
        for (ScoringRubric.Criterion criterion : version.criteria()) {
            criteria.add(criterion.id());
            Integer level = draft.levels().get(criterion.id());
            if (level == null || level < 0 || level >= version.levels().size()) {
                problems.add(new EvidenceProblem("evidence.error.level-missing", Field.LEVELS, List.of(criterion.title()),
                        criterion.id()));
            }
        }
        if (version.criteria().isEmpty()) {
            problems.add(EvidenceProblem.of("evidence.error.rubric-empty", Field.LEVELS));
        }
        if (!criteria.containsAll(draft.levels().keySet())) {
            throw new EvidenceConflictException(EvidenceConflictException.RUBRIC_OUTDATED);
        }
        if (!problems.isEmpty()) {
            throw new EvidenceRejectedException(problems);
        }
        LocalDateTime now = records.now();
        // The indicators the previous score counted for lose it: they are calculated again too.
        Set<Long> indicators = new HashSet<>(currentScoreIndicators(evidenceId));
        if (!indicators.isEmpty()) {
            // Every score has a level per criterion, so with none found there is no earlier score to supersede.
            db.update(EVIDENCE_HISTORY).set(EVIDENCE_HISTORY.SUPERSEDED_AT, now).where(currentScore(evidenceId)).execute();
        }
        EvidenceHistoryRecord entry = records.addHistory(evidence, HistoryKind.SCORED, viewer, comment, e -> {
            e.setRubricVersionId(version.versionId());
            e.setPerformedOn(evidence.getPerformedOn());
        });
        List<String> given = new ArrayList<>();
        var l = EVIDENCE_SCORE_LEVEL;
        var levels = db.insertInto(l, l.HISTORY_ID, l.CRITERION_ID, l.INDICATOR_ITEM_ID, l.CRITERION_TITLE, l.LEVEL_POSITION,
                l.POINTS, l.LEVEL_LABEL, l.COURSE_ID, l.STUDENT_PERSON_ID);
        for (ScoringRubric.Criterion criterion : version.criteria()) {
            RubricVersion.Level level = version.levels().get(draft.levels().get(criterion.id()));
            given.add(criterion.title() + ": " + level.label());
            levels = levels.values(entry.getId(), criterion.id(), criterion.indicatorId(), criterion.title(),
                    level.position(), level.points(), level.label(), evidence.getCourseId(), evidence.getStudentPersonId());
            indicators.add(criterion.indicatorId());
        }
        levels.execute();
        evidence.setStatus(EvidenceStatus.SCORED.name());
        evidence.setQueuedAt(null);
        evidence.setReassessmentReason(null);
        records.bump(evidence, draft.baseRevision());
        ledger.recalculate(evidence.getStudentPersonId(), indicators, List.of(new AuditTrail.Change(viewer.courseId(),
                evidence.getStudentPersonId(), AuditKind.SCORE, evidence.getAssessmentTitle() + " · " + evidence.getViaTitle(),
                null, String.join("; ", given))));
        return records.view(evidence, student.name());
    }

    /** Feedback on formative evidence: words only, never a score. It leaves the queue. */
    @Transactional
    public EvidenceView giveFeedback(long evidenceId, int baseRevision, @Nullable String comment) {
        Viewer viewer = currentViewer.requireTeacher();
        EvidenceRecord evidence = records.forTeacher(viewer, evidenceId);
        if (EvidenceRecords.kind(evidence) != AssessmentKind.FORMATIVE) {
            throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.summative-needs-score", Field.STATUS));
        }
        EvidenceStatus status = EvidenceRecords.status(evidence);
        if (!status.queued() && status != EvidenceStatus.REVIEWED) {
            throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.not-handed-in", Field.STATUS));
        }
        RosterEntry student = student(evidence);
        String clean = comment(comment, true);
        records.bump(evidence, baseRevision);
        evidence.setStatus(EvidenceStatus.REVIEWED.name());
        evidence.setQueuedAt(null);
        evidence.update();
        records.addHistory(evidence, HistoryKind.FEEDBACK, viewer, clean);
        return records.view(evidence, student.name());
    }

    /**
     * Sends evidence back to the student for revision, saying what to change. A score it had still
     * counts until the revised work is scored.
     */
    @Transactional
    public EvidenceView returnForRevision(long evidenceId, int baseRevision, @Nullable String comment) {
        Viewer viewer = currentViewer.requireTeacher();
        EvidenceRecord evidence = records.forTeacher(viewer, evidenceId);
        if (EvidenceRecords.status(evidence).editable()) {
            throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.not-handed-in", Field.STATUS));
        }
        RosterEntry student = student(evidence);
        String clean = comment(comment, true);
        records.bump(evidence, baseRevision);
        evidence.setStatus(EvidenceStatus.RETURNED.name());
        evidence.setQueuedAt(null);
        evidence.setReassessmentReason(null);
        evidence.update();
        records.addHistory(evidence, HistoryKind.RETURNED, viewer, clean);
        return records.view(evidence, student.name());
    }

    /**
     * Corrects the day the work was performed (proficiency orders scores by it), and recalculates
     * the student's proficiency when the evidence counts for it.
     */
    @Transactional
    public EvidenceView correctPerformedOn(long evidenceId, int baseRevision, LocalDate performedOn) {
        Viewer viewer = currentViewer.requireTeacher();
        EvidenceRecord evidence = records.forTeacher(viewer, evidenceId);
        if (performedOn.isAfter(records.today())) {
            throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.performed-future", Field.PERFORMED_ON));
        }
        RosterEntry student = student(evidence);
        records.bump(evidence, baseRevision);
        evidence.setPerformedOn(performedOn);
        evidence.update();
        EvidenceHistoryRecord entry = records.addHistory(evidence, HistoryKind.PERFORMED_ON_CORRECTED, viewer, null);
        entry.setPerformedOn(performedOn);
        entry.update();
        List<Long> indicators = currentScoreIndicators(evidenceId);
        if (!indicators.isEmpty()) {
            ledger.recalculate(evidence.getStudentPersonId(), indicators);
        }
        return records.view(evidence, student.name());
    }

    /** The evidence's score that counts now (earlier ones are superseded). */
    private static org.jooq.Condition currentScore(long evidenceId) {
        return EVIDENCE_HISTORY.EVIDENCE_ID.eq(evidenceId).and(EVIDENCE_HISTORY.KIND.eq(HistoryKind.SCORED.name()))
                .and(EVIDENCE_HISTORY.SUPERSEDED_AT.isNull());
    }

    /** The indicators the evidence's current score counts for (none when it has no score). */
    private List<Long> currentScoreIndicators(long evidenceId) {
        return db.selectDistinct(EVIDENCE_SCORE_LEVEL.INDICATOR_ITEM_ID).from(EVIDENCE_SCORE_LEVEL)
                .join(EVIDENCE_HISTORY).on(EVIDENCE_HISTORY.ID.eq(EVIDENCE_SCORE_LEVEL.HISTORY_ID))
                .where(currentScore(evidenceId))
                .fetch(EVIDENCE_SCORE_LEVEL.INDICATOR_ITEM_ID);
    }

    /** The rubric's current version, locked until commit, if it is still the one the teacher scored on. */
    private ScoringRubric rubricForScoring(long rubricId, ScoreDraft draft) {
        try {
            return rubrics.useForScoring(rubricId, draft.rubricVersionId(), draft.rubricRevision());
        } catch (RubricConflictException e) {
            throw new EvidenceConflictException(EvidenceConflictException.RUBRIC_OUTDATED);
        }
    }

    /** The evidence's student, who must still be a student of the course. */
    private RosterEntry student(EvidenceRecord evidence) {
        return roster.memberOfMyCourse(evidence.getStudentPersonId())
                .filter(e -> e.role() == Role.STUDENT && !e.left())
                .orElseThrow(() -> new EvidenceRejectedException(EvidenceProblem.of("evidence.error.student-not-in-course",
                        Field.STUDENT)));
    }

    private static @Nullable String comment(@Nullable String comment, boolean required) {
        String clean = BodyOfEvidence.blankToNull(comment);
        if (clean == null && required) {
            throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.comment-required", Field.COMMENT));
        }
        if (clean != null && clean.length() > MAX_COMMENT_CHARS) {
            throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.comment-long", Field.COMMENT,
                    MAX_COMMENT_CHARS));
        }
        return clean;
    }
}
