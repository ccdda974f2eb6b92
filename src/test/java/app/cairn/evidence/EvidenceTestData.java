package app.cairn.evidence;

import java.util.List;
import java.util.UUID;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import app.cairn.rubric.Rubric;
import app.cairn.rubric.RubricTestData;
import app.cairn.rubric.Rubrics;
import app.cairn.shared.Viewer;
import app.cairn.standards.StandardsLibrary;
import app.cairn.unit.AssessmentKind;
import app.cairn.unit.ChoiceRule;
import app.cairn.unit.Continuum;
import app.cairn.unit.Pacing;
import app.cairn.unit.Unit;
import app.cairn.unit.UnitDraft;
import app.cairn.unit.UnitTestData;
import app.cairn.unit.Units;

/** A course with a self-paced unit whose targets have summative and formative assessments, built as a teacher would. */
public final class EvidenceTestData {

    private EvidenceTestData() {
    }

    /**
     * Target 1 (indicator SCI.1.a): summative "Lab" on rubric "Lab report" (one criterion, on SCI.1.a)
     * with options Essay and Podcast, and formative "Check-in" with option Sketch. Target 2
     * (SCI.1.b): summative "Conclusions" on rubric "Data talk" with option Poster.
     */
    public record Course(Unit unit, RubricTestData.Standards standards, Rubric lab, Rubric dataTalk) {
        public Unit.Target first() {
            return unit.targets().get(0);
        }

        public Unit.Target second() {
            return unit.targets().get(1);
        }

        public Unit.Assessment labAssessment() {
            return first().assessments().get(0);
        }

        public Unit.Assessment checkIn() {
            return first().assessments().get(1);
        }

        public Unit.Assessment conclusions() {
            return second().assessments().get(0);
        }

        public long essay() {
            return labAssessment().options().get(0).id();
        }

        public long podcast() {
            return labAssessment().options().get(1).id();
        }

        public long sketch() {
            return checkIn().options().get(0).id();
        }

        public long labCriterion() {
            return lab.current().criteria().getFirst().id();
        }
    }

    /** Signed in as a teacher: standards, two rubrics and a published unit. */
    public static Course build(Units units, StandardsLibrary library, Rubrics rubrics, Pacing pacing, Continuum continuum) {
        var standards = RubricTestData.standards(library);
        Rubric lab = rubrics.create("Lab report");
        lab = rubrics.save(lab.id(), RubricTestData.draft(lab,
                RubricTestData.criterion("Designs the test", standards.indicator(), 4, "Design")));
        Rubric talk = rubrics.create("Data talk");
        talk = rubrics.save(talk.id(), RubricTestData.draft(talk,
                RubricTestData.criterion("Explains the data", standards.otherIndicator(), 4, "Data")));
        Unit unit = units.create("Ecosystems");
        unit = units.save(unit.id(), UnitTestData.draft(unit, pacing, continuum,
                UnitTestData.target(standards.indicator(), null,
                        summative("Lab", lab.id(), UnitTestData.option("Essay"), UnitTestData.option("Podcast")),
                        UnitTestData.formative("Check-in", UnitTestData.option("Sketch"))),
                UnitTestData.target(standards.otherIndicator(), null,
                        summative("Conclusions", talk.id(), UnitTestData.option("Poster")))));
        unit = units.publish(unit.id(), unit.revision());
        return new Course(unit, standards, lab, talk);
    }

    /** As the signed-in student (who chose the Essay): the Essay for the Lab, written and handed in. */
    public static EvidenceView handInEssay(BodyOfEvidence evidence, Course built, String text) {
        EvidenceView draft = evidence.start(built.unit().id(), built.labAssessment().id(), built.essay(), null);
        draft = evidence.saveDraft(draft.id(), new EvidenceDraft(text, List.of(), null, draft.revision()));
        return evidence.submit(draft.id(), draft.revision());
    }

    public static UnitDraft.AssessmentDraft summative(String title, long rubricId, UnitDraft.OptionDraft... options) {
        return new UnitDraft.AssessmentDraft(null, title, AssessmentKind.SUMMATIVE, rubricId, ChoiceRule.CHOOSE_ONE,
                List.of(options));
    }

    /** Acts as this viewer from now on (on this thread), as their session would. */
    public static void actAs(Viewer viewer) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(viewer,
                null, List.of(new SimpleGrantedAuthority(viewer.role().authority()))));
    }

    public static String subject(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A small but real-looking PDF. */
    public static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    public static byte[] png() {
        byte[] bytes = new byte[64];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }
}
