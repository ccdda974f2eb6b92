package app.cairn.evidence.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import app.cairn.course.ui.StudentHomeView;
import app.cairn.evidence.BodyOfEvidence;
import app.cairn.evidence.EvidenceTestData;
import app.cairn.evidence.MasteryGrid;
import app.cairn.evidence.ScoreDraft;
import app.cairn.evidence.Scoring;
import app.cairn.evidence.ScoringSheet;
import app.cairn.rubric.RubricVersion;
import app.cairn.rubric.Rubrics;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;
import app.cairn.standards.StandardsLibrary;
import app.cairn.testing.KaribuTest;
import app.cairn.testing.TestOutbox;
import app.cairn.unit.Continuum;
import app.cairn.unit.Pacing;
import app.cairn.unit.Units;

/** The evidence views in a mocked browser: a student hands in, a teacher answers, the grid explains. */
class EvidenceViewsTest extends KaribuTest {

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
    DSLContext db;

    String course;
    EvidenceTestData.Course built;

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

    private void setUp() {
        course = newCourse();
        teacher();
        built = EvidenceTestData.build(units, library, rubrics, Pacing.SELF_PACED, Continuum.PARTICIPANT);
        student();
        units.choose(built.labAssessment().id(), Set.of(built.essay()));
    }

    @Test
    void a_student_hands_in_evidence_and_the_teacher_scores_it_from_the_queue_and_the_grid_explains_it() {
        setUp();
        UI.getCurrent().navigate(StudentHomeView.class);
        RouterLink toEvidence = _get(RouterLink.class, spec -> spec.withId("my-evidence-" + built.unit().id()));
        assertThat(toEvidence.getText()).isEqualTo("Evidence and feedback in Ecosystems");

        UI.getCurrent().navigate(MyEvidenceView.class, unit());
        assertThat(_get(Paragraph.class, spec -> spec.withId("mine-proficiency")).getText()).startsWith("No proficiency yet");
        _click(_get(Button.class, spec -> spec.withId("mine-start-" + built.labAssessment().id() + "-o" + built.essay())));
        _setValue(_get(TextArea.class, spec -> spec.withId("mine-text")), "I changed only the light.");
        _setValue(_get(TextArea.class, spec -> spec.withId("mine-links")), "https://video.example/lab\n");
        _click(_get(Button.class, spec -> spec.withId("mine-submit")));
        assertThat(message("mine-message")).isEqualTo("Handed in. Your teacher will answer it.");
        assertThat(_get(Paragraph.class, spec -> spec.withId("mine-message")).getParent())
                .as("said beside the evidence just handed in").contains(_get(com.vaadin.flow.component.html.Section.class,
                        spec -> spec.withId("mine-editor")));
        long id = evidence.mine(built.unit().id()).getFirst().id();
        assertThat(_get(Span.class, spec -> spec.withId("evidence-status")).getText())
                .isEqualTo("Handed in, waiting for your teacher");

        teacher();
        UI.getCurrent().navigate(ScoringQueueView.class);
        assertThat(_get(NativeTable.class, spec -> spec.withId("scoring-queue")).getCaption().getText())
                .isEqualTo("Waiting for an answer: 1");
        assertThat(_get(RouterLink.class, spec -> spec.withId("open-evidence-" + id)).getText()).isEqualTo("Sasha Student");

        UI.getCurrent().navigate(ScoreEvidenceView.class, new RouteParameters(Map.of("evidenceId", String.valueOf(id))));
        assertThat(_get(Paragraph.class, spec -> spec.withId("evidence-text")).getText()).isEqualTo("I changed only the light.");
        assertThat(_find(Anchor.class)).extracting(Anchor::getHref).contains("https://video.example/lab");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<RubricVersion.Level> level = _get(RadioButtonGroup.class,
                spec -> spec.withId("level-" + built.labCriterion()));
        assertThat(level.getThemeNames()).as("one level per line: descriptors are sentences").contains("vertical");
        _click(_get(Button.class, spec -> spec.withId("score-save")));
        assertThat(message("score-message")).isEqualTo("Choose a level for \u201CDesigns the test\u201D.");
        level = _get(RadioButtonGroup.class, spec -> spec.withId("level-" + built.labCriterion()));
        _setValue(level, built.lab().current().levels().get(2));
        _setValue(_get(TextArea.class, spec -> spec.withId("score-comment")), "A fair test: one variable at a time.");
        _click(_get(Button.class, spec -> spec.withId("score-save")));
        assertThat(message("score-message")).isEqualTo("Score saved. The student's proficiency is up to date.");
        assertThat(_get(Span.class, spec -> spec.withId("evidence-status")).getText()).isEqualTo("Scored");

        UI.getCurrent().navigate(ScoringQueueView.class);
        assertThat(message("scoring-empty")).startsWith("No evidence is waiting for you.");

        UI.getCurrent().navigate(MasteryView.class);
        long studentId = evidence.evidence(id).studentPersonId();
        @SuppressWarnings("unchecked")
        Grid<MasteryGrid.Row> grid = _get(Grid.class, spec -> spec.withId("mastery-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._get(grid, 0).studentPersonId()).isEqualTo(studentId);
        Button cell = (Button) GridKt._getCellComponent(grid, 0, "t" + built.first().id());
        assertThat(cell.getId()).contains("mastery-cell-" + studentId + "-" + built.first().id());
        assertThat(cell.getElement().getTextRecursively()).isEqualTo("Proficient (3)");
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("mastery-distribution"))
                .getElement().getTextRecursively()).isEqualTo(
                "The class in this unit (1 students):Beginning: 0Developing: 0Proficient: 1Exceeding: 0No evidence yet: 0");
        assertThat(message("mastery-conversion")).contains("Proficient \u2192 75/100");
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("mastery-change-policy")).getHref())
                .as("teachers reach the policy settings from the grid").isEqualTo("scale/calculation");
        _click(cell);
        assertThat(_get(OrderedList.class, spec -> spec.withId("why-steps")).getElement().getTextRecursively())
                .contains("The running average starts at the first score: 3.");
        assertThat(message("why-result")).isEqualTo("Proficiency: 3, which reaches Proficient.");

        student();
        UI.getCurrent().navigate(MyEvidenceView.class, unit());
        assertThat(message("mine-proficiency")).startsWith("Your proficiency in this unit so far: Proficient");
        _click(_get(Button.class, spec -> spec.withId("mine-open-" + id)));
        assertThat(_get(OrderedList.class, spec -> spec.withId("evidence-history")).getElement().getTextRecursively())
                .contains("A fair test: one variable at a time.", "Designs the test: Proficient");
        _setValue(_get(TextArea.class, spec -> spec.withId("mine-reason")), "Please look at my second trial too");
        _click(_get(Button.class, spec -> spec.withId("mine-reassess")));
        assertThat(message("mine-message")).startsWith("Your request is with your teacher.");
    }

    @Test
    void a_student_deletes_a_draft_never_handed_in_and_is_told_so_where_the_editor_was() {
        setUp();
        UI.getCurrent().navigate(MyEvidenceView.class, unit());
        _click(_get(Button.class, spec -> spec.withId("mine-start-" + built.labAssessment().id() + "-o" + built.essay())));
        _setValue(_get(TextArea.class, spec -> spec.withId("mine-text")), "Not this one");
        _click(_get(Button.class, spec -> spec.withId("mine-save")));
        assertThat(evidence.mine(built.unit().id())).hasSize(1);

        _click(_get(Button.class, spec -> spec.withId("mine-discard")));

        assertThat(evidence.mine(built.unit().id())).isEmpty();
        assertThat(_find(TextArea.class, spec -> spec.withId("mine-text"))).isEmpty();
        assertThat(message("mine-message")).isEqualTo("Draft deleted.");
        assertThat(_get(Paragraph.class, spec -> spec.withId("mine-message")).getParent())
                .as("back at the page's top, the editor being gone").contains(_get(MyEvidenceView.class));
    }

    @Test
    void a_teacher_whose_answer_came_second_is_told_and_can_reload() {
        setUp();
        long id = EvidenceTestData.handInEssay(evidence, built, "My lab").id();
        Viewer coTeacher = launchAs(Role.TEACHER, course, "co-" + course, "Cora Teacher");
        Viewer teacher = teacher();
        UI.getCurrent().navigate(ScoreEvidenceView.class, new RouteParameters(Map.of("evidenceId", String.valueOf(id))));

        // While this page is open, a co-teacher answers first.
        EvidenceTestData.actAs(coTeacher);
        ScoringSheet sheet = scoring.sheet(id);
        scoring.score(id, new ScoreDraft(sheet.evidence().revision(), sheet.rubric().current().id(),
                sheet.rubric().revision(), Map.of(built.labCriterion(), 3), "From Cora"));
        EvidenceTestData.actAs(teacher);
        _setValue(_get(TextArea.class, spec -> spec.withId("score-comment")), "Late answer");
        _click(_get(Button.class, spec -> spec.withId("score-return")));

        assertThat(message("score-message")).startsWith("Someone else answered or changed this evidence");
        assertThat(_get(Span.class, spec -> spec.withId("evidence-status")).getText())
                .as("the page still shows what the teacher saw").isEqualTo("Handed in, waiting for your answer");
        _click(_get(Button.class, spec -> spec.withId("score-reload")));
        assertThat(_get(Span.class, spec -> spec.withId("evidence-status")).getText()).isEqualTo("Scored");
        assertThat(_get(OrderedList.class, spec -> spec.withId("evidence-history")).getElement().getTextRecursively())
                .contains("From Cora").doesNotContain("Late answer");
    }

    @Test
    void students_cannot_open_teacher_views_and_teachers_cannot_open_a_students_evidence_page() {
        setUp();
        assertThatThrownBy(() -> UI.getCurrent().navigate(ScoringQueueView.class))
                .isInstanceOf(MockAccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate(MasteryView.class)).isInstanceOf(MockAccessDeniedException.class);
        teacher();
        assertThatThrownBy(() -> UI.getCurrent().navigate(MyEvidenceView.class, unit()))
                .isInstanceOf(MockAccessDeniedException.class);
        UI.getCurrent().navigate(ScoreEvidenceView.class, new RouteParameters(Map.of("evidenceId", "987654321")));
        assertThat(message("evidence-not-found")).startsWith("This evidence or unit was not found");
    }

    private RouteParameters unit() {
        return new RouteParameters(Map.of("unitId", String.valueOf(built.unit().id())));
    }

    private static String message(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getText();
    }
}
