package app.cairn.evidence;

import static cairn.schema.Tables.EVIDENCE;
import static cairn.schema.Tables.EVIDENCE_FILE;
import static cairn.schema.Tables.EVIDENCE_HISTORY;
import static cairn.schema.Tables.EVIDENCE_SCORE_LEVEL;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import app.cairn.shared.Viewer;
import app.cairn.unit.AssessmentKind;
import cairn.schema.tables.records.EvidenceFileRecord;
import cairn.schema.tables.records.EvidenceHistoryRecord;
import cairn.schema.tables.records.EvidenceRecord;

/**
 * Reading evidence rows with the access rules every service applies, and turning them into views.
 * A student reads only their own evidence; a teacher reads the evidence of their course once it has
 * been handed in (drafts are the student's own). Anything else, including ids that do not exist,
 * gets the same refusal, so ids from the browser reveal nothing.
 */
@Component
class EvidenceRecords {

    private final DSLContext db;
    private final Clock clock;

    EvidenceRecords(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    EvidenceRecord readable(Viewer viewer, long evidenceId) {
        EvidenceRecord evidence = db.selectFrom(EVIDENCE)
                .where(EVIDENCE.ID.eq(evidenceId), EVIDENCE.COURSE_ID.eq(viewer.courseId())).fetchOne();
        if (evidence == null) {
            throw notFound();
        }
        boolean own = !viewer.isTeacher() && evidence.getStudentPersonId() == viewer.personId();
        boolean teacher = viewer.isTeacher() && !EvidenceStatus.DRAFT.name().equals(evidence.getStatus());
        if (!own && !teacher) {
            throw notFound();
        }
        return evidence;
    }

    /** The viewer's own evidence, for changing it: the student only. */
    EvidenceRecord own(Viewer viewer, long evidenceId) {
        EvidenceRecord evidence = readable(viewer, evidenceId);
        if (viewer.isTeacher()) {
            throw new AccessDeniedException("Only the student changes their evidence");
        }
        return evidence;
    }

    /** Evidence of the teacher's course that has been handed in, for answering it. */
    EvidenceRecord forTeacher(Viewer viewer, long evidenceId) {
        if (!viewer.isTeacher()) {
            throw new AccessDeniedException("Teachers only");
        }
        return readable(viewer, evidenceId);
    }

    static AccessDeniedException notFound() {
        return new AccessDeniedException("No such evidence in this course");
    }

    static EvidenceStatus status(EvidenceRecord evidence) {
        return EvidenceStatus.valueOf(evidence.getStatus());
    }

    static AssessmentKind kind(EvidenceRecord evidence) {
        return AssessmentKind.valueOf(evidence.getKind());
    }

    /**
     * Bumps the revision if it is still {@code baseRevision}; else someone changed it meanwhile. Fields
     * already set on the record go in the same statement.
     */
    void bump(EvidenceRecord evidence, int baseRevision) {
        LocalDateTime now = now();
        Map<org.jooq.Field<?>, Object> changes = new java.util.LinkedHashMap<>();
        for (org.jooq.Field<?> field : evidence.fields()) {
            if (evidence.changed(field)) {
                changes.put(field, evidence.get(field));
            }
        }
        int updated = db.update(EVIDENCE).set(EVIDENCE.REVISION, EVIDENCE.REVISION.plus(1))
                .set(EVIDENCE.UPDATED_AT, now).set(changes)
                .where(EVIDENCE.ID.eq(evidence.getId()), EVIDENCE.REVISION.eq(baseRevision)).execute();
        if (updated == 0) {
            throw new EvidenceConflictException(EvidenceConflictException.CHANGED);
        }
        // The row now holds exactly this: no need to read it back.
        evidence.setRevision(baseRevision + 1);
        evidence.setUpdatedAt(now);
        evidence.changed(false);
    }

    EvidenceHistoryRecord addHistory(EvidenceRecord evidence, HistoryKind kind, Viewer actor, @Nullable String comment) {
        return addHistory(evidence, kind, actor, comment, entry -> { });
    }

    /** With more fields of the entry set before it is stored, in the same insert. */
    EvidenceHistoryRecord addHistory(EvidenceRecord evidence, HistoryKind kind, Viewer actor, @Nullable String comment,
                                     java.util.function.Consumer<EvidenceHistoryRecord> more) {
        EvidenceHistoryRecord entry = db.newRecord(EVIDENCE_HISTORY);
        entry.setEvidenceId(evidence.getId());
        entry.setKind(kind.name());
        entry.setActorPersonId(actor.personId());
        entry.setActorName(actor.displayName());
        entry.setComment(comment);
        entry.setHappenedAt(now());
        more.accept(entry);
        entry.store();
        return entry;
    }

    EvidenceView view(EvidenceRecord e, @Nullable String studentName) {
        List<EvidenceFile> files = db.selectFrom(EVIDENCE_FILE).where(EVIDENCE_FILE.EVIDENCE_ID.eq(e.getId()))
                .orderBy(EVIDENCE_FILE.ID).fetch(EvidenceRecords::file);
        return new EvidenceView(e.getId(), e.getStudentPersonId(), studentName, e.getUnitId(), e.getTargetId(),
                e.getIndicatorItemId(), e.getAssessmentId(), e.getOptionId(), e.getProposalId(), kind(e), e.getRubricId(),
                e.getAssessmentTitle(), e.getViaTitle(), e.getBody(), links(e.getLinks()), files, status(e),
                e.getPerformedOn(), instant(e.getSubmittedAt()),
                status(e) == EvidenceStatus.REASSESSMENT_REQUESTED ? e.getReassessmentReason() : null,
                e.getRevision(), history(e.getId()));
    }

    static EvidenceFile file(EvidenceFileRecord f) {
        return new EvidenceFile(f.getId(), f.getEvidenceId(), f.getFileName(), f.getFileType(), f.getMediaType(),
                f.getSizeBytes(), f.getSha256(), f.getCreatedAt().toInstant(ZoneOffset.UTC));
    }

    static EvidenceSummary summary(EvidenceRecord e) {
        return new EvidenceSummary(e.getId(), e.getStudentPersonId(), e.getUnitId(), e.getTargetId(),
                e.getIndicatorItemId(), e.getAssessmentId(), kind(e), e.getAssessmentTitle(), e.getViaTitle(), status(e),
                e.getPerformedOn(), instant(e.getSubmittedAt()), e.getRevision());
    }

    /** The evidence's history with the levels of each score, in one read. */
    private List<HistoryEntry> history(long evidenceId) {
        return histories(List.of(evidenceId)).getOrDefault(evidenceId, List.of());
    }

    /** The histories of several pieces of evidence, by evidence id, each oldest first: one read for all. */
    Map<Long, List<HistoryEntry>> histories(java.util.Collection<Long> evidenceIds) {
        var h = EVIDENCE_HISTORY;
        var l = EVIDENCE_SCORE_LEVEL;
        if (evidenceIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, EvidenceHistoryRecord> entries = new java.util.LinkedHashMap<>();
        Map<Long, List<HistoryEntry.LevelGiven>> levels = new HashMap<>();
        db.select(h.fields()).select(l.CRITERION_ID, l.CRITERION_TITLE, l.INDICATOR_ITEM_ID, l.LEVEL_POSITION, l.POINTS,
                        l.LEVEL_LABEL)
                .from(h).leftJoin(l).on(l.HISTORY_ID.eq(h.ID))
                .where(h.EVIDENCE_ID.in(evidenceIds))
                .orderBy(h.HAPPENED_AT, h.ID, l.CRITERION_ID)
                .forEach(r -> {
                    EvidenceHistoryRecord entry = entries.computeIfAbsent(r.get(h.ID), id -> r.into(h));
                    if (r.get(l.CRITERION_ID) != null) {
                        levels.computeIfAbsent(entry.getId(), k -> new ArrayList<>())
                                .add(new HistoryEntry.LevelGiven(r.get(l.CRITERION_ID), r.get(l.CRITERION_TITLE),
                                        r.get(l.INDICATOR_ITEM_ID), r.get(l.LEVEL_POSITION), r.get(l.POINTS),
                                        r.get(l.LEVEL_LABEL)));
                    }
                });
        Map<Long, List<HistoryEntry>> byEvidence = new HashMap<>();
        entries.values().forEach(e -> byEvidence.computeIfAbsent(e.getEvidenceId(), k -> new ArrayList<>())
                .add(new HistoryEntry(e.getId(), HistoryKind.valueOf(e.getKind()), e.getActorPersonId(), e.getActorName(),
                        e.getComment(), e.getRubricVersionId(), e.getPerformedOn(),
                        e.getHappenedAt().toInstant(ZoneOffset.UTC), e.getSupersededAt() != null,
                        levels.getOrDefault(e.getId(), List.of()))));
        return byEvidence;
    }

    /** The score that counts (the latest one not superseded), if it was scored. */
    static @Nullable HistoryEntry currentScore(List<HistoryEntry> history) {
        return history.stream().filter(h -> h.kind() == HistoryKind.SCORED && !h.superseded()).reduce((a, b) -> b)
                .orElse(null);
    }

    /** The latest thing a teacher said (feedback, a score's comment, or why it was returned). */
    static @Nullable HistoryEntry latestTeacherComment(List<HistoryEntry> history) {
        return history.stream().filter(h -> h.kind() == HistoryKind.SCORED || h.kind() == HistoryKind.FEEDBACK
                || h.kind() == HistoryKind.RETURNED).reduce((a, b) -> b).orElse(null);
    }

    static List<String> links(@Nullable String links) {
        return links == null ? List.of() : links.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    static java.time.@Nullable Instant instant(@Nullable LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
