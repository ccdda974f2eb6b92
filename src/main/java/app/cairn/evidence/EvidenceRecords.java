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

    /** Bumps the revision if it is still {@code baseRevision}; else someone changed it meanwhile. */
    void bump(EvidenceRecord evidence, int baseRevision) {
        LocalDateTime now = now();
        int updated = db.update(EVIDENCE).set(EVIDENCE.REVISION, EVIDENCE.REVISION.plus(1))
                .set(EVIDENCE.UPDATED_AT, now)
                .where(EVIDENCE.ID.eq(evidence.getId()), EVIDENCE.REVISION.eq(baseRevision)).execute();
        if (updated == 0) {
            throw new EvidenceConflictException(EvidenceConflictException.CHANGED);
        }
        // The row now holds exactly this: no need to read it back.
        evidence.setRevision(baseRevision + 1);
        evidence.setUpdatedAt(now);
        evidence.changed(EVIDENCE.REVISION, false);
        evidence.changed(EVIDENCE.UPDATED_AT, false);
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

    private List<HistoryEntry> history(long evidenceId) {
        List<EvidenceHistoryRecord> entries = db.selectFrom(EVIDENCE_HISTORY)
                .where(EVIDENCE_HISTORY.EVIDENCE_ID.eq(evidenceId))
                .orderBy(EVIDENCE_HISTORY.HAPPENED_AT, EVIDENCE_HISTORY.ID).fetch();
        Map<Long, List<HistoryEntry.LevelGiven>> levels = new HashMap<>();
        db.selectFrom(EVIDENCE_SCORE_LEVEL)
                .where(EVIDENCE_SCORE_LEVEL.HISTORY_ID.in(entries.stream().map(EvidenceHistoryRecord::getId).toList()))
                .orderBy(EVIDENCE_SCORE_LEVEL.HISTORY_ID, EVIDENCE_SCORE_LEVEL.CRITERION_ID)
                .forEach(l -> levels.computeIfAbsent(l.getHistoryId(), k -> new ArrayList<>())
                        .add(new HistoryEntry.LevelGiven(l.getCriterionId(), l.getCriterionTitle(), l.getIndicatorItemId(),
                                l.getLevelPosition(), l.getPoints(), l.getLevelLabel())));
        return entries.stream().map(h -> new HistoryEntry(h.getId(), HistoryKind.valueOf(h.getKind()),
                h.getActorPersonId(), h.getActorName(), h.getComment(), h.getRubricVersionId(), h.getPerformedOn(),
                h.getHappenedAt().toInstant(ZoneOffset.UTC), h.getSupersededAt() != null,
                levels.getOrDefault(h.getId(), List.of()))).toList();
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
