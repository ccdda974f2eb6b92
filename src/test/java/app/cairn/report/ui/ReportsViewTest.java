package app.cairn.report.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.NativeTable;

import app.cairn.evidence.BodyOfEvidence;
import app.cairn.evidence.EvidenceTestData;
import app.cairn.evidence.ScoreDraft;
import app.cairn.evidence.Scoring;
import app.cairn.evidence.ScoringSheet;
import app.cairn.report.FamilyReportDocument;
import app.cairn.report.Reports;
import app.cairn.rubric.Rubric;
import app.cairn.rubric.Rubrics;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;
import app.cairn.standards.StandardsLibrary;
import app.cairn.testing.KaribuTest;
import app.cairn.testing.TestOutbox;
import app.cairn.unit.Continuum;
import app.cairn.unit.Pacing;
import app.cairn.unit.Units;

/** Reports from real evidence: the teacher's Reports tab, the student's My progress, PDF and CSV. */
class ReportsViewTest extends KaribuTest {

    @Autowired
    Units units;
    @Autowired
    Rubrics rubrics;
    @Autowired
    StandardsLibrary library;
    @Autowired
    BodyOfEvidence evidence;
    @Autowired
    Scoring scoring;
    @Autowired
    Reports reports;
    @Autowired
    FamilyReportDocument document;
    @Autowired
    DSLContext db;

    String course;
    EvidenceTestData.Course built;
    Viewer student;

    @AfterEach
    void leaveNothingToSend() {
        TestOutbox.leaveNothingToSend(db);
    }

    private Viewer teacher() {
        return launchAs(Role.TEACHER, course, "t-" + course, "Terry Teacher");
    }

    private Viewer student() {
        return launchAs(Role.STUDENT, course, "s-" + course, "Sasha Student");
    }

    /** Sasha's Essay for the Lab, scored Proficient (level 3 of 4) with a comment. */
    private void scoredEssay() {
        course = newCourse();
        teacher();
        built = EvidenceTestData.build(units, library, rubrics, Pacing.SELF_PACED, Continuum.PARTICIPANT);
        student = student();
        units.choose(built.labAssessment().id(), Set.of(built.essay()));
        long handedIn = EvidenceTestData.handInEssay(evidence, built, "I changed only the light.").id();
        teacher();
        ScoringSheet sheet = scoring.sheet(handedIn);
        Rubric rubric = sheet.rubric();
        scoring.score(handedIn, new ScoreDraft(sheet.evidence().revision(), rubric.current().id(), rubric.revision(),
                Map.of(rubric.current().criteria().getFirst().id(), 2), "Your control of variables was clear."));
    }

    @Test
    void a_teacher_picks_a_student_and_sees_their_progress_per_standard_with_print_and_pdf_links() {
        scoredEssay();
        UI.getCurrent().navigate(ReportsView.class);

        @SuppressWarnings("unchecked")
        ComboBox<Reports.StudentChoice> pick = _get(ComboBox.class, spec -> spec.withId("reports-student"));
        _setValue(pick, reports.studentsOfMyCourse().getFirst());

        String table = _get(NativeTable.class, spec -> spec.withId("progress-table")).getElement().getTextRecursively();
        assertThat(table).contains("SCI.1 Investigates", "Proficient (3.00)");
        assertThat(_get(Anchor.class, spec -> spec.withId("reports-student-pdf")).getText()).isEqualTo("PDF for Sasha Student");
        assertThat(_get(Anchor.class, spec -> spec.withId("reports-class-pdf")).getHref()).isNotBlank();
    }

    @Test
    void the_class_pdf_carries_each_student_with_level_and_the_teachers_comment() throws IOException {
        scoredEssay();

        byte[] pdf = document.pdf(reports.classReports(), java.util.Locale.US);

        try (PDDocument parsed = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(parsed).replaceAll("\\s+", " ");
            assertThat(text).contains("Progress report: Sasha Student", "SCI.1", "Investigates", "Proficient",
                    "Your control of variables was clear.");
        }
    }

    @Test
    void csv_exports_hold_the_grid_and_every_score_that_counts() {
        scoredEssay();

        assertThat(reports.masteryGridCsv(built.unit().id())).startsWith("\"student\",")
                .contains("\"Sasha Student\",\"3.00\"");
        assertThat(reports.scoresCsv()).contains("\"Sasha Student\"", "\"Lab\"", "\"Essay\"", "\"3\"", "\"Proficient\"");
    }

    @Test
    void a_student_sees_their_own_progress_and_nobody_elses() {
        scoredEssay();
        student();
        UI.getCurrent().navigate(MyProgressView.class);

        assertThat(_get(NativeTable.class, spec -> spec.withId("progress-table")).getElement().getTextRecursively())
                .contains("Proficient (3.00)");
        assertThat(_get(Anchor.class, spec -> spec.withId("progress-pdf")).getText()).isEqualTo("Download PDF");
        assertThatThrownBy(() -> reports.reportOf(student.personId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate(ReportsView.class)).isInstanceOf(MockAccessDeniedException.class);

        launchAsStudent(course);
        UI.getCurrent().navigate(MyProgressView.class);
        assertThat(_get(NativeTable.class, spec -> spec.withId("progress-table")).getElement().getTextRecursively())
                .doesNotContain("Proficient (3.00)");
    }
}
