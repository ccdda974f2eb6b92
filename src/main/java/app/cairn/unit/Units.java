package app.cairn.unit;

import static cairn.schema.Tables.COURSE;
import static cairn.schema.Tables.LEARNING_OPTION;
import static cairn.schema.Tables.OPTION_CHOICE;
import static cairn.schema.Tables.TARGET_NOTE;
import static cairn.schema.Tables.TARGET_PROGRESS;
import static cairn.schema.Tables.UNIT;
import static cairn.schema.Tables.UNIT_ASSESSMENT;
import static cairn.schema.Tables.UNIT_PROPOSAL;
import static cairn.schema.Tables.UNIT_PROPOSAL_TARGET;
import static cairn.schema.Tables.UNIT_TARGET;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.cairn.course.CourseRoster;
import app.cairn.course.RosterEntry;
import app.cairn.privacy.AuditKind;
import app.cairn.privacy.AuditTrail;
import app.cairn.rubric.RubricSummary;
import app.cairn.rubric.Rubrics;
import app.cairn.shared.CurrentViewer;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;
import app.cairn.standards.Level;
import app.cairn.standards.StandardItem;
import app.cairn.standards.StandardsFramework;
import app.cairn.standards.StandardsLibrary;
import app.cairn.unit.UnitProblem.Field;
import cairn.schema.tables.records.LearningOptionRecord;
import cairn.schema.tables.records.TargetProgressRecord;
import cairn.schema.tables.records.UnitAssessmentRecord;
import cairn.schema.tables.records.UnitProposalRecord;
import cairn.schema.tables.records.UnitRecord;
import cairn.schema.tables.records.UnitTargetRecord;

/**
 * Flexible-pace units of the viewer's course. Every method reads the {@link Viewer} on the server:
 * teachers build, publish and oversee units; students see published units only, and act only for
 * themselves, on targets the mastery gate has opened for them. Another course's units, and ids that
 * do not exist, get the same refusal, so ids from the browser reveal nothing.
 */
@Service
public class Units {

    private final DSLContext db;
    private final Clock clock;
    private final CurrentViewer currentViewer;
    private final StandardsLibrary standards;
    private final Rubrics rubrics;
    private final CourseRoster roster;
    private final AuditTrail audit;

    Units(DSLContext db, Clock clock, CurrentViewer currentViewer, StandardsLibrary standards, Rubrics rubrics,
          CourseRoster roster, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.currentViewer = currentViewer;
        this.standards = standards;
        this.rubrics = rubrics;
        this.roster = roster;
    }

    // --- teachers: building ---

    /** The course's units: all of them for teachers, the published ones for students. */
    @Transactional(readOnly = true)
    public List<UnitSummary> units() {
        Viewer viewer = currentViewer.require();
        var where = UNIT.COURSE_ID.eq(viewer.courseId());
        if (!viewer.isTeacher()) {
            where = where.and(UNIT.STATUS.eq(UnitStatus.PUBLISHED.name()));
        }
        var count = db.selectCount().from(UNIT_TARGET).where(UNIT_TARGET.UNIT_ID.eq(UNIT.ID)).<Integer>asField("targets");
        return db.select(UNIT.ID, UNIT.TITLE, UNIT.STATUS, UNIT.PACING, UNIT.CONTINUUM, count, UNIT.REVISION)
                .from(UNIT).where(where).orderBy(UNIT.CREATED_AT, UNIT.ID)
                .fetch(r -> new UnitSummary(r.value1(), r.value2(), UnitStatus.valueOf(r.value3()),
                        Pacing.valueOf(r.value4()), Continuum.valueOf(r.value5()), r.value6(), r.value7()));
    }

    /**
     * The course's units in brief (all for teachers, the published ones for students), each with its
     * targets' indicators in order: one query, for features that follow proficiency per unit.
     */
    @Transactional(readOnly = true)
    public List<UnitOutline> outlines() {
        Viewer viewer = currentViewer.require();
        var where = UNIT.COURSE_ID.eq(viewer.courseId());
        if (!viewer.isTeacher()) {
            where = where.and(UNIT.STATUS.eq(UnitStatus.PUBLISHED.name()));
        }
        Map<Long, List<UnitTargetRecord>> targets = new HashMap<>();
        List<UnitRecord> records = db.selectFrom(UNIT).where(where).orderBy(UNIT.CREATED_AT, UNIT.ID).fetch();
        db.selectFrom(UNIT_TARGET).where(UNIT_TARGET.UNIT_ID.in(records.stream().map(UnitRecord::getId).toList()))
                .orderBy(UNIT_TARGET.POSITION, UNIT_TARGET.ID)
                .forEach(t -> targets.computeIfAbsent(t.getUnitId(), k -> new ArrayList<>()).add(t));
        Map<Long, String> originalKeys = db.select(UNIT.ID, UNIT.UNIT_KEY).from(UNIT)
                .where(UNIT.ID.in(records.stream().map(UnitRecord::getCopiedFromUnitId).filter(Objects::nonNull).toList()))
                .fetchMap(UNIT.ID, UNIT.UNIT_KEY);
        return records.stream().map(u -> {
            List<UnitTargetRecord> mine = targets.getOrDefault(u.getId(), List.of());
            String resourceId = u.getCopiedFromUnitId() == null ? u.getUnitKey()
                    : originalKeys.getOrDefault(u.getCopiedFromUnitId(), u.getUnitKey());
            return new UnitOutline(u.getId(), u.getTitle(), UnitStatus.valueOf(u.getStatus()),
                    mine.stream().map(UnitTargetRecord::getId).toList(),
                    mine.stream().map(UnitTargetRecord::getIndicatorItemId).toList(), resourceId);
        }).toList();
    }

    /** One unit with its targets, assessments and menus, if this viewer may read it. */
    @Transactional(readOnly = true)
    public Unit unit(long unitId) {
        Viewer viewer = currentViewer.require();
        return view(readableUnit(viewer, unitId));
    }

    /** The performance indicators the course may use as targets. Teachers only. */
    @Transactional(readOnly = true)
    public List<IndicatorOption> indicators() {
        currentViewer.requireTeacher();
        return indicatorMap(false).values().stream().toList();
    }

    /** The rubrics a summative assessment of this course may use. Teachers only. */
    @Transactional(readOnly = true)
    public List<RubricOption> rubricOptions() {
        currentViewer.requireTeacher();
        return rubrics.library().stream().map(r -> new RubricOption(r.id(), r.title())).toList();
    }

