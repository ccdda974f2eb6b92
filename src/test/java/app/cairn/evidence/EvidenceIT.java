package app.cairn.evidence;

import static app.cairn.evidence.EvidenceTestData.actAs;
import static cairn.schema.Tables.ENROLLMENT;
import static cairn.schema.Tables.INDICATOR_PROFICIENCY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import app.cairn.gradebook.Gradebook;
import app.cairn.gradebook.ScoreRow;
import app.cairn.proficiency.CalculationMethod;
import app.cairn.proficiency.GradeMapping;
import app.cairn.proficiency.PolicyDraft;
import app.cairn.proficiency.ProficiencyPolicies;
import app.cairn.proficiency.ProficiencyPolicy;
import app.cairn.proficiency.RollUpRule;
import app.cairn.rubric.Rubric;
import app.cairn.rubric.RubricTestData;
import app.cairn.rubric.Rubrics;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;
import app.cairn.standards.StandardsLibrary;
import app.cairn.testing.KaribuTest;
import app.cairn.testing.TestOutbox;
import app.cairn.unit.Continuum;
import app.cairn.unit.Pacing;
import app.cairn.unit.Proposal;
import app.cairn.unit.ProposalDraft;
import app.cairn.unit.ProposalKind;
import app.cairn.unit.StudentPath;
import app.cairn.unit.TargetState;
import app.cairn.unit.Units;

/**
 * Evidence on the real MariaDB, signed in the way launches sign in: students hand in evidence,
 * teachers score it, and proficiency, the unit gate and the gradebook outbox follow.
 */
class EvidenceIT extends KaribuTest {

    @Autowired
    BodyOfEvidence evidence;
    @Autowired
    Scoring scoring;
    @Autowired
    Mastery mastery;
    @Autowired
    Units units;
    @Autowired
    Rubrics rubrics;
    @Autowired
    StandardsLibrary library;
    @Autowired
    ProficiencyPolicies policies;
    @Autowired
    Gradebook gradebook;
    @Autowired
    DSLContext db;
    @Autowired
    Clock clock;

    String course;
    Viewer teacher;
    Viewer student;
    EvidenceTestData.Course built;

    @AfterEach
    void leaveNothingToSend() {
        TestOutbox.leaveNothingToSend(db);
        SecurityContextHolder.clearContext();
    }

    /** A course, its teacher, a self-paced unit and a student who chose the Essay for the Lab. */
    private void setUp(Pacing pacing, Continuum continuum) {
        course = newCourse();
        teacher = launchAsTeacher(course);
        built = EvidenceTestData.build(units, library, rubrics, pacing, continuum);
        student = launchAsStudent(course);
        units.choose(built.labAssessment().id(), Set.of(built.essay()));
    }

    private void setUp() {
        setUp(Pacing.SELF_PACED, Continuum.PARTICIPANT);
    }

    /** As the student: the Essay for the Lab, written and handed in. */
    private EvidenceView handInEssay(String text) {
        actAs(student);
        return EvidenceTestData.handInEssay(evidence, built, text);
    }

    /** As the teacher: the lab scored at a level (0 is the lowest) with the rubric as it is now. */
    private EvidenceView score(long evidenceId, int level) {
        actAs(teacher);
        ScoringSheet sheet = scoring.sheet(evidenceId);
        Rubric rubric = sheet.rubric();
        return scoring.score(evidenceId, new ScoreDraft(sheet.evidence().revision(), rubric.current().id(),
                rubric.revision(), Map.of(rubric.current().criteria().getFirst().id(), level), "Clear plan"));
    }

    @Autowired
    app.cairn.privacy.StudentRecords privacyRecords;
    @Autowired
    app.cairn.privacy.AuditTrail audit;

