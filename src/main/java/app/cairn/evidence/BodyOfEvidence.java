package app.cairn.evidence;

import static cairn.schema.Tables.EVIDENCE;
import static cairn.schema.Tables.EVIDENCE_FILE;
import static cairn.schema.Tables.EVIDENCE_HISTORY;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.cairn.course.CourseRoster;
import app.cairn.course.RosterEntry;
import app.cairn.evidence.EvidenceProblem.Field;
import app.cairn.shared.CurrentViewer;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;
import app.cairn.unit.AssessmentKind;
import app.cairn.unit.Proposal;
import app.cairn.unit.ProposalStatus;
import app.cairn.unit.StudentPath;
import app.cairn.unit.TargetState;
import app.cairn.unit.Unit;
import app.cairn.unit.Units;
import cairn.schema.tables.records.EvidenceFileRecord;
import cairn.schema.tables.records.EvidenceRecord;

/**
 * A student's evidence of learning: started for an assessment of a unit, through a learning option
 * they chose or a proposal their teacher approved; written as a draft (text, links, files), then
 * submitted to the teacher's queue. Every method checks the viewer on the server: students act on
 * their own evidence only; teachers read their course's evidence once it is handed in.
 */
@Service
public class BodyOfEvidence {

    static final int MAX_LINK_CHARS = 1000;
    static final int MAX_REASON_CHARS = 5000;

    private final DSLContext db;
    private final CurrentViewer currentViewer;
    private final Units units;
    private final CourseRoster roster;
    private final EvidenceRecords records;
    private final EvidenceFiles files;
    private final EvidenceConfiguration.Settings settings;

    BodyOfEvidence(DSLContext db, CurrentViewer currentViewer, Units units, CourseRoster roster, EvidenceRecords records,
                   EvidenceFiles files, EvidenceConfiguration.Settings settings) {
        this.db = db;
        this.currentViewer = currentViewer;
        this.units = units;
        this.roster = roster;
        this.records = records;
        this.files = files;
        this.settings = settings;
    }

    /** What evidence may hold: file types and sizes, counts, text length. */
    public EvidenceLimits limits() {
        currentViewer.require();
        return settings.limits();
    }

    // --- students ---

    /**
     * Starts a draft for an assessment of a published unit, shown through one of the assessment's
     * learning options the student chose, or through a proposal of theirs the teacher approved that
     * covers the assessment's target. Only on a target the mastery gate has opened. Students only.
     */
    @Transactional
    public EvidenceView start(long unitId, long assessmentId, @Nullable Long optionId, @Nullable Long proposalId) {
        Viewer viewer = requireStudent();
        StudentPath path = units.myPath(unitId);
        StudentPath.Step step = null;
        Unit.Assessment assessment = null;
        for (StudentPath.Step s : path.steps()) {
            for (Unit.Assessment a : s.target().assessments()) {
                if (a.id() == assessmentId) {
                    step = s;
                    assessment = a;
                }
            }
        }
        if (step == null || assessment == null) {
            throw EvidenceRecords.notFound();
        }
        if (step.state() == TargetState.LOCKED) {
            throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.target-locked", Field.WAY));
        }
        if ((optionId == null) == (proposalId == null)) {
            throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.way-required", Field.WAY));
        }
        String via;
        if (optionId != null) {
            Unit.LearningOption option = assessment.options().stream().filter(o -> o.id() == optionId).findFirst()
                    .orElse(null);
            if (option == null || !step.chosenOptionIds().contains(optionId)) {
                throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.option-not-chosen", Field.WAY));
            }
            via = option.title();
        } else {
            Proposal proposal = path.proposals().stream().filter(p -> p.id() == proposalId).findFirst().orElse(null);
            if (proposal == null || proposal.status() != ProposalStatus.APPROVED
                    || !proposal.targetIds().contains(step.target().id())) {
                throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.proposal-not-approved", Field.WAY));
            }
            via = proposal.title();
        }
        LocalDateTime now = records.now();
        EvidenceRecord evidence = db.newRecord(EVIDENCE);
        evidence.setCourseId(viewer.courseId());
        evidence.setStudentPersonId(viewer.personId());
        evidence.setUnitId(unitId);
        evidence.setTargetId(step.target().id());
        evidence.setIndicatorItemId(step.target().indicatorId());
        evidence.setAssessmentId(assessmentId);
        evidence.setOptionId(optionId);
        evidence.setProposalId(proposalId);
        evidence.setKind(assessment.kind().name());
        evidence.setRubricId(assessment.kind() == AssessmentKind.SUMMATIVE ? assessment.rubricId() : null);
        evidence.setAssessmentTitle(assessment.title());
        evidence.setViaTitle(via);
        evidence.setStatus(EvidenceStatus.DRAFT.name());
        evidence.setRevision(1);
        evidence.setCreatedAt(now);
        evidence.setUpdatedAt(now);
        evidence.store();
        return records.view(evidence, null);
    }