    /** Starts an empty draft unit: self-paced, students as participants. Teachers only. */
    @Transactional
    public Unit create(String title) {
        Viewer viewer = currentViewer.requireTeacher();
        String clean = UnitRules.strip(title);
        if (clean.isEmpty() || clean.length() > UnitRules.MAX_TITLE) {
            throw new UnitRejectedException(clean.isEmpty() ? "unit.error.title-blank" : "unit.error.title-long", Field.TITLE);
        }
        LocalDateTime now = now();
        UnitRecord unit = db.newRecord(UNIT);
        unit.setCourseId(viewer.courseId());
        unit.setTitle(clean);
        unit.setPacing(Pacing.SELF_PACED.name());
        unit.setContinuum(Continuum.PARTICIPANT.name());
        unit.setStatus(UnitStatus.DRAFT.name());
        unit.setRevision(1);
        unit.setCreatedBy(viewer.personId());
        unit.setCreatedAt(now);
        unit.setUpdatedAt(now);
        unit.setUnitKey(UUID.randomUUID().toString());
        unit.store();
        return view(unit);
    }

    /**
     * Saves the whole unit. Refused with every problem found ({@link UnitRejectedException}), or with
     * {@link UnitConflictException} when another teacher saved since {@code draft.baseRevision()}.
     */
    @Transactional
    public Unit save(long unitId, UnitDraft draft) {
        Viewer viewer = currentViewer.requireTeacher();
        UnitRecord unit = readableUnit(viewer, unitId);
        boolean published = UnitStatus.PUBLISHED.name().equals(unit.getStatus());
        List<UnitProblem> problems = UnitRules.check(draft, published, indicatorMap(false).keySet(), rubricIds());
        if (!problems.isEmpty()) {
            throw new UnitRejectedException(problems);
        }
        LocalDateTime now = now();
        bumpRevision(unitId, draft.baseRevision(), now);
        db.update(UNIT).set(UNIT.TITLE, UnitRules.strip(draft.title()))
                .set(UNIT.DESCRIPTION, UnitRules.blankToNull(draft.description()))
                .set(UNIT.PACING, draft.pacing().name()).set(UNIT.CONTINUUM, draft.continuum().name())
                .where(UNIT.ID.eq(unitId)).execute();
        writeTargets(unitId, draft.targets());
        return view(db.fetchSingle(UNIT, UNIT.ID.eq(unitId)));
    }

    /** Opens the unit to students. A unit with no targets is refused. Teachers only. */
    @Transactional
    public Unit publish(long unitId, int baseRevision) {
        Viewer viewer = currentViewer.requireTeacher();
        readableUnit(viewer, unitId);
        if (db.fetchCount(UNIT_TARGET, UNIT_TARGET.UNIT_ID.eq(unitId)) == 0) {
            throw new UnitRejectedException("unit.error.no-targets", Field.TARGETS);
        }
        LocalDateTime now = now();
        bumpRevision(unitId, baseRevision, now);
        db.update(UNIT).set(UNIT.STATUS, UnitStatus.PUBLISHED.name())
                .set(UNIT.PUBLISHED_AT, org.jooq.impl.DSL.coalesce(UNIT.PUBLISHED_AT, org.jooq.impl.DSL.val(now)))
                .where(UNIT.ID.eq(unitId)).execute();
        return view(db.fetchSingle(UNIT, UNIT.ID.eq(unitId)));
    }

    /** A draft copy of the unit, with its targets, assessments and menus; nothing of the students. */
    @Transactional
    public Unit duplicate(long unitId, String title) {
        Viewer viewer = currentViewer.requireTeacher();
        Unit source = view(readableUnit(viewer, unitId));
        Unit copy = create(title);
        UnitDraft draft = source.toDraft();
        List<UnitDraft.TargetDraft> targets = draft.targets().stream()
                .map(t -> new UnitDraft.TargetDraft(null, t.indicatorId(), t.suggestedDate(), t.assessments().stream()
                        .map(a -> new UnitDraft.AssessmentDraft(null, a.title(), a.kind(), a.rubricId(), a.choiceRule(),
                                a.options().stream().map(o -> new UnitDraft.OptionDraft(null, o.title(), o.description(),
                                        o.modality(), o.links(), o.estimatedMinutes(), o.mentorOrSite())).toList()))
                        .toList()))
                .toList();
        db.update(UNIT).set(UNIT.DESCRIPTION, source.description()).set(UNIT.PACING, source.pacing().name())
                .set(UNIT.CONTINUUM, source.continuum().name()).where(UNIT.ID.eq(copy.id())).execute();
        writeTargets(copy.id(), targets);
        return view(db.fetchSingle(UNIT, UNIT.ID.eq(copy.id())));
    }

    // --- links from the LMS and course copy ---

    /** The course's units as links to them need them, in the order of the unit list. Teachers only. */
    @Transactional(readOnly = true)
    public List<UnitLink> linkableUnits() {
        Viewer viewer = currentViewer.requireTeacher();
        return db.selectFrom(UNIT).where(UNIT.COURSE_ID.eq(viewer.courseId())).orderBy(UNIT.CREATED_AT, UNIT.ID)
                .fetch(this::link);
    }

    /**
     * A unit of the viewer's course as links need it, drafts included (a launch must tell a student
     * "not open yet" apart from "not set up"). Anyone of the course; empty for other courses' units.
     */
    @Transactional(readOnly = true)
    public Optional<UnitLink> inMyCourse(long unitId) {
        Viewer viewer = currentViewer.require();
        return db.selectFrom(UNIT).where(UNIT.ID.eq(unitId), UNIT.COURSE_ID.eq(viewer.courseId()))
                .fetchOptional().map(this::link);
    }

    /** The unit of the viewer's course with this key, drafts included, as {@link #inMyCourse}. Anyone of the course. */
    @Transactional(readOnly = true)
    public Optional<UnitLink> inMyCourseByKey(String key) {
        Viewer viewer = currentViewer.require();
        return db.selectFrom(UNIT).where(UNIT.UNIT_KEY.eq(key), UNIT.COURSE_ID.eq(viewer.courseId()))
                .fetchOptional().map(this::link);
    }

    /** The unit of the viewer's course copied from the unit with this key, once a teacher has copied it. Anyone of the course. */
    @Transactional(readOnly = true)
    public Optional<UnitLink> copyInMyCourse(String key) {
        Viewer viewer = currentViewer.require();
        var source = UNIT.as("source");
        return db.select(UNIT.fields()).from(UNIT).join(source).on(source.ID.eq(UNIT.COPIED_FROM_UNIT_ID))
                .where(source.UNIT_KEY.eq(key), UNIT.COURSE_ID.eq(viewer.courseId()))
                .fetchOptional(r -> link(r.into(UNIT)));
    }

    /**
     * The unit with this key when it belongs to another course of the viewer's platform and
     * deployment: a link the LMS copied from an earlier course. Teachers only. Units of other
     * platforms or deployments answer like missing ones.
     */
    @Transactional(readOnly = true)
    public boolean hasCopySource(String key) {
        return sourceInAnotherCourse(currentViewer.requireTeacher(), key).isPresent();
    }