    @Test
    void a_score_and_the_proficiency_it_changes_are_in_the_audit_trail_and_erasing_the_student_leaves_none_of_it() {
        setUp();
        EvidenceView handedIn = handInEssay("I changed only the light.");
        score(handedIn.id(), 2);

        actAs(teacher);
        assertThat(audit.trailOfMyCourse(student.personId(), 0, 20)).extracting(e -> e.kind())
                .contains(app.cairn.privacy.AuditKind.SCORE, app.cairn.privacy.AuditKind.PROFICIENCY);
        assertThat(audit.trailOfMyCourse(student.personId(), 0, 20))
                .filteredOn(e -> e.kind() == app.cairn.privacy.AuditKind.PROFICIENCY).first()
                .satisfies(e -> {
                    assertThat(e.from()).isNull();
                    assertThat(e.to()).contains("(3.00)");
                    assertThat(e.actorName()).isNotNull();
                });
        String export = new String(privacyRecords.exportJson(student.personId()), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(export).contains("I changed only the light.", "Clear plan");

        privacyRecords.erase(student.personId());

        long courseId = teacher.courseId();
        assertThat(db.fetchCount(cairn.schema.Tables.EVIDENCE, cairn.schema.Tables.EVIDENCE.COURSE_ID.eq(courseId),
                cairn.schema.Tables.EVIDENCE.STUDENT_PERSON_ID.eq(student.personId()))).isZero();
        assertThat(db.fetchCount(cairn.schema.Tables.INDICATOR_PROFICIENCY,
                cairn.schema.Tables.INDICATOR_PROFICIENCY.STUDENT_PERSON_ID.eq(student.personId()))).isZero();
        assertThat(db.fetchCount(cairn.schema.Tables.UNIT_PROFICIENCY,
                cairn.schema.Tables.UNIT_PROFICIENCY.STUDENT_PERSON_ID.eq(student.personId()))).isZero();
        assertThat(db.fetchCount(cairn.schema.Tables.STANDARD_PROFICIENCY,
                cairn.schema.Tables.STANDARD_PROFICIENCY.STUDENT_PERSON_ID.eq(student.personId()))).isZero();
        assertThat(db.fetchCount(cairn.schema.Tables.EVIDENCE_SCORE_LEVEL,
                cairn.schema.Tables.EVIDENCE_SCORE_LEVEL.STUDENT_PERSON_ID.eq(student.personId()))).isZero();
        assertThat(db.fetchExists(cairn.schema.Tables.PERSON, cairn.schema.Tables.PERSON.ID.eq(student.personId()))).isFalse();
    }

    @Test
    void draft_submit_score_proficiency_gate_and_gradebook_in_one_flow() {
        setUp();
        actAs(student);
        EvidenceView draft = evidence.start(built.unit().id(), built.labAssessment().id(), built.essay(), null);
        assertThat(draft.status()).isEqualTo(EvidenceStatus.DRAFT);
        assertThat(draft.viaTitle()).isEqualTo("Essay");
        assertThat(draft.kind()).isEqualTo(app.cairn.unit.AssessmentKind.SUMMATIVE);
        draft = evidence.saveDraft(draft.id(), new EvidenceDraft("  I changed only the light.  ",
                List.of(" https://video.example/lab "), null, draft.revision()));
        assertThat(draft.text()).isEqualTo("I changed only the light.");
        assertThat(draft.links()).containsExactly("https://video.example/lab");
        draft = evidence.attachFile(draft.id(), "lab.pdf", new ByteArrayInputStream(EvidenceTestData.pdf("lab")));
        assertThat(draft.files()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo("pdf");
            assertThat(f.mediaType()).isEqualTo("application/pdf");
        });
        actAs(teacher);
        long draftId = draft.id();
        assertThatThrownBy(() -> evidence.evidence(draftId)).as("drafts are the student's own")
                .isInstanceOf(AccessDeniedException.class);
        assertThat(scoring.queue(QueueFilter.all())).isEmpty();

        actAs(student);
        EvidenceView handedIn = evidence.submit(draft.id(), draft.revision());
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        assertThat(handedIn.status()).isEqualTo(EvidenceStatus.SUBMITTED);
        assertThat(handedIn.performedOn()).isEqualTo(today);
        assertThat(handedIn.submittedAt()).isNotNull();
        assertThatThrownBy(() -> evidence.saveDraft(handedIn.id(), new EvidenceDraft("more", List.of(), null,
                handedIn.revision()))).isInstanceOfSatisfying(EvidenceRejectedException.class,
                e -> assertThat(e.problems().getFirst().messageKey()).isEqualTo("evidence.error.not-editable"));

        actAs(teacher);
        assertThat(scoring.queue(QueueFilter.all())).singleElement().satisfies(q -> {
            assertThat(q.evidenceId()).isEqualTo(handedIn.id());
            assertThat(q.studentName()).isEqualTo("Sasha Student");
            assertThat(q.unitTitle()).isEqualTo("Ecosystems");
            assertThat(q.assessmentTitle()).isEqualTo("Lab");
        });
        assertThat(scoring.queue(new QueueFilter(built.unit().id(), built.second().id(), null))).isEmpty();
        ByteArrayOutputStream download = new ByteArrayOutputStream();
        evidence.copyFile(handedIn.files().getFirst().id(), download);
        assertThat(download.toByteArray()).isEqualTo(EvidenceTestData.pdf("lab"));

        EvidenceView scored = score(handedIn.id(), 2);

        assertThat(scored.status()).isEqualTo(EvidenceStatus.SCORED);
        assertThat(scored.currentScore()).satisfies(s -> {
            assertThat(s.comment()).isEqualTo("Clear plan");
            assertThat(s.rubricVersionId()).isEqualTo(built.lab().current().id());
            assertThat(s.levels()).singleElement().satisfies(l -> {
                assertThat(l.levelLabel()).isEqualTo("Proficient");
                assertThat(l.indicatorId()).isEqualTo(built.standards().indicator());
            });
        });
        assertThat(scoring.queue(QueueFilter.all())).isEmpty();
        assertThat(rubrics.rubric(built.lab().id()).current().inUse()).as("the version is frozen").isTrue();

        MasteryGrid grid = mastery.grid(built.unit().id());
        assertThat(grid.columns()).extracting(MasteryGrid.Column::indicatorId)
                .containsExactly(built.standards().indicator(), built.standards().otherIndicator());
        assertThat(grid.rows()).singleElement().satisfies(row -> {
            assertThat(row.cells().get(0).proficiency()).isEqualTo(3.0);
            assertThat(row.cells().get(0).level().label()).isEqualTo("Proficient");
            assertThat(row.cells().get(0).mastery()).isTrue();
            assertThat(row.cells().get(1)).isEqualTo(ProficiencyCell.NONE);
            assertThat(row.unit().proficiency()).isEqualTo(3.0);
            assertThat(row.unit().count()).isEqualTo(1);
            assertThat(row.indicatorsTotal()).isEqualTo(2);
        });

        StudentPath path = units.pathOf(built.unit().id(), student.personId());
        assertThat(path.steps()).extracting(StudentPath.Step::state).containsExactly(TargetState.PASSED, TargetState.CURRENT);
        assertThat(path.steps().getFirst().passage().proficient()).isTrue();

        assertThat(gradebook.scoresOfMyCourse()).singleElement().satisfies(row -> {
            assertThat(row.itemLabel()).isEqualTo("Ecosystems");
            assertThat(row.scoreGiven()).isEqualTo(75.0);
            assertThat(row.scoreMaximum()).isEqualTo(100.0);
            assertThat(row.levelLabel()).isEqualTo("Proficient");
        });
        assertThat(db.fetchExists(cairn.schema.Tables.GRADEBOOK_ITEM,
                cairn.schema.Tables.GRADEBOOK_ITEM.COURSE_ID.eq(teacher.courseId()),
                cairn.schema.Tables.GRADEBOOK_ITEM.RESOURCE_ID.eq(
                        units.inMyCourse(built.unit().id()).orElseThrow().gradebookResourceId()))).isTrue();

        actAs(student);
        EvidenceView mine = evidence.evidence(handedIn.id());
        assertThat(mine.history()).extracting(HistoryEntry::kind).containsExactly(HistoryKind.SUBMITTED, HistoryKind.SCORED);
        assertThat(mine.latestTeacherComment().comment()).isEqualTo("Clear plan");
        assertThat(mastery.myGrid(built.unit().id()).rows()).singleElement()
                .satisfies(row -> assertThat(row.unit().level().label()).isEqualTo("Proficient"));
        ProficiencyExplanation why = mastery.why(student.personId(), built.standards().indicator());
        assertThat(why.method()).isEqualTo(CalculationMethod.DECAYING_AVERAGE);
        assertThat(why.counted()).singleElement().satisfies(c -> {
            assertThat(c.evidenceId()).isEqualTo(handedIn.id());
            assertThat(c.performedOn()).isEqualTo(today);
        });
        assertThat(why.steps()).extracting(ProficiencyExplanation.Step::messageKey)
                .containsExactly("proficiency.explain.scores", "proficiency.explain.decaying.first");
        assertThat(why.proficiency()).isEqualTo(3.0);
        assertThat(why.indicatorLabel()).isEqualTo("SCI.1.a Plans a fair test");
        // The next target is open now: the student can hand in evidence for it.
        units.choose(built.conclusions().id(), Set.of(built.conclusions().options().getFirst().id()));
        assertThat(evidence.start(built.unit().id(), built.conclusions().id(),
                built.conclusions().options().getFirst().id(), null).status()).isEqualTo(EvidenceStatus.DRAFT);
    }