    /** Saves the draft's text, links and date. Only the student, while it is a draft or returned. */
    @Transactional
    public EvidenceView saveDraft(long evidenceId, EvidenceDraft draft) {
        Viewer viewer = requireStudent();
        EvidenceRecord evidence = editable(viewer, evidenceId);
        List<EvidenceProblem> problems = new ArrayList<>();
        String text = blankToNull(draft.text());
        if (text != null && text.length() > EvidenceConfiguration.MAX_TEXT_CHARS) {
            problems.add(EvidenceProblem.of("evidence.error.text-long", Field.TEXT, EvidenceConfiguration.MAX_TEXT_CHARS));
        }
        List<String> links = draft.links().stream().map(l -> l == null ? "" : l.strip()).filter(l -> !l.isEmpty()).toList();
        if (links.size() > EvidenceConfiguration.MAX_LINKS) {
            problems.add(EvidenceProblem.of("evidence.error.too-many-links", Field.LINKS, EvidenceConfiguration.MAX_LINKS));
        }
        for (String link : links) {
            if (!webLink(link)) {
                problems.add(EvidenceProblem.of("evidence.error.link", Field.LINKS, link));
            }
        }
        if (draft.performedOn() != null && draft.performedOn().isAfter(records.today())) {
            problems.add(EvidenceProblem.of("evidence.error.performed-future", Field.PERFORMED_ON));
        }
        if (!problems.isEmpty()) {
            throw new EvidenceRejectedException(problems);
        }
        records.bump(evidence, draft.baseRevision());
        evidence.setBody(text);
        evidence.setLinks(links.isEmpty() ? null : String.join("\n", links));
        evidence.setPerformedOn(draft.performedOn());
        evidence.update();
        return records.view(evidence, null);
    }

    /**
     * Adds a file to a draft, streamed into the database in chunks. Refused when the type is not
     * allowed, the content does not match the name's type, or the file is empty or too large.
     */
    @Transactional
    public EvidenceView attachFile(long evidenceId, String fileName, InputStream content) {
        Viewer viewer = requireStudent();
        EvidenceRecord evidence = editable(viewer, evidenceId);
        files.store(evidence.getId(), fileName, content);
        return records.view(evidence, null);
    }

    /** Removes a file from a draft. */
    @Transactional
    public EvidenceView removeFile(long evidenceId, long fileId) {
        Viewer viewer = requireStudent();
        EvidenceRecord evidence = editable(viewer, evidenceId);
        if (!db.fetchExists(EVIDENCE_FILE, EVIDENCE_FILE.ID.eq(fileId), EVIDENCE_FILE.EVIDENCE_ID.eq(evidenceId))) {
            throw EvidenceRecords.notFound();
        }
        files.delete(fileId);
        return records.view(evidence, null);
    }

    /** Deletes a draft that was never handed in, with its files. */
    @Transactional
    public void discardDraft(long evidenceId) {
        Viewer viewer = requireStudent();
        EvidenceRecord evidence = records.own(viewer, evidenceId);
        if (EvidenceRecords.status(evidence) != EvidenceStatus.DRAFT
                || db.fetchExists(EVIDENCE_HISTORY, EVIDENCE_HISTORY.EVIDENCE_ID.eq(evidenceId))) {
            throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.not-a-draft", Field.STATUS));
        }
        db.select(EVIDENCE_FILE.ID).from(EVIDENCE_FILE).where(EVIDENCE_FILE.EVIDENCE_ID.eq(evidenceId))
                .fetch(EVIDENCE_FILE.ID).forEach(files::delete);
        db.deleteFrom(EVIDENCE).where(EVIDENCE.ID.eq(evidenceId)).execute();
    }