    /** {@link #hasCopySource}'s unit, described for the teacher who is offered the copy. */
    @Transactional(readOnly = true)
    public Optional<CopySource> copySource(String key) {
        Viewer viewer = currentViewer.requireTeacher();
        return sourceInAnotherCourse(viewer, key).map(source -> {
            Unit unit = view(source);
            String course = db.select(COURSE.TITLE, COURSE.LABEL, COURSE.CONTEXT_ID).from(COURSE)
                    .where(COURSE.ID.eq(source.getCourseId()))
                    .fetchSingle(r -> r.value1() != null ? r.value1() : r.value2() != null ? r.value2() : r.value3());
            int assessments = unit.targets().stream().mapToInt(t -> t.assessments().size()).sum();
            return new CopySource(key, unit.title(), unit.description(), course, unit.targets().size(), assessments);
        });
    }

    /**
     * Course copy: copies the unit with this key, from another course of the viewer's platform and
     * deployment, into the viewer's course: title, description, pacing, continuum and status, its
     * targets, assessments and menus of learning options, with the indicators and rubrics they use
     * brought along ({@link StandardsLibrary#adoptItemsForCourseCopy}, {@link Rubrics#adoptRubricsForCourseCopy}).
     * Nothing of the students crosses over: no choices, proposals, notes or progress. Suggested
     * dates are left out, as they belonged to the earlier course's calendar. A course holds at most
     * one copy of a unit: copying again returns it. Teachers only; the caller must know the viewer's
     * course continues the source course (a link the LMS copied says so).
     */
    @Transactional
    public UnitLink copyIntoMyCourse(String key) {
        Viewer viewer = currentViewer.requireTeacher();
        UnitRecord source = sourceInAnotherCourse(viewer, key).orElseThrow(Units::notFound);
        // Locking the source serialises copies of it, so two teachers clicking at once make one copy.
        db.selectFrom(UNIT).where(UNIT.ID.eq(source.getId())).forUpdate().fetchSingle();
        UnitRecord earlier = db.selectFrom(UNIT)
                .where(UNIT.COURSE_ID.eq(viewer.courseId()), UNIT.COPIED_FROM_UNIT_ID.eq(source.getId())).fetchOne();
        if (earlier != null) {
            return link(earlier);
        }
        UnitDraft draft = view(source).toDraft();
        Set<Long> indicatorIds = new HashSet<>();
        Set<Long> rubricIds = new HashSet<>();
        for (UnitDraft.TargetDraft target : draft.targets()) {
            indicatorIds.add(target.indicatorId());
            target.assessments().stream().map(UnitDraft.AssessmentDraft::rubricId).filter(java.util.Objects::nonNull)
                    .forEach(rubricIds::add);
        }
        Map<Long, Long> indicators = standards.adoptItemsForCourseCopy(indicatorIds);
        Map<Long, Long> rubricCopies = rubrics.adoptRubricsForCourseCopy(rubricIds);
        LocalDateTime now = now();
        UnitRecord copy = db.newRecord(UNIT);
        copy.setCourseId(viewer.courseId());
        copy.setTitle(source.getTitle());
        copy.setDescription(source.getDescription());
        copy.setPacing(source.getPacing());
        copy.setContinuum(source.getContinuum());
        copy.setStatus(source.getStatus());
        copy.setPublishedAt(UnitStatus.PUBLISHED.name().equals(source.getStatus()) ? now : null);
        copy.setRevision(1);
        copy.setCreatedBy(viewer.personId());
        copy.setCreatedAt(now);
        copy.setUpdatedAt(now);
        copy.setUnitKey(UUID.randomUUID().toString());
        copy.setCopiedFromUnitId(source.getId());
        copy.store();
        writeTargets(copy.getId(), draft.targets().stream()
                .map(t -> new UnitDraft.TargetDraft(null, indicators.get(t.indicatorId()), null, t.assessments().stream()
                        .map(a -> new UnitDraft.AssessmentDraft(null, a.title(), a.kind(),
                                a.rubricId() == null ? null : rubricCopies.get(a.rubricId()), a.choiceRule(),
                                a.options().stream().map(o -> new UnitDraft.OptionDraft(null, o.title(), o.description(),
                                        o.modality(), o.links(), o.estimatedMinutes(), o.mentorOrSite())).toList()))
                        .toList()))
                .toList());
        return link(copy);
    }

    /** A unit of another course on the viewer's platform and in the deployment of the viewer's course. */
    private Optional<UnitRecord> sourceInAnotherCourse(Viewer viewer, String key) {
        var mine = COURSE.as("mine");
        return db.select(UNIT.fields()).from(UNIT)
                .join(COURSE).on(COURSE.ID.eq(UNIT.COURSE_ID))
                .join(mine).on(mine.ID.eq(viewer.courseId()))
                .where(UNIT.UNIT_KEY.eq(key), UNIT.COURSE_ID.ne(viewer.courseId()),
                        COURSE.PLATFORM_ID.eq(viewer.platformId()), mine.PLATFORM_ID.eq(viewer.platformId()),
                        COURSE.DEPLOYMENT_ID.eq(mine.DEPLOYMENT_ID))
                .fetchOptional(r -> r.into(UNIT));
    }

    private UnitLink link(UnitRecord unit) {
        String gradebookResourceId = unit.getUnitKey();
        if (unit.getCopiedFromUnitId() != null) {
            gradebookResourceId = db.select(UNIT.UNIT_KEY).from(UNIT).where(UNIT.ID.eq(unit.getCopiedFromUnitId()))
                    .fetchSingle(UNIT.UNIT_KEY);
        }
        return new UnitLink(unit.getId(), unit.getUnitKey(), unit.getTitle(), unit.getDescription(),
                UnitStatus.valueOf(unit.getStatus()), gradebookResourceId);
    }

    // --- students: choices, proposals, goals ---

    /**
     * The viewer's own path through a published unit. Students only; teachers use {@link #pathOf}.
     */
    @Transactional(readOnly = true)
    public StudentPath myPath(long unitId) {
        Viewer viewer = requireStudent();
        return path(readableUnit(viewer, unitId), viewer.personId(), null);
    }

    /** A student's path, for their teacher. */
    @Transactional(readOnly = true)
    public StudentPath pathOf(long unitId, long studentPersonId) {
        Viewer viewer = currentViewer.requireTeacher();
        UnitRecord unit = readableUnit(viewer, unitId);
        RosterEntry student = student(studentPersonId);
        return path(unit, studentPersonId, student.name());
    }