    @Test
    void evidence_starts_only_for_a_chosen_option_on_an_open_target() {
        setUp();
        actAs(student);
        long unit = built.unit().id();
        assertThatThrownBy(() -> evidence.start(unit, built.labAssessment().id(), built.podcast(), null))
                .isInstanceOfSatisfying(EvidenceRejectedException.class,
                        e -> assertThat(e.problems().getFirst().messageKey()).isEqualTo("evidence.error.option-not-chosen"));
        assertThatThrownBy(() -> evidence.start(unit, built.conclusions().id(),
                built.conclusions().options().getFirst().id(), null))
                .isInstanceOfSatisfying(EvidenceRejectedException.class,
                        e -> assertThat(e.problems().getFirst().messageKey()).isEqualTo("evidence.error.target-locked"));
        assertThatThrownBy(() -> evidence.start(unit, built.labAssessment().id(), null, null))
                .isInstanceOf(EvidenceRejectedException.class);
        assertThatThrownBy(() -> evidence.start(unit, 987_654_321L, built.essay(), null))
                .isInstanceOf(AccessDeniedException.class);
        actAs(teacher);
        assertThatThrownBy(() -> evidence.start(unit, built.labAssessment().id(), built.essay(), null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_approved_proposal_is_a_way_to_show_the_learning_and_a_pending_one_is_not() {
        setUp(Pacing.SELF_PACED, Continuum.CO_DESIGNER);
        actAs(student);
        Proposal comic = units.propose(built.unit().id(), new ProposalDraft(ProposalKind.ALTERNATIVE_OPTION,
                List.of(built.first().id()), "Comic", "A comic of my test", "Each panel is a step"));
        assertThatThrownBy(() -> evidence.start(built.unit().id(), built.labAssessment().id(), null, comic.id()))
                .isInstanceOfSatisfying(EvidenceRejectedException.class, e -> assertThat(e.problems().getFirst()
                        .messageKey()).isEqualTo("evidence.error.proposal-not-approved"));
        actAs(teacher);
        units.review(comic.id(), true, null);
        actAs(student);

        EvidenceView started = evidence.start(built.unit().id(), built.labAssessment().id(), null, comic.id());

        assertThat(started.proposalId()).isEqualTo(comic.id());
        assertThat(started.viaTitle()).isEqualTo("Comic");
    }

    @Test
    void empty_evidence_is_refused_and_a_draft_never_handed_in_can_be_discarded() {
        setUp();
        actAs(student);
        EvidenceView draft = evidence.start(built.unit().id(), built.labAssessment().id(), built.essay(), null);
        EvidenceView blank = evidence.saveDraft(draft.id(), new EvidenceDraft("   ", List.of(" "), null, draft.revision()));

        assertThatThrownBy(() -> evidence.submit(blank.id(), blank.revision()))
                .isInstanceOfSatisfying(EvidenceRejectedException.class,
                        e -> assertThat(e.problems()).extracting(EvidenceProblem::messageKey).containsExactly("evidence.error.empty"));
        assertThat(evidence.evidence(blank.id()).status()).isEqualTo(EvidenceStatus.DRAFT);
        assertThatThrownBy(() -> evidence.saveDraft(blank.id(), new EvidenceDraft("x", List.of("javascript:alert(1)"),
                LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(2), blank.revision())))
                .isInstanceOfSatisfying(EvidenceRejectedException.class, e -> assertThat(e.problems())
                        .extracting(EvidenceProblem::messageKey)
                        .containsExactly("evidence.error.link", "evidence.error.performed-future"));
        assertThatThrownBy(() -> evidence.saveDraft(blank.id(), new EvidenceDraft("stale", List.of(), null, 1)))
                .isInstanceOfSatisfying(EvidenceConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(EvidenceConflictException.CHANGED));

        evidence.attachFile(blank.id(), "notes.txt", new ByteArrayInputStream("My notes".getBytes()));
        evidence.discardDraft(blank.id());
        assertThatThrownBy(() -> evidence.evidence(blank.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(evidence.mine(built.unit().id())).isEmpty();
    }

    @Test
    void files_are_refused_by_type_content_size_and_emptiness_and_kept_byte_for_byte_when_allowed() throws Exception {
        setUp();
        actAs(student);
        EvidenceView draft = evidence.start(built.unit().id(), built.labAssessment().id(), built.essay(), null);
        long id = draft.id();

        assertRefused(() -> evidence.attachFile(id, "setup.exe", stream("MZ".getBytes())), "evidence.error.file-type");
        assertRefused(() -> evidence.attachFile(id, "photo.pdf", stream(EvidenceTestData.png())), "evidence.error.file-content");
        assertRefused(() -> evidence.attachFile(id, "empty.pdf", stream(new byte[0])), "evidence.error.file-empty");
        byte[] big = new byte[(1 << 20) + 1];
        System.arraycopy(EvidenceTestData.pdf("big"), 0, big, 0, 8);
        assertRefused(() -> evidence.attachFile(id, "big.pdf", stream(big)), "evidence.error.file-too-large");
        assertThat(evidence.evidence(id).files()).as("nothing of a refused file is kept").isEmpty();

        byte[] exactlyTheLimit = new byte[1 << 20];
        System.arraycopy(EvidenceTestData.pdf("limit"), 0, exactlyTheLimit, 0, 8);
        for (int i = 8; i < exactlyTheLimit.length; i++) {
            exactlyTheLimit[i] = (byte) i;
        }
        EvidenceView withFile = evidence.attachFile(id, "C:\\Users\\sasha\\Lab Report.PDF", stream(exactlyTheLimit));
        EvidenceFile file = withFile.files().getFirst();
        assertThat(file.name()).isEqualTo("Lab Report.PDF");
        assertThat(file.sizeBytes()).isEqualTo(1 << 20);
        assertThat(file.sha256()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(exactlyTheLimit)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        evidence.copyFile(file.id(), out);
        assertThat(out.toByteArray()).isEqualTo(exactlyTheLimit);
        assertThat(evidence.file(file.id()).mediaType()).isEqualTo("application/pdf");

        EvidenceView removed = evidence.removeFile(id, file.id());
        assertThat(removed.files()).isEmpty();
        assertThat(evidence.limits().maxFileBytes()).isEqualTo(1 << 20);
        assertThat(evidence.limits().allowedExtensions()).contains("pdf", "jpg", "jpeg", "docx", "mp4");
    }

    @Test
    void a_score_on_a_rubric_that_changed_since_the_teacher_opened_it_is_refused_and_nothing_is_saved() {
        setUp();
        EvidenceView handedIn = handInEssay("My lab");
        actAs(teacher);
        ScoringSheet opened = scoring.sheet(handedIn.id());
        Rubric before = opened.rubric();
        // Another teacher edits the rubric (not yet used, so in place: same version, new revision).
        Rubric edited = rubrics.save(before.id(), RubricTestData.draft(before,
                RubricTestData.criterion("Designs a fair test", built.standards().indicator(), 4, "Fair")));
        assertThat(edited.current().id()).isEqualTo(before.current().id());
        long oldCriterion = before.current().criteria().getFirst().id();

        assertThatThrownBy(() -> scoring.score(handedIn.id(), new ScoreDraft(opened.evidence().revision(),
                before.current().id(), before.revision(), Map.of(oldCriterion, 2), "Good")))
                .isInstanceOfSatisfying(EvidenceConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(EvidenceConflictException.RUBRIC_OUTDATED));

        EvidenceView unchanged = evidence.evidence(handedIn.id());
        assertThat(unchanged.status()).isEqualTo(EvidenceStatus.SUBMITTED);
        assertThat(unchanged.revision()).isEqualTo(opened.evidence().revision());
        assertThat(unchanged.currentScore()).isNull();
        assertThat(rubrics.rubric(before.id()).current().inUse()).isFalse();

        ScoringSheet reloaded = scoring.sheet(handedIn.id());
        long criterion = reloaded.rubric().current().criteria().getFirst().id();
        assertThatThrownBy(() -> scoring.score(handedIn.id(), new ScoreDraft(reloaded.evidence().revision(),
                reloaded.rubric().current().id(), reloaded.rubric().revision(), Map.of(), "Good")))
                .isInstanceOfSatisfying(EvidenceRejectedException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.messageKey()).isEqualTo("evidence.error.level-missing");
                            assertThat(p.criterionId()).isEqualTo(criterion);
                            assertThat(p.args()).containsExactly("Designs a fair test");
                        }));
        EvidenceView scored = scoring.score(handedIn.id(), new ScoreDraft(reloaded.evidence().revision(),
                reloaded.rubric().current().id(), reloaded.rubric().revision(), Map.of(criterion, 3), "Good"));
        assertThat(scored.currentScore().levels().getFirst().levelLabel()).isEqualTo("Exceeding");

        // The used version is frozen: the next edit makes version 2, and the score keeps version 1.
        Rubric used = rubrics.rubric(before.id());
        Rubric next = rubrics.save(used.id(), RubricTestData.draft(used,
                RubricTestData.criterion("Designs and explains", built.standards().indicator(), 4, "Both")));
        assertThat(next.current().number()).isEqualTo(2);
        assertThat(evidence.evidence(handedIn.id()).currentScore().rubricVersionId()).isEqualTo(before.current().id());
    }

    @Test
    void of_two_teachers_scoring_the_same_evidence_at_once_one_wins_and_the_other_is_told_to_reload() throws Exception {
        setUp();
        EvidenceView handedIn = handInEssay("My lab");
        Viewer other = launchAs(Role.TEACHER, course, EvidenceTestData.subject("co-teacher"), "Cora Teacher");
        actAs(teacher);
        ScoringSheet sheet = scoring.sheet(handedIn.id());
        long criterion = sheet.rubric().current().criteria().getFirst().id();
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Object>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (Viewer who : List.of(teacher, other)) {
                int level = who == teacher ? 2 : 1;
                results.add(pool.submit(() -> {
                    actAs(who);
                    together.await();
                    try {
                        return scoring.score(handedIn.id(), new ScoreDraft(sheet.evidence().revision(),
                                sheet.rubric().current().id(), sheet.rubric().revision(), Map.of(criterion, level),
                                "From " + who.displayName()));
                    } catch (RuntimeException e) {
                        return e;
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }));
            }
        }
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> result : results) {
            outcomes.add(result.get());
        }

        assertThat(outcomes).filteredOn(EvidenceView.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(EvidenceConflictException.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((EvidenceConflictException) e).messageKey())
                        .isEqualTo(EvidenceConflictException.CHANGED));
        actAs(teacher);
        EvidenceView after = evidence.evidence(handedIn.id());
        EvidenceView winner = (EvidenceView) outcomes.stream().filter(EvidenceView.class::isInstance).findFirst().orElseThrow();
        assertThat(after.history()).filteredOn(h -> h.kind() == HistoryKind.SCORED).singleElement()
                .satisfies(h -> assertThat(h.comment()).isEqualTo(winner.currentScore().comment()));
        double expected = winner.currentScore().levels().getFirst().points().doubleValue();
        assertThat(mastery.grid(built.unit().id()).rows().getFirst().cells().getFirst().proficiency()).isEqualTo(expected);
    }

    @Test
    void a_score_saved_while_a_policy_change_is_under_way_is_calculated_by_the_new_policy() throws Exception {
        setUp();
        score(handInEssay("Strong start").id(), 2);
        EvidenceView later = handInEssay("Weaker later");
        actAs(teacher);
        ScoringSheet sheet = scoring.sheet(later.id());
        long criterion = sheet.rubric().current().criteria().getFirst().id();
        PolicyDraft highest = new PolicyDraft(CalculationMethod.HIGHEST, 0.65, 2, RollUpRule.MEAN, GradeMapping.LINEAR,
                100, Map.of(), null);
        java.util.concurrent.CountDownLatch saved = new java.util.concurrent.CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            // The change recalculates the class (holding every student's lock) and stays uncommitted a moment...
            Future<?> change = pool.submit(() -> {
                actAs(teacher);
                try {
                    transactions.executeWithoutResult(status -> {
                        policies.savePolicyOfMyCourse(highest);
                        saved.countDown();
                        sleep(600);
                    });
                } finally {
                    SecurityContextHolder.clearContext();
                }
            });
            // ...while the lower, later score is saved: it waits for the student, then counts by "highest".
            Future<?> lower = pool.submit(() -> {
                actAs(teacher);
                try {
                    saved.await();
                    return scoring.score(later.id(), new ScoreDraft(sheet.evidence().revision(),
                            sheet.rubric().current().id(), sheet.rubric().revision(), Map.of(criterion, 0), null));
                } finally {
                    SecurityContextHolder.clearContext();
                }
            });
            change.get();
            lower.get();
        }

        actAs(teacher);
        assertThat(policies.policyOfMyCourse().method()).isEqualTo(CalculationMethod.HIGHEST);
        assertThat(mastery.grid(built.unit().id()).rows().getFirst().cells().getFirst().proficiency()).isEqualTo(3.0);
    }

    @Test
    void a_score_after_the_framework_changed_rolls_up_to_the_standards_its_indicator_has_now() {
        setUp();
        score(handInEssay("First try").id(), 1);
        var sp = cairn.schema.Tables.STANDARD_PROFICIENCY;
        var ip = INDICATOR_PROFICIENCY;
        long standard = built.standards().standardId();
        Double standardBefore = db.select(sp.PROFICIENCY).from(sp)
                .where(sp.STUDENT_PERSON_ID.eq(student.personId()), sp.STANDARD_ITEM_ID.eq(standard)).fetchSingle().value1();
        assertThat(standardBefore).isNotNull();

        // SCI.1 is no standard any more: its indicators belong to none. The facts the ledger read at the
        // first score still say SCI.1, and the next score must not roll up into it.
        actAs(teacher);
        library.updateItem(standard, app.cairn.standards.ItemDraft.of(app.cairn.standards.Level.GRADUATE_ATTRIBUTE,
                "SCI.1", "Investigates"));
        score(handInEssay("Second try").id(), 3);

        assertThat(db.select(ip.PROFICIENCY).from(ip).where(ip.STUDENT_PERSON_ID.eq(student.personId()),
                ip.INDICATOR_ITEM_ID.eq(built.standards().indicator())).fetchSingle().value1())
                .as("the indicator has the new score").isGreaterThan(standardBefore);
        assertThat(db.select(sp.PROFICIENCY).from(sp)
                .where(sp.STUDENT_PERSON_ID.eq(student.personId()), sp.STANDARD_ITEM_ID.eq(standard)).fetchSingle().value1())
                .as("what used to be the standard is left as it was").isEqualTo(standardBefore);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void a_student_never_reads_or_changes_another_students_evidence_even_by_id() {
        setUp();
        actAs(student);
        EvidenceView draft = evidence.start(built.unit().id(), built.labAssessment().id(), built.essay(), null);
        draft = evidence.attachFile(draft.id(), "notes.txt", stream("Mine, not yours".getBytes()));
        EvidenceView theirs = evidence.submit(draft.id(), draft.revision());
        score(theirs.id(), 2);
        long id = theirs.id();
        long fileId = theirs.files().getFirst().id();

        Viewer other = launchAsStudent(course);
        actAs(other);
        assertThatThrownBy(() -> evidence.evidence(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> evidence.saveDraft(id, new EvidenceDraft("hack", List.of(), null, 1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> evidence.submit(id, 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> evidence.requestReassessment(id, 1, "please")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> evidence.attachFile(id, "a.txt", stream("a".getBytes())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> mastery.why(student.personId(), built.standards().indicator()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> mastery.graduation(student.personId(), built.standards().standardId()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> evidence.ofStudent(student.personId(), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> scoring.queue(QueueFilter.all())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> mastery.grid(built.unit().id())).isInstanceOf(AccessDeniedException.class);
        assertThat(evidence.mine(null)).isEmpty();
        assertThat(mastery.myGrid(built.unit().id()).rows()).singleElement()
                .satisfies(row -> assertThat(row.unit()).isEqualTo(ProficiencyCell.NONE));
        assertThatThrownBy(() -> evidence.copyFile(fileId, new ByteArrayOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> evidence.file(fileId)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_teacher_of_another_course_can_neither_read_nor_score_and_a_student_who_left_is_not_scored() {
        setUp();
        EvidenceView handedIn = handInEssay("My lab");
        actAs(teacher);
        ScoringSheet sheet = scoring.sheet(handedIn.id());
        ScoreDraft draft = new ScoreDraft(sheet.evidence().revision(), sheet.rubric().current().id(),
                sheet.rubric().revision(), Map.of(built.labCriterion(), 2), "Fine");

        launchAsTeacher(newCourse());
        assertThatThrownBy(() -> evidence.evidence(handedIn.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> scoring.sheet(handedIn.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> scoring.score(handedIn.id(), draft)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> scoring.returnForRevision(handedIn.id(), draft.baseRevision(), "No"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> mastery.grid(built.unit().id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> mastery.why(student.personId(), built.standards().indicator()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> mastery.graduation(student.personId(), built.standards().standardId()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(scoring.queue(QueueFilter.all())).isEmpty();

        db.update(ENROLLMENT).set(ENROLLMENT.LEFT_AT, java.time.LocalDateTime.now(clock.withZone(ZoneOffset.UTC)))
                .where(ENROLLMENT.PERSON_ID.eq(student.personId())).execute();
        actAs(teacher);
        assertThatThrownBy(() -> scoring.score(handedIn.id(), draft))
                .isInstanceOfSatisfying(EvidenceRejectedException.class, e -> assertThat(e.problems().getFirst()
                        .messageKey()).isEqualTo("evidence.error.student-not-in-course"));
        assertThat(evidence.evidence(handedIn.id()).status()).isEqualTo(EvidenceStatus.SUBMITTED);
    }

    @Test
    void re_assessment_with_a_reason_puts_it_back_in_the_queue_and_the_new_score_replaces_the_old() {
        setUp();
        EvidenceView handedIn = handInEssay("First try");
        score(handedIn.id(), 0);
        actAs(student);
        EvidenceView scored = evidence.evidence(handedIn.id());
        assertThatThrownBy(() -> evidence.requestReassessment(scored.id(), scored.revision(), "  "))
                .isInstanceOfSatisfying(EvidenceRejectedException.class, e -> assertThat(e.problems().getFirst()
                        .messageKey()).isEqualTo("evidence.error.reason-required"));

        EvidenceView requested = evidence.requestReassessment(scored.id(), scored.revision(),
                "You missed part 2, the control group");
        assertThat(requested.status()).isEqualTo(EvidenceStatus.REASSESSMENT_REQUESTED);
        actAs(teacher);
        assertThat(scoring.queue(QueueFilter.all())).singleElement()
                .satisfies(q -> assertThat(q.reassessmentReason()).isEqualTo("You missed part 2, the control group"));
        assertThat(mastery.grid(built.unit().id()).rows().getFirst().cells().getFirst().proficiency())
                .as("the old score counts until the new one").isEqualTo(1.0);

        // Returned for revision: the student improves it and hands it in again.
        EvidenceView returned = scoring.returnForRevision(handedIn.id(), requested.revision(), "Add the control group data");
        assertThat(returned.status()).isEqualTo(EvidenceStatus.RETURNED);
        actAs(student);
        EvidenceView revised = evidence.saveDraft(handedIn.id(), new EvidenceDraft("Second try, with the control group",
                List.of(), null, returned.revision()));
        evidence.submit(revised.id(), revised.revision());
        EvidenceView rescored = score(handedIn.id(), 2);

        assertThat(rescored.history()).extracting(HistoryEntry::kind).containsExactly(HistoryKind.SUBMITTED,
                HistoryKind.SCORED, HistoryKind.REASSESSMENT_REQUESTED, HistoryKind.RETURNED, HistoryKind.SUBMITTED,
                HistoryKind.SCORED);
        assertThat(rescored.history().get(1).superseded()).isTrue();
        assertThat(rescored.currentScore().levels().getFirst().levelLabel()).isEqualTo("Proficient");
        actAs(student);
        ProficiencyExplanation why = mastery.why(student.personId(), built.standards().indicator());
        assertThat(why.counted()).as("the replaced score no longer counts").hasSize(1);
        assertThat(why.proficiency()).isEqualTo(3.0);
    }

    @Test
    void formative_evidence_gets_feedback_only_and_never_counts_towards_proficiency() {
        setUp();
        actAs(student);
        units.choose(built.checkIn().id(), Set.of(built.sketch()));
        EvidenceView draft = evidence.start(built.unit().id(), built.checkIn().id(), built.sketch(), null);
        draft = evidence.saveDraft(draft.id(), new EvidenceDraft("My sketch of the setup", List.of(), null, draft.revision()));
        EvidenceView handedIn = evidence.submit(draft.id(), draft.revision());
        assertThat(handedIn.rubricId()).isNull();
        actAs(teacher);
        assertThat(scoring.sheet(handedIn.id()).rubric()).isNull();

        assertThatThrownBy(() -> scoring.score(handedIn.id(), new ScoreDraft(handedIn.revision(),
                built.lab().current().id(), built.lab().revision(), Map.of(built.labCriterion(), 3), "Great")))
                .isInstanceOfSatisfying(EvidenceRejectedException.class, e -> assertThat(e.problems().getFirst()
                        .messageKey()).isEqualTo("evidence.error.formative-no-score"));
        assertThatThrownBy(() -> scoring.giveFeedback(handedIn.id(), handedIn.revision(), " "))
                .isInstanceOf(EvidenceRejectedException.class);
        EvidenceView reviewed = scoring.giveFeedback(handedIn.id(), handedIn.revision(), "Label the variables");

        assertThat(reviewed.status()).isEqualTo(EvidenceStatus.REVIEWED);
        assertThat(reviewed.currentScore()).isNull();
        assertThat(scoring.queue(QueueFilter.all())).isEmpty();
        assertThat(mastery.grid(built.unit().id()).rows().getFirst().cells().getFirst()).isEqualTo(ProficiencyCell.NONE);
        assertThat(db.fetchCount(INDICATOR_PROFICIENCY, INDICATOR_PROFICIENCY.STUDENT_PERSON_ID.eq(student.personId())))
                .isZero();
        assertThat(gradebook.scoresOfMyCourse()).isEmpty();
        assertThat(units.pathOf(built.unit().id(), student.personId()).steps().getFirst().state())
                .isEqualTo(TargetState.CURRENT);
        ProficiencyExplanation why = mastery.why(student.personId(), built.standards().indicator());
        assertThat(why.proficiency()).isNull();
        assertThat(why.steps()).extracting(ProficiencyExplanation.Step::messageKey)
                .containsExactly("proficiency.explain.no-scores");
        actAs(student);
        assertThat(evidence.evidence(handedIn.id()).latestTeacherComment().comment()).isEqualTo("Label the variables");
        assertThatThrownBy(() -> evidence.requestReassessment(handedIn.id(), reviewed.revision(), "Please"))
                .isInstanceOf(EvidenceRejectedException.class);
    }

    @Test
    void scores_count_in_the_order_the_work_was_performed_and_a_corrected_date_recalculates() {
        setUp();
        actAs(teacher);
        ProficiencyPolicy policy = policies.savePolicyOfMyCourse(new PolicyDraft(CalculationMethod.LATEST, 0.65, 2,
                RollUpRule.MEAN, GradeMapping.LINEAR, 100, Map.of(), null));
        assertThat(policy.revision()).isEqualTo(1);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));

        // Handed in first, but performed later (today)...
        EvidenceView recent = handInEssay("Done today");
        // ...and handed in second, performed a week ago.
        actAs(student);
        EvidenceView draft = evidence.start(built.unit().id(), built.labAssessment().id(), built.essay(), null);
        draft = evidence.saveDraft(draft.id(), new EvidenceDraft("Done last week", List.of(), today.minusDays(7),
                draft.revision()));
        EvidenceView older = evidence.submit(draft.id(), draft.revision());
        assertThat(older.performedOn()).isEqualTo(today.minusDays(7));
        actAs(teacher);
        assertThat(scoring.queue(QueueFilter.all())).extracting(QueueEntry::evidenceId)
                .as("oldest in the queue first").containsExactly(recent.id(), older.id());

        score(recent.id(), 3);
        score(older.id(), 1);

        // The latest *performed* work counts (4, Exceeding), although the 2 was scored last.
        assertThat(mastery.grid(built.unit().id()).rows().getFirst().cells().getFirst().proficiency()).isEqualTo(4.0);

        EvidenceView olderNow = evidence.evidence(older.id());
        scoring.correctPerformedOn(older.id(), olderNow.revision(), today);
        // Same day now: the one submitted later counts last.
        assertThat(mastery.grid(built.unit().id()).rows().getFirst().cells().getFirst().proficiency()).isEqualTo(2.0);
        assertThat(evidence.evidence(older.id()).history()).extracting(HistoryEntry::kind)
                .contains(HistoryKind.PERFORMED_ON_CORRECTED);
        assertThat(gradebook.scoresOfMyCourse()).singleElement()
                .satisfies(row -> assertThat(row.levelLabel()).isEqualTo("Developing"));
    }

    @Test
    void a_policy_change_recalculates_every_student_and_the_gradebook_gets_the_new_points() {
        setUp();
        score(handInEssay("My lab").id(), 2);
        actAs(teacher);
        assertThat(gradebook.scoresOfMyCourse()).extracting(ScoreRow::scoreGiven).containsExactly(75.0);
        ProficiencyPolicy current = policies.policyOfMyCourse();
        assertThat(current.revision()).isNull();

        PolicyDraft table = new PolicyDraft(CalculationMethod.HIGHEST, 0.65, 2, RollUpRule.ALL_PROFICIENT,
                GradeMapping.TABLE, 100, Map.of(new java.math.BigDecimal("1"), 50.0, new java.math.BigDecimal("2"), 70.0,
                new java.math.BigDecimal("3"), 90.0, new java.math.BigDecimal("4"), 100.0), null);
        policies.savePolicyOfMyCourse(table);

        assertThat(policies.gradeTableOfMyCourse()).extracting(g -> g.level().label() + "=" + g.gradePoints())
                .containsExactly("Beginning=50.0", "Developing=70.0", "Proficient=90.0", "Exceeding=100.0");
        // All proficient: the second indicator has no evidence yet, so the unit stays below mastery.
        MasteryGrid.Row row = mastery.grid(built.unit().id()).rows().getFirst();
        assertThat(row.cells().getFirst().proficiency()).isEqualTo(3.0);
        assertThat(row.unit().proficiency()).isEqualTo(2.0);
        assertThat(row.unit().mastery()).isFalse();
        assertThat(gradebook.scoresOfMyCourse()).singleElement().satisfies(r -> {
            assertThat(r.scoreGiven()).isEqualTo(70.0);
            assertThat(r.levelLabel()).isEqualTo("Developing");
        });
        assertThatThrownBy(() -> policies.savePolicyOfMyCourse(table))
                .isInstanceOf(app.cairn.proficiency.PolicyConflictException.class);
        actAs(student);
        assertThatThrownBy(() -> policies.savePolicyOfMyCourse(policies.policyOfMyCourse().toDraft()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Autowired
    ProficiencyLedger ledger;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void a_class_wide_recalculation_opens_every_gate_reached_queues_every_grade_and_matches_one_read_from_the_evidence() {
        setUp();
        actAs(teacher);
        policies.savePolicyOfMyCourse(new PolicyDraft(CalculationMethod.MEAN, 0.65, 2, RollUpRule.MEAN,
                GradeMapping.LINEAR, 100, Map.of(), null));
        // Three students, each Beginning then Proficient: a mean of 2, below mastery, so no gate opens yet.
        List<Viewer> students = new ArrayList<>(List.of(student));
        for (int i = 0; i < 2; i++) {
            students.add(launchAsStudent(course));
            units.choose(built.labAssessment().id(), Set.of(built.essay()));
        }
        for (Viewer one : students) {
            student = one;
            score(handInEssay("First try").id(), 0);
            score(handInEssay("Second try").id(), 2);
        }
        actAs(teacher);
        for (Viewer one : students) {
            assertThat(units.pathOf(built.unit().id(), one.personId()).steps().getFirst().state())
                    .isEqualTo(TargetState.CURRENT);
        }
        int auditBefore = audit.countOfMyCourse(null);

        policies.savePolicyOfMyCourse(new PolicyDraft(CalculationMethod.HIGHEST, 0.65, 2, RollUpRule.MEAN,
                GradeMapping.LINEAR, 100, Map.of(), policies.policyOfMyCourse().revision()));

        var indicator = INDICATOR_PROFICIENCY;
        Map<Long, Double> values = db.select(indicator.STUDENT_PERSON_ID, indicator.PROFICIENCY).from(indicator)
                .where(indicator.COURSE_ID.eq(teacher.courseId())).fetchMap(indicator.STUDENT_PERSON_ID, indicator.PROFICIENCY);
        assertThat(values).hasSize(3).allSatisfy((person, value) -> assertThat(value).isEqualTo(3.0));
        for (Viewer one : students) {
            assertThat(units.pathOf(built.unit().id(), one.personId()).steps().getFirst().state())
                    .as("the gate opened by the policy change").isEqualTo(TargetState.PASSED);
        }
        // Unit: mean of the indicator (3) and the other with no evidence yet; each student's grade moved.
        assertThat(gradebook.scoresOfMyCourse()).hasSize(3).allSatisfy(row -> assertThat(row.scoreGiven()).isEqualTo(75.0));
        assertThat(audit.countOfMyCourse(null) - auditBefore).as("a proficiency and a gate entry per student")
                .isEqualTo(6);

        // A score after the change uses the new method (the course's facts are not kept stale): still the highest.
        student = students.getFirst();
        score(handInEssay("Third try").id(), 0);
        assertThat(db.select(indicator.PROFICIENCY).from(indicator).where(indicator.COURSE_ID.eq(teacher.courseId()),
                indicator.STUDENT_PERSON_ID.eq(student.personId())).fetchSingle().value1()).isEqualTo(3.0);

        // The stored series and the evidence tables tell the same story: forget the series, and the
        // recalculation that reads the evidence instead writes the same series back and changes nothing else.
        Map<Long, String> series = db.select(indicator.STUDENT_PERSON_ID, indicator.SCORE_SERIES).from(indicator)
                .where(indicator.COURSE_ID.eq(teacher.courseId())).fetchMap(indicator.STUDENT_PERSON_ID, indicator.SCORE_SERIES);
        assertThat(series.get(student.personId())).as("three scores in the order done").matches("\\S+ \\S+ \\S+");
        db.update(indicator).setNull(indicator.SCORE_SERIES).where(indicator.COURSE_ID.eq(teacher.courseId())).execute();
        int auditBeforeReread = audit.countOfMyCourse(null);
        transactions.executeWithoutResult(status -> ledger.recalculateCourse(teacher.courseId()));
        assertThat(db.select(indicator.STUDENT_PERSON_ID, indicator.SCORE_SERIES).from(indicator)
                .where(indicator.COURSE_ID.eq(teacher.courseId())).fetchMap(indicator.STUDENT_PERSON_ID, indicator.SCORE_SERIES))
                .isEqualTo(series);
        assertThat(audit.countOfMyCourse(null)).as("nothing changed, nothing audited").isEqualTo(auditBeforeReread);
        assertThat(gradebook.scoresOfMyCourse()).hasSize(3);
    }

    @Test
    void the_grid_comes_page_by_page_with_its_size_and_the_class_spread_over_the_levels_for_teachers_only() {
        setUp();
        Viewer second = launchAsStudent(course);
        score(handInEssay("My lab").id(), 2);
        actAs(teacher);
        long unitId = built.unit().id();

        MasteryGrid first = mastery.gridPage(unitId, 0, 1);
        MasteryGrid rest = mastery.gridPage(unitId, 1, 50);
        assertThat(first.columns()).hasSize(2);
        assertThat(first.rows()).hasSize(1);
        assertThat(rest.rows()).hasSize(1);
        assertThat(List.of(first.rows().getFirst().studentPersonId(), rest.rows().getFirst().studentPersonId()))
                .containsExactlyInAnyOrder(student.personId(), second.personId());
        assertThat(mastery.gridPage(unitId, 0, 50).rows()).extracting(MasteryGrid.Row::studentPersonId)
                .containsExactly(first.rows().getFirst().studentPersonId(), rest.rows().getFirst().studentPersonId());
        assertThat(mastery.gridPage(unitId, 2, 50).rows()).isEmpty();

        MasteryDistribution spread = mastery.distribution(unitId);
        assertThat(spread.students()).as("the grid's size").isEqualTo(2);
        assertThat(spread.notYet()).isEqualTo(1);
        String reached = mastery.grid(unitId).rows().stream().filter(r -> r.studentPersonId() == student.personId())
                .findFirst().orElseThrow().unit().level().label();
        assertThat(spread.levels()).extracting(c -> c.level().label() + "=" + c.students())
                .contains(reached + "=1").hasSize(4);
        assertThat(spread.levels().stream().mapToInt(MasteryDistribution.LevelCount::students).sum()).isEqualTo(1);

        actAs(student);
        assertThatThrownBy(() -> mastery.gridPage(unitId, 0, 50)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> mastery.distribution(unitId)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_graduation_view_shows_a_standard_across_courses_to_the_student_and_their_teachers_only() {
        setUp();
        score(handInEssay("My lab").id(), 3);
        actAs(student);

        GraduationStanding standing = mastery.graduation(student.personId(), built.standards().standardId());

        assertThat(standing.standardCode()).isEqualTo("SCI.1");
        assertThat(standing.shown()).isTrue();
        assertThat(standing.courses()).singleElement().satisfies(c -> {
            assertThat(c.courseTitle()).startsWith("Course ");
            assertThat(c.proficiency()).isEqualTo(4.0);
            assertThat(c.levelLabel()).isEqualTo("Exceeding");
            assertThat(c.indicatorsAssessed()).isEqualTo(1);
            assertThat(c.indicators()).singleElement()
                    .satisfies(i -> assertThat(i.indicatorId()).isEqualTo(built.standards().indicator()));
        });
        actAs(teacher);
        assertThat(mastery.graduation(student.personId(), built.standards().standardId()).shown()).isTrue();
        assertThatThrownBy(() -> mastery.graduation(student.personId(), built.standards().indicator()))
                .as("an indicator is not a standard").isInstanceOf(AccessDeniedException.class);
    }

    private static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static void assertRefused(Runnable action, String key) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(EvidenceRejectedException.class,
                e -> assertThat(e.problems()).extracting(EvidenceProblem::messageKey).containsExactly(key));
    }
}