    /**
     * Hands the evidence in: it joins the teacher's queue with the submission time, and the day the
     * work was performed becomes today unless the student gave one. Empty evidence (no text, no
     * link, no file) is refused.
     */
    @Transactional
    public EvidenceView submit(long evidenceId, int baseRevision) {
        Viewer viewer = requireStudent();
        EvidenceRecord evidence = editable(viewer, evidenceId);
        boolean empty = blankToNull(evidence.getBody()) == null && EvidenceRecords.links(evidence.getLinks()).isEmpty()
                && !db.fetchExists(EVIDENCE_FILE, EVIDENCE_FILE.EVIDENCE_ID.eq(evidenceId));
        if (empty) {
            throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.empty", Field.TEXT));
        }
        records.bump(evidence, baseRevision);
        LocalDateTime now = records.now();
        evidence.setStatus(EvidenceStatus.SUBMITTED.name());
        evidence.setSubmittedAt(now);
        evidence.setQueuedAt(now);
        if (evidence.getPerformedOn() == null) {
            evidence.setPerformedOn(records.today());
        }
        refreshRubric(evidence);
        evidence.update();
        records.addHistory(evidence, HistoryKind.SUBMITTED, viewer, null);
        return records.view(evidence, null);
    }

    /**
     * Asks the teacher to look at scored evidence again, saying why; it goes back into the queue and
     * its score counts until the teacher scores it again. Summative evidence only.
     */
    @Transactional
    public EvidenceView requestReassessment(long evidenceId, int baseRevision, @Nullable String reason) {
        Viewer viewer = requireStudent();
        EvidenceRecord evidence = records.own(viewer, evidenceId);
        if (EvidenceRecords.status(evidence) != EvidenceStatus.SCORED) {
            throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.reassess-scored-only", Field.STATUS));
        }
        String clean = blankToNull(reason);
        if (clean == null) {
            throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.reason-required", Field.REASON));
        }
        if (clean.length() > MAX_REASON_CHARS) {
            throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.reason-long", Field.REASON,
                    MAX_REASON_CHARS));
        }
        records.bump(evidence, baseRevision);
        evidence.setStatus(EvidenceStatus.REASSESSMENT_REQUESTED.name());
        evidence.setQueuedAt(records.now());
        evidence.setReassessmentReason(clean);
        evidence.update();
        records.addHistory(evidence, HistoryKind.REASSESSMENT_REQUESTED, viewer, clean);
        return records.view(evidence, null);
    }

    /** The viewer's own evidence in the course, or in one unit, newest first. Students only. */
    @Transactional(readOnly = true)
    public List<EvidenceSummary> mine(@Nullable Long unitId) {
        Viewer viewer = requireStudent();
        return list(viewer.courseId(), viewer.personId(), unitId, true);
    }

    /** A student's handed-in evidence, or in one unit, newest first. Teachers of the course only. */
    @Transactional(readOnly = true)
    public List<EvidenceSummary> ofStudent(long studentPersonId, @Nullable Long unitId) {
        Viewer viewer = currentViewer.requireTeacher();
        requireStudentOfMyCourse(studentPersonId);
        return list(viewer.courseId(), studentPersonId, unitId, false);
    }

    /**
     * A student's body of evidence in the course, or in one unit: everything handed in, newest first,
     * each with the score that counts and the teacher's latest words, in two reads however much there
     * is. Teachers of the student's course only; drafts stay the student's own.
     */
    @Transactional(readOnly = true)
    public StudentEvidence bodyOf(long studentPersonId, @Nullable Long unitId) {
        Viewer viewer = currentViewer.requireTeacher();
        RosterEntry student = requireStudentOfMyCourse(studentPersonId);
        List<EvidenceSummary> summaries = list(viewer.courseId(), studentPersonId, unitId, false);
        Map<Long, List<HistoryEntry>> histories = records.histories(summaries.stream().map(EvidenceSummary::id).toList());
        return new StudentEvidence(studentPersonId, student.name(), summaries.stream().map(summary -> {
            List<HistoryEntry> history = histories.getOrDefault(summary.id(), List.of());
            return new StudentEvidence.Item(summary, EvidenceRecords.currentScore(history),
                    EvidenceRecords.latestTeacherComment(history));
        }).toList());
    }

    /** One piece of evidence with files and history: its student, or a teacher of the course once handed in. */
    @Transactional(readOnly = true)
    public EvidenceView evidence(long evidenceId) {
        Viewer viewer = currentViewer.require();
        EvidenceRecord evidence = records.readable(viewer, evidenceId);
        return records.view(evidence, viewer.isTeacher()
                ? roster.memberOfMyCourse(evidence.getStudentPersonId()).map(RosterEntry::name).orElse(null) : null);
    }

    /** A file's details, for whoever may read its evidence. */
    @Transactional(readOnly = true)
    public EvidenceFile file(long fileId) {
        Viewer viewer = currentViewer.require();
        return EvidenceRecords.file(readableFile(viewer, fileId));
    }

    /** Writes a file's bytes to {@code out}, for whoever may read its evidence. */
    @Transactional(readOnly = true)
    public void copyFile(long fileId, OutputStream out) {
        Viewer viewer = currentViewer.require();
        readableFile(viewer, fileId);
        files.copy(fileId, out);
    }

    // --- helpers ---

    private EvidenceFileRecord readableFile(Viewer viewer, long fileId) {
        EvidenceFileRecord file = db.selectFrom(EVIDENCE_FILE).where(EVIDENCE_FILE.ID.eq(fileId)).fetchOne();
        if (file == null) {
            throw EvidenceRecords.notFound();
        }
        records.readable(viewer, file.getEvidenceId());
        return file;
    }

    private List<EvidenceSummary> list(long courseId, long studentId, @Nullable Long unitId, boolean withDrafts) {
        var where = EVIDENCE.COURSE_ID.eq(courseId).and(EVIDENCE.STUDENT_PERSON_ID.eq(studentId));
        if (unitId != null) {
            where = where.and(EVIDENCE.UNIT_ID.eq(unitId));
        }
        if (!withDrafts) {
            where = where.and(EVIDENCE.STATUS.ne(EvidenceStatus.DRAFT.name()));
        }
        return db.selectFrom(EVIDENCE).where(where).orderBy(EVIDENCE.CREATED_AT.desc(), EVIDENCE.ID.desc())
                .fetch(EvidenceRecords::summary);
    }

    private EvidenceRecord editable(Viewer viewer, long evidenceId) {
        EvidenceRecord evidence = records.own(viewer, evidenceId);
        if (!EvidenceRecords.status(evidence).editable()) {
            throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.not-editable", Field.STATUS));
        }
        return evidence;
    }

    /** A summative assessment's rubric may have been swapped since the draft began: take the current one. */
    private void refreshRubric(EvidenceRecord evidence) {
        if (evidence.getAssessmentId() == null || !AssessmentKind.SUMMATIVE.name().equals(evidence.getKind())) {
            return;
        }
        units.unit(evidence.getUnitId()).targets().stream().flatMap(t -> t.assessments().stream())
                .filter(a -> a.id() == Objects.requireNonNull(evidence.getAssessmentId())).findFirst()
                .ifPresent(a -> evidence.setRubricId(a.rubricId()));
    }

    private RosterEntry requireStudentOfMyCourse(long studentPersonId) {
        return roster.memberOfMyCourse(studentPersonId).filter(e -> e.role() == Role.STUDENT)
                .orElseThrow(() -> new AccessDeniedException("No such student in this course"));
    }

    private Viewer requireStudent() {
        Viewer viewer = currentViewer.require();
        if (viewer.role() != Role.STUDENT) {
            throw new AccessDeniedException("Students only");
        }
        return viewer;
    }

    static boolean webLink(String link) {
        if (link.length() > MAX_LINK_CHARS) {
            return false;
        }
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