    /**
     * The viewer chooses from an assessment's menu: exactly one option for CHOOSE_ONE, one or more for
     * CHOOSE_ANY. Replaces their earlier choice. Only on a target the gate has opened for them.
     */
    @Transactional
    public StudentPath choose(long assessmentId, Set<Long> optionIds) {
        Viewer viewer = requireStudent();
        UnitAssessmentRecord assessment = db.selectFrom(UNIT_ASSESSMENT).where(UNIT_ASSESSMENT.ID.eq(assessmentId)).fetchOne();
        if (assessment == null) {
            throw notFound();
        }
        UnitTargetRecord target = db.fetchSingle(UNIT_TARGET, UNIT_TARGET.ID.eq(assessment.getTargetId()));
        UnitRecord unit = readableUnit(viewer, target.getUnitId());
        refuseLocked(unit, viewer.personId(), target.getId());
        Set<Long> menu = new HashSet<>(db.select(LEARNING_OPTION.ID).from(LEARNING_OPTION)
                .where(LEARNING_OPTION.ASSESSMENT_ID.eq(assessmentId)).fetch(LEARNING_OPTION.ID));
        boolean one = ChoiceRule.CHOOSE_ONE.name().equals(assessment.getChoiceRule());
        if (optionIds.isEmpty() || !menu.containsAll(optionIds) || (one && optionIds.size() != 1)) {
            throw new UnitRejectedException(one ? "unit.error.choose-one" : "unit.error.choose-any", Field.CHOICE);
        }
        db.deleteFrom(OPTION_CHOICE).where(OPTION_CHOICE.STUDENT_PERSON_ID.eq(viewer.personId()),
                OPTION_CHOICE.OPTION_ID.in(menu)).execute();
        LocalDateTime now = now();
        for (Long optionId : optionIds) {
            db.insertInto(OPTION_CHOICE).set(OPTION_CHOICE.OPTION_ID, optionId)
                    .set(OPTION_CHOICE.STUDENT_PERSON_ID, viewer.personId()).set(OPTION_CHOICE.CHOSEN_AT, now).execute();
        }
        return path(unit, viewer.personId(), null);
    }

    /**
     * The viewer proposes another way to show the learning, as far as the unit's continuum level
     * allows: an alternative option or their own plan for one open target, or a project spanning two
     * or more open targets.
     */
    @Transactional
    public Proposal propose(long unitId, ProposalDraft draft) {
        Viewer viewer = requireStudent();
        UnitRecord unit = readableUnit(viewer, unitId);
        List<UnitProblem> problems = new ArrayList<>();
        if (!draft.kind().allowedAt(Continuum.valueOf(unit.getContinuum()))) {
            throw new UnitRejectedException("unit.error.proposal-kind", Field.PROPOSAL_KIND);
        }
        Set<Long> targets = new LinkedHashSet<>(draft.targetIds());
        Set<Long> unitTargets = new HashSet<>(db.select(UNIT_TARGET.ID).from(UNIT_TARGET)
                .where(UNIT_TARGET.UNIT_ID.eq(unitId)).fetch(UNIT_TARGET.ID));
        if (!unitTargets.containsAll(targets)) {
            throw notFound();
        }
        boolean project = draft.kind() == ProposalKind.PROJECT;
        if (project ? targets.size() < 2 : targets.size() != 1) {
            problems.add(UnitProblem.of(project ? "unit.error.project-targets" : "unit.error.proposal-target",
                    Field.PROPOSAL_TARGETS));
        }
        requireText(draft.title(), UnitRules.MAX_TITLE, "unit.error.proposal-title", Field.PROPOSAL_TITLE, problems);
        requireText(draft.plan(), UnitRules.MAX_TEXT, "unit.error.proposal-plan", Field.PROPOSAL_PLAN, problems);
        requireText(draft.showsIndicator(), UnitRules.MAX_TEXT, "unit.error.proposal-evidence", Field.PROPOSAL_EVIDENCE,
                problems);
        if (!problems.isEmpty()) {
            throw new UnitRejectedException(problems);
        }
        for (Long target : targets) {
            refuseLocked(unit, viewer.personId(), target);
        }
        UnitProposalRecord proposal = db.newRecord(UNIT_PROPOSAL);
        proposal.setUnitId(unitId);
        proposal.setStudentPersonId(viewer.personId());
        proposal.setKind(draft.kind().name());
        proposal.setTitle(draft.title().strip());
        proposal.setPlan(draft.plan().strip());
        proposal.setShowsIndicator(draft.showsIndicator().strip());
        proposal.setStatus(ProposalStatus.PENDING.name());
        proposal.setCreatedAt(now());
        proposal.store();
        for (Long target : targets) {
            db.insertInto(UNIT_PROPOSAL_TARGET).set(UNIT_PROPOSAL_TARGET.PROPOSAL_ID, proposal.getId())
                    .set(UNIT_PROPOSAL_TARGET.TARGET_ID, target).execute();
        }
        return proposal(proposal, null);
    }

    /** One proposal: a student reads only their own; a teacher any of their course. */
    @Transactional(readOnly = true)
    public Proposal proposal(long proposalId) {
        Viewer viewer = currentViewer.require();
        UnitProposalRecord proposal = readableProposal(viewer, proposalId);
        return proposal(proposal, viewer.isTeacher() ? student(proposal.getStudentPersonId()).name() : null);
    }

    /** A teacher approves a proposal, or returns it with a comment saying what to change. */
    @Transactional
    public Proposal review(long proposalId, boolean approve, @Nullable String comment) {
        Viewer viewer = currentViewer.requireTeacher();
        UnitProposalRecord proposal = readableProposal(viewer, proposalId);
        String clean = UnitRules.blankToNull(comment);
        if (!approve && clean == null) {
            throw new UnitRejectedException("unit.error.comment-required", Field.COMMENT);
        }
        if (clean != null && clean.length() > UnitRules.MAX_TEXT) {
            throw new UnitRejectedException("unit.error.text-long", Field.COMMENT);
        }
        proposal.setStatus((approve ? ProposalStatus.APPROVED : ProposalStatus.RETURNED).name());
        proposal.setTeacherComment(clean);
        proposal.setReviewedBy(viewer.personId());
        proposal.setReviewedAt(now());
        proposal.update();
        return proposal(proposal, student(proposal.getStudentPersonId()).name());
    }

    /** The viewer's goal for a target (set before the work). Only on a target open to them. */
    @Transactional
    public void saveGoal(long targetId, @Nullable String goal) {
        saveNote(targetId, goal, true);
    }

    /** The viewer's reflection on a target (after feedback). Only on a target open to them. */
    @Transactional
    public void saveReflection(long targetId, @Nullable String reflection) {
        saveNote(targetId, reflection, false);
    }

    // --- the gate ---

    /**
     * Records that a student has shown proficiency on a target, which opens the next one in a
     * self-paced unit. Teachers only; scored evidence opens the gate through {@link ProficiencyGate}.
     */
    @Transactional
    public void markTargetProficient(long studentPersonId, long targetId) {
        Viewer viewer = currentViewer.requireTeacher();
        UnitTargetRecord target = readableTarget(viewer, targetId);
        student(studentPersonId);
        recordProficient(viewer.courseId(), List.of(new Passed(studentPersonId, target.getId())), viewer.personId());
    }

    /** A student past a target's gate, for {@link #recordProficient}. */
    record Passed(long studentPersonId, long targetId) {
    }

    /**
     * For {@link ProficiencyGate}, when scored evidence shows proficiency (and for a teacher's mark):
     * each target's gate opens for its student, unless it already had, with an audit entry each. In a
     * few statements whatever the count, since a policy change can open a whole class's gates. The
     * caller has checked access; runs in the caller's transaction.
     */
    void recordProficient(long courseId, List<Passed> passed, long byPersonId) {
        if (passed.isEmpty()) {
            return;
        }
        Set<Long> targets = new TreeSet<>();
        Set<Long> students = new TreeSet<>();
        passed.forEach(p -> {
            targets.add(p.targetId());
            students.add(p.studentPersonId());
        });
        Map<Passed, TargetProgressRecord> existing = new HashMap<>();
        db.selectFrom(TARGET_PROGRESS).where(TARGET_PROGRESS.TARGET_ID.in(targets),
                        TARGET_PROGRESS.STUDENT_PERSON_ID.in(students))
                .forEach(p -> existing.put(new Passed(p.getStudentPersonId(), p.getTargetId()), p));
        Map<Long, String> labels = new HashMap<>();
        db.select(UNIT_TARGET.ID, UNIT.TITLE, UNIT_TARGET.POSITION).from(UNIT_TARGET).join(UNIT).on(UNIT.ID.eq(UNIT_TARGET.UNIT_ID))
                .where(UNIT_TARGET.ID.in(targets))
                .forEach(r -> labels.put(r.value1(), targetLabel(r.value2(), r.value3())));
        LocalDateTime now = now();
        List<TargetProgressRecord> writes = new ArrayList<>();
        List<AuditTrail.Change> entries = new ArrayList<>();
        for (Passed pass : new LinkedHashSet<>(passed)) {
            TargetProgressRecord progress = existing.get(pass);
            if (progress == null) {
                progress = db.newRecord(TARGET_PROGRESS);
                progress.setTargetId(pass.targetId());
                progress.setStudentPersonId(pass.studentPersonId());
            } else if (progress.getProficientAt() != null) {
                continue;
            }
            progress.setProficientAt(now);
            progress.setProficientBy(byPersonId);
            writes.add(progress);
            entries.add(new AuditTrail.Change(courseId, pass.studentPersonId(), AuditKind.GATE_PASSED,
                    labels.getOrDefault(pass.targetId(), "?"), null, null));
        }
        // New rows and rows without proficient_at alike, as multi-row upserts that touch only the gate's fields.
        var p = TARGET_PROGRESS;
        for (int from = 0; from < writes.size(); from += 1000) {
            var insert = db.insertInto(p, p.TARGET_ID, p.STUDENT_PERSON_ID, p.PROFICIENT_AT, p.PROFICIENT_BY);
            for (TargetProgressRecord row : writes.subList(from, Math.min(writes.size(), from + 1000))) {
                insert = insert.values(row.getTargetId(), row.getStudentPersonId(), row.getProficientAt(),
                        row.getProficientBy());
            }
            insert.onDuplicateKeyUpdate().set(p.PROFICIENT_AT, DSL.excluded(p.PROFICIENT_AT))
                    .set(p.PROFICIENT_BY, DSL.excluded(p.PROFICIENT_BY)).execute();
        }
        audit.recordAll(entries);
    }

    /** A teacher lets a student past a target without proficiency yet; who, when and why are kept. */
    @Transactional
    public void overrideGate(long studentPersonId, long targetId, String reason) {
        Viewer viewer = currentViewer.requireTeacher();
        UnitTargetRecord target = readableTarget(viewer, targetId);
        student(studentPersonId);
        String clean = UnitRules.strip(reason);
        if (clean.isEmpty() || clean.length() > UnitRules.MAX_TEXT) {
            throw new UnitRejectedException(clean.isEmpty() ? "unit.error.reason-required" : "unit.error.text-long",
                    Field.REASON);
        }
        TargetProgressRecord progress = progress(target.getId(), studentPersonId);
        progress.setOverriddenAt(now());
        progress.setOverriddenBy(viewer.personId());
        progress.setOverrideReason(clean);
        progress.store();
        audit.record(viewer.courseId(), studentPersonId, AuditKind.GATE_OVERRIDDEN,
                targetLabel(unitOfTarget(target.getId()), target.getId()), null, clean);
    }

    private UnitRecord unitOfTarget(long targetId) {
        return db.selectFrom(UNIT).where(UNIT.ID.eq(
                db.select(UNIT_TARGET.UNIT_ID).from(UNIT_TARGET).where(UNIT_TARGET.ID.eq(targetId)))).fetchSingle();
    }

    /** "Fractions · 2": the unit and the target's place in it, as teachers know them. */
    private String targetLabel(UnitRecord unit, long targetId) {
        Integer position = db.select(UNIT_TARGET.POSITION).from(UNIT_TARGET).where(UNIT_TARGET.ID.eq(targetId))
                .fetchOne(UNIT_TARGET.POSITION);
        return targetLabel(unit.getTitle(), position);
    }

    private static String targetLabel(String unitTitle, @Nullable Integer position) {
        return unitTitle + " · " + (position == null ? "?" : position + 1);
    }

    /** The class in a unit, stuck longest first, with the proposals waiting. Teachers only. */
    @Transactional(readOnly = true)
    public Board board(long unitId) {
        Viewer viewer = currentViewer.requireTeacher();
        UnitRecord record = readableUnit(viewer, unitId);
        Unit unit = view(record);
        Map<Long, RosterEntry> students = students();
        Map<Long, Map<Long, TargetProgressRecord>> progress = new HashMap<>();
        db.selectFrom(TARGET_PROGRESS).where(TARGET_PROGRESS.TARGET_ID.in(targetIds(unit)))
                .forEach(p -> progress.computeIfAbsent(p.getStudentPersonId(), k -> new HashMap<>()).put(p.getTargetId(), p));
        Instant start = record.getPublishedAt() == null ? null : record.getPublishedAt().toInstant(ZoneOffset.UTC);
        List<Board.Row> rows = new ArrayList<>();
        for (RosterEntry student : students.values()) {
            Map<Long, TargetProgressRecord> mine = progress.getOrDefault(student.personId(), Map.of());
            Integer current = currentIndex(unit, mine);
            Instant since = null;
            if (current != null) {
                since = start;
                for (int i = 0; i < current; i++) {
                    Instant passed = passedAt(mine.get(unit.targets().get(i).id()));
                    if (passed != null && (since == null || passed.isAfter(since))) {
                        since = passed;
                    }
                }
            }
            rows.add(new Board.Row(student.personId(), student.name(), current, pacing(unit, mine), since));
        }
        rows.sort(Comparator.comparing((Board.Row r) -> r.currentIndex() == null)
                .thenComparing(Board.Row::onItSince, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> r.name() == null ? "" : r.name()));
        List<Proposal> pending = db.selectFrom(UNIT_PROPOSAL)
                .where(UNIT_PROPOSAL.UNIT_ID.eq(unitId), UNIT_PROPOSAL.STATUS.eq(ProposalStatus.PENDING.name()))
                .orderBy(UNIT_PROPOSAL.CREATED_AT, UNIT_PROPOSAL.ID)
                .fetch(p -> proposal(p, students.containsKey(p.getStudentPersonId())
                        ? students.get(p.getStudentPersonId()).name() : null));
        return new Board(unit, rows, pending);
    }

    // --- reading ---

    private StudentPath path(UnitRecord record, long studentId, @Nullable String unusedName) {
        Unit unit = view(record);
        Set<Long> targetIds = targetIds(unit);
        Map<Long, TargetProgressRecord> progress = db.selectFrom(TARGET_PROGRESS)
                .where(TARGET_PROGRESS.TARGET_ID.in(targetIds), TARGET_PROGRESS.STUDENT_PERSON_ID.eq(studentId))
                .fetchMap(TARGET_PROGRESS.TARGET_ID);
        Set<Long> chosen = new HashSet<>(db.select(OPTION_CHOICE.OPTION_ID).from(OPTION_CHOICE)
                .join(LEARNING_OPTION).on(LEARNING_OPTION.ID.eq(OPTION_CHOICE.OPTION_ID))
                .join(UNIT_ASSESSMENT).on(UNIT_ASSESSMENT.ID.eq(LEARNING_OPTION.ASSESSMENT_ID))
                .where(OPTION_CHOICE.STUDENT_PERSON_ID.eq(studentId), UNIT_ASSESSMENT.TARGET_ID.in(targetIds))
                .fetch(OPTION_CHOICE.OPTION_ID));
        var notes = db.selectFrom(TARGET_NOTE)
                .where(TARGET_NOTE.TARGET_ID.in(targetIds), TARGET_NOTE.STUDENT_PERSON_ID.eq(studentId))
                .fetchMap(TARGET_NOTE.TARGET_ID);
        Integer current = currentIndex(unit, progress);
        boolean gated = unit.pacing() == Pacing.SELF_PACED;
        List<StudentPath.Step> steps = new ArrayList<>();
        for (int i = 0; i < unit.targets().size(); i++) {
            Unit.Target target = unit.targets().get(i);
            TargetProgressRecord p = progress.get(target.id());
            StudentPath.Passage passage = passage(p);
            TargetState state = passage != null ? TargetState.PASSED
                    : current != null && i == current ? TargetState.CURRENT
                    : gated ? TargetState.LOCKED : TargetState.OPEN;
            Set<Long> mine = target.assessments().stream().flatMap(a -> a.options().stream())
                    .map(Unit.LearningOption::id).filter(chosen::contains).collect(Collectors.toSet());
            var note = notes.get(target.id());
            steps.add(new StudentPath.Step(target, state, mine, note == null ? null : note.getGoal(),
                    note == null ? null : note.getReflection(), passage));
        }
        List<Proposal> proposals = db.selectFrom(UNIT_PROPOSAL)
                .where(UNIT_PROPOSAL.UNIT_ID.eq(unit.id()), UNIT_PROPOSAL.STUDENT_PERSON_ID.eq(studentId))
                .orderBy(UNIT_PROPOSAL.CREATED_AT.desc(), UNIT_PROPOSAL.ID.desc())
                .fetch(p -> proposal(p, unusedName));
        Set<ProposalKind> may = EnumSet.noneOf(ProposalKind.class);
        for (ProposalKind kind : ProposalKind.values()) {
            if (kind.allowedAt(unit.continuum())) {
                may.add(kind);
            }
        }
        return new StudentPath(unit, studentId, current, List.copyOf(steps), pacing(unit, progress), proposals, may);
    }

    private static @Nullable Integer currentIndex(Unit unit, Map<Long, TargetProgressRecord> progress) {
        for (int i = 0; i < unit.targets().size(); i++) {
            if (passedAt(progress.get(unit.targets().get(i).id())) == null) {
                return i;
            }
        }
        return null;
    }

    /** Against the suggested dates, with "today" taken in UTC from the injected clock. */
    private PacingStatus pacing(Unit unit, Map<Long, TargetProgressRecord> progress) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        boolean ahead = false;
        for (Unit.Target target : unit.targets()) {
            LocalDate date = target.suggestedDate();
            if (date == null) {
                continue;
            }
            boolean passed = passedAt(progress.get(target.id())) != null;
            if (!passed && date.isBefore(today)) {
                return PacingStatus.BEHIND;
            }
            if (passed && date.isAfter(today)) {
                ahead = true;
            }
        }
        return ahead ? PacingStatus.AHEAD : PacingStatus.ON_TRACK;
    }

    private static @Nullable Instant passedAt(@Nullable TargetProgressRecord progress) {
        StudentPath.Passage passage = passage(progress);
        return passage == null ? null : passage.at();
    }

    private static StudentPath.@Nullable Passage passage(@Nullable TargetProgressRecord p) {
        if (p == null) {
            return null;
        }
        if (p.getProficientAt() != null) {
            return new StudentPath.Passage(true, p.getProficientAt().toInstant(ZoneOffset.UTC), null, null);
        }
        if (p.getOverriddenAt() != null) {
            return new StudentPath.Passage(false, p.getOverriddenAt().toInstant(ZoneOffset.UTC), p.getOverriddenBy(),
                    p.getOverrideReason());
        }
        return null;
    }

    private Unit view(UnitRecord unit) {
        Map<Long, IndicatorOption> indicators = indicatorMap(true);
        List<UnitTargetRecord> targets = db.selectFrom(UNIT_TARGET).where(UNIT_TARGET.UNIT_ID.eq(unit.getId()))
                .orderBy(UNIT_TARGET.POSITION, UNIT_TARGET.ID).fetch();
        Set<Long> targetIds = targets.stream().map(UnitTargetRecord::getId).collect(Collectors.toSet());
        Map<Long, org.jooq.Result<UnitAssessmentRecord>> assessments = db.selectFrom(UNIT_ASSESSMENT)
                .where(UNIT_ASSESSMENT.TARGET_ID.in(targetIds)).orderBy(UNIT_ASSESSMENT.POSITION, UNIT_ASSESSMENT.ID)
                .fetchGroups(UNIT_ASSESSMENT.TARGET_ID);
        Set<Long> assessmentIds = assessments.values().stream().flatMap(List::stream).map(UnitAssessmentRecord::getId)
                .collect(Collectors.toSet());
        Map<Long, org.jooq.Result<LearningOptionRecord>> options = db.selectFrom(LEARNING_OPTION)
                .where(LEARNING_OPTION.ASSESSMENT_ID.in(assessmentIds)).orderBy(LEARNING_OPTION.POSITION, LEARNING_OPTION.ID)
                .fetchGroups(LEARNING_OPTION.ASSESSMENT_ID);
        List<Unit.Target> viewTargets = new ArrayList<>();
        for (UnitTargetRecord t : targets) {
            IndicatorOption indicator = indicators.get(t.getIndicatorItemId());
            List<Unit.Assessment> as = assessments.getOrDefault(t.getId(), db.newResult(UNIT_ASSESSMENT)).stream()
                    .map(a -> new Unit.Assessment(a.getId(), a.getTitle(), AssessmentKind.valueOf(a.getKind()),
                            a.getRubricId(), ChoiceRule.valueOf(a.getChoiceRule()),
                            options.getOrDefault(a.getId(), db.newResult(LEARNING_OPTION)).stream().map(Units::option).toList()))
                    .toList();
            viewTargets.add(new Unit.Target(t.getId(), viewTargets.size(), t.getIndicatorItemId(),
                    indicator == null ? null : indicator.code(), indicator == null ? "" : indicator.statement(),
                    indicator == null ? List.of() : indicator.objectives(), t.getSuggestedDate(), as));
        }
        return new Unit(unit.getId(), unit.getTitle(), unit.getDescription(), Pacing.valueOf(unit.getPacing()),
                Continuum.valueOf(unit.getContinuum()), UnitStatus.valueOf(unit.getStatus()), unit.getRevision(),
                List.copyOf(viewTargets));
    }

    private static Unit.LearningOption option(LearningOptionRecord o) {
        List<String> links = o.getLinks() == null ? List.of()
                : o.getLinks().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return new Unit.LearningOption(o.getId(), o.getTitle(), o.getDescription(), Modality.valueOf(o.getModality()),
                links, o.getEstimatedMinutes(), o.getMentorOrSite());
    }

    /** The course's performance indicators by id, each with its learning objectives. */
    private Map<Long, IndicatorOption> indicatorMap(boolean includeArchived) {
        Map<Long, IndicatorOption> result = new java.util.LinkedHashMap<>();
        for (StandardsFramework framework : standards.frameworks()) {
            List<StandardItem> items = standards.items(framework.id(), includeArchived);
            for (StandardItem item : items) {
                if (item.level() == Level.INDICATOR) {
                    List<String> objectives = items.stream()
                            .filter(o -> o.level() == Level.OBJECTIVE && Long.valueOf(item.id()).equals(o.parentId()))
                            .map(StandardItem::label).toList();
                    result.put(item.id(), new IndicatorOption(item.id(), item.code(), item.statement(),
                            framework.title(), objectives));
                }
            }
        }
        return result;
    }

    private Set<Long> rubricIds() {
        return rubrics.library().stream().map(RubricSummary::id).collect(Collectors.toSet());
    }

    private static Set<Long> targetIds(Unit unit) {
        return unit.targets().stream().map(Unit.Target::id).collect(Collectors.toSet());
    }

    private Proposal proposal(UnitProposalRecord p, @Nullable String studentName) {
        List<Long> targets = db.select(UNIT_PROPOSAL_TARGET.TARGET_ID).from(UNIT_PROPOSAL_TARGET)
                .join(UNIT_TARGET).on(UNIT_TARGET.ID.eq(UNIT_PROPOSAL_TARGET.TARGET_ID))
                .where(UNIT_PROPOSAL_TARGET.PROPOSAL_ID.eq(p.getId())).orderBy(UNIT_TARGET.POSITION)
                .fetch(UNIT_PROPOSAL_TARGET.TARGET_ID);
        return new Proposal(p.getId(), p.getUnitId(), p.getStudentPersonId(), studentName, ProposalKind.valueOf(p.getKind()),
                targets, p.getTitle(), p.getPlan(), p.getShowsIndicator(), ProposalStatus.valueOf(p.getStatus()),
                p.getTeacherComment(), p.getCreatedAt().toInstant(ZoneOffset.UTC));
    }

    // --- access ---

    private Viewer requireStudent() {
        Viewer viewer = currentViewer.require();
        if (viewer.role() != Role.STUDENT) {
            throw new AccessDeniedException("Students only");
        }
        return viewer;
    }

    /** Teachers read every unit of their course; students only published ones. */
    private UnitRecord readableUnit(Viewer viewer, long unitId) {
        var where = UNIT.ID.eq(unitId).and(UNIT.COURSE_ID.eq(viewer.courseId()));
        if (!viewer.isTeacher()) {
            where = where.and(UNIT.STATUS.eq(UnitStatus.PUBLISHED.name()));
        }
        UnitRecord unit = db.selectFrom(UNIT).where(where).fetchOne();
        if (unit == null) {
            throw notFound();
        }
        return unit;
    }

    private UnitTargetRecord readableTarget(Viewer viewer, long targetId) {
        UnitTargetRecord target = db.selectFrom(UNIT_TARGET).where(UNIT_TARGET.ID.eq(targetId)).fetchOne();
        if (target == null) {
            throw notFound();
        }
        readableUnit(viewer, target.getUnitId());
        return target;
    }

    private UnitProposalRecord readableProposal(Viewer viewer, long proposalId) {
        UnitProposalRecord proposal = db.selectFrom(UNIT_PROPOSAL).where(UNIT_PROPOSAL.ID.eq(proposalId)).fetchOne();
        if (proposal == null || (!viewer.isTeacher() && proposal.getStudentPersonId() != viewer.personId())) {
            throw notFound();
        }
        readableUnit(viewer, proposal.getUnitId());
        return proposal;
    }

    /** Students of the course who have not left, by person id. Teachers only (the roster says so). */
    private Map<Long, RosterEntry> students() {
        Map<Long, RosterEntry> students = new java.util.LinkedHashMap<>();
        roster.rosterOfMyCourse().stream().filter(e -> e.role() == Role.STUDENT && !e.left())
                .forEach(e -> students.put(e.personId(), e));
        return students;
    }

    private RosterEntry student(long personId) {
        RosterEntry student = students().get(personId);
        if (student == null) {
            throw new AccessDeniedException("No such student in this course");
        }
        return student;
    }

    /** The mastery gate, checked here and not only hidden in the view. */
    private void refuseLocked(UnitRecord unit, long studentId, long targetId) {
        StudentPath path = path(unit, studentId, null);
        boolean locked = path.steps().stream()
                .anyMatch(step -> step.target().id() == targetId && step.state() == TargetState.LOCKED);
        if (locked) {
            throw new UnitRejectedException("unit.error.target-locked", Field.STATUS);
        }
    }

    private static AccessDeniedException notFound() {
        // The same answer for "missing" and "another course's", so ids reveal nothing.
        return new AccessDeniedException("No such unit in this course");
    }

    // --- writing ---

    private void saveNote(long targetId, @Nullable String text, boolean goal) {
        Viewer viewer = requireStudent();
        UnitTargetRecord target = readableTarget(viewer, targetId);
        refuseLocked(readableUnit(viewer, target.getUnitId()), viewer.personId(), targetId);
        String clean = UnitRules.blankToNull(text);
        if (clean != null && clean.length() > UnitRules.MAX_TEXT) {
            throw new UnitRejectedException("unit.error.text-long", Field.NOTE);
        }
        var note = db.selectFrom(TARGET_NOTE)
                .where(TARGET_NOTE.TARGET_ID.eq(targetId), TARGET_NOTE.STUDENT_PERSON_ID.eq(viewer.personId())).fetchOne();
        if (note == null) {
            note = db.newRecord(TARGET_NOTE);
            note.setTargetId(targetId);
            note.setStudentPersonId(viewer.personId());
        }
        if (goal) {
            note.setGoal(clean);
        } else {
            note.setReflection(clean);
        }
        note.setUpdatedAt(now());
        note.store();
    }

    private TargetProgressRecord progress(long targetId, long studentId) {
        TargetProgressRecord progress = db.selectFrom(TARGET_PROGRESS)
                .where(TARGET_PROGRESS.TARGET_ID.eq(targetId), TARGET_PROGRESS.STUDENT_PERSON_ID.eq(studentId)).fetchOne();
        if (progress == null) {
            progress = db.newRecord(TARGET_PROGRESS);
            progress.setTargetId(targetId);
            progress.setStudentPersonId(studentId);
        }
        return progress;
    }

    private void requireText(@Nullable String text, int max, String key, Field field, List<UnitProblem> problems) {
        String clean = UnitRules.strip(text);
        if (clean.isEmpty()) {
            problems.add(UnitProblem.of(key, field));
        } else if (clean.length() > max) {
            problems.add(UnitProblem.of("unit.error.text-long", field));
        }
    }

    private void bumpRevision(long unitId, int baseRevision, LocalDateTime now) {
        int updated = db.update(UNIT).set(UNIT.REVISION, UNIT.REVISION.plus(1)).set(UNIT.UPDATED_AT, now)
                .where(UNIT.ID.eq(unitId), UNIT.REVISION.eq(baseRevision)).execute();
        if (updated == 0) {
            throw new UnitConflictException();
        }
    }

    /** Upserts by id within this unit; what the draft left out is deleted (cascading to students' rows). */
    private void writeTargets(long unitId, List<UnitDraft.TargetDraft> drafts) {
        Map<Long, UnitTargetRecord> existing = db.selectFrom(UNIT_TARGET).where(UNIT_TARGET.UNIT_ID.eq(unitId))
                .fetchMap(UNIT_TARGET.ID);
        Set<Long> kept = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            UnitDraft.TargetDraft draft = drafts.get(i);
            UnitTargetRecord target = draft.id() == null ? null : existing.get(draft.id());
            if (target == null) {
                target = db.newRecord(UNIT_TARGET);
                target.setUnitId(unitId);
            }
            target.setPosition(i);
            target.setIndicatorItemId(draft.indicatorId());
            target.setSuggestedDate(draft.suggestedDate());
            target.store();
            kept.add(target.getId());
            writeAssessments(target.getId(), draft.assessments());
        }
        existing.keySet().stream().filter(id -> !kept.contains(id))
                .forEach(id -> db.deleteFrom(UNIT_TARGET).where(UNIT_TARGET.ID.eq(id)).execute());
    }

    private void writeAssessments(long targetId, List<UnitDraft.AssessmentDraft> drafts) {
        Map<Long, UnitAssessmentRecord> existing = db.selectFrom(UNIT_ASSESSMENT)
                .where(UNIT_ASSESSMENT.TARGET_ID.eq(targetId)).fetchMap(UNIT_ASSESSMENT.ID);
        Set<Long> kept = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            UnitDraft.AssessmentDraft draft = drafts.get(i);
            UnitAssessmentRecord assessment = draft.id() == null ? null : existing.get(draft.id());
            if (assessment == null) {
                assessment = db.newRecord(UNIT_ASSESSMENT);
                assessment.setTargetId(targetId);
            }
            assessment.setPosition(i);
            assessment.setTitle(draft.title().strip());
            assessment.setKind(draft.kind().name());
            assessment.setRubricId(draft.rubricId());
            assessment.setChoiceRule(draft.choiceRule().name());
            assessment.store();
            kept.add(assessment.getId());
            writeOptions(assessment.getId(), draft.options());
        }
        existing.keySet().stream().filter(id -> !kept.contains(id))
                .forEach(id -> db.deleteFrom(UNIT_ASSESSMENT).where(UNIT_ASSESSMENT.ID.eq(id)).execute());
    }

    private void writeOptions(long assessmentId, List<UnitDraft.OptionDraft> drafts) {
        Map<Long, LearningOptionRecord> existing = db.selectFrom(LEARNING_OPTION)
                .where(LEARNING_OPTION.ASSESSMENT_ID.eq(assessmentId)).fetchMap(LEARNING_OPTION.ID);
        Set<Long> kept = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            UnitDraft.OptionDraft draft = drafts.get(i);
            LearningOptionRecord option = draft.id() == null ? null : existing.get(draft.id());
            if (option == null) {
                option = db.newRecord(LEARNING_OPTION);
                option.setAssessmentId(assessmentId);
            }
            option.setPosition(i);
            option.setTitle(draft.title().strip());
            option.setDescription(UnitRules.blankToNull(draft.description()));
            option.setModality(draft.modality().name());
            String links = draft.links().stream().map(String::strip).filter(l -> !l.isEmpty())
                    .collect(Collectors.joining("\n"));
            option.setLinks(links.isEmpty() ? null : links);
            option.setEstimatedMinutes(draft.estimatedMinutes());
            option.setMentorOrSite(draft.modality() == Modality.WORK_BASED ? UnitRules.blankToNull(draft.mentorOrSite()) : null);
            option.store();
            kept.add(option.getId());
        }
        existing.keySet().stream().filter(id -> !kept.contains(id))
                .forEach(id -> db.deleteFrom(LEARNING_OPTION).where(LEARNING_OPTION.ID.eq(id)).execute());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
