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
import com.github.mvysny.kaributesting.v10.RouterLinkKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import app.cairn.evidence.BodyOfEvidence;
import app.cairn.evidence.EvidenceTestData;
import app.cairn.evidence.Mastery;
import app.cairn.evidence.MasteryGrid;
import app.cairn.evidence.ScoreDraft;
import app.cairn.evidence.Scoring;
import app.cairn.evidence.ScoringSheet;
import app.cairn.proficiency.LevelView;
import app.cairn.rubric.Rubrics;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;
import app.cairn.standards.StandardsLibrary;
import app.cairn.testing.KaribuTest;
import app.cairn.testing.TestOutbox;
import app.cairn.unit.Continuum;
import app.cairn.unit.Pacing;
import app.cairn.unit.UnitSummary;
import app.cairn.unit.Units;

/**
 * The mastery grid's colours and standards, a student's body of evidence, the graduation view and the
 * student's "why this score", in a mocked browser, for each role that may or may not open them.
 */
class MasteryViewsTest extends KaribuTest {

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
    Mastery mastery;
    @Autowired
    DSLContext db;

    String course;
    EvidenceTestData.Course built;
    Viewer student;
    long evidenceId;

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

    /** A student's Essay for the Lab, handed in and scored Proficient (3) with a comment. */
    private void setUp() {
        course = newCourse();
        teacher();
        built = EvidenceTestData.build(units, library, rubrics, Pacing.SELF_PACED, Continuum.PARTICIPANT);
        student = student();
        units.choose(built.labAssessment().id(), Set.of(built.essay()));
        evidenceId = EvidenceTestData.handInEssay(evidence, built, "I changed only the light.").id();
        teacher();
        ScoringSheet sheet = scoring.sheet(evidenceId);
        scoring.score(evidenceId, new ScoreDraft(sheet.evidence().revision(), sheet.rubric().current().id(),
                sheet.rubric().revision(), Map.of(built.labCriterion(), 2), "A fair test: one variable at a time."));
    }

    @Test
    void a_teacher_sees_cells_in_the_scales_colours_switches_to_standards_and_drills_down_to_a_student_and_across_courses() {
        setUp();
        LevelView proficient = mastery.gridPage(built.unit().id(), 0, 0).levels().get(2);
        UI.getCurrent().navigate(MasteryView.class);

        Grid<MasteryGrid.Row> grid = grid();
        Button cell = (Button) GridKt._getCellComponent(grid, 0, "t" + built.first().id());
        Span chip = chipIn(cell);
        assertThat(chip.getText()).isEqualTo("Proficient (3)");
        assertThat(chip.getStyle().get("background-color")).isEqualTo(proficient.colour());
        assertThat(chip.getStyle().get("color")).isEqualTo(proficient.textColour());
        assertThat(cell.getElement().getAttribute("aria-label")).isEqualTo(
                "Why Sasha Student has Proficient (3) on SCI.1.a Plans a fair test");
        assertThat(grid.isAllRowsVisible()).as("a class of a few shows every row, no empty box").isTrue();
        assertThat(grid.getColumnByKey("t" + built.first().id()).getHeaderComponent().getElement().getTextRecursively())
                .as("the short header carries the column's full name for screen readers")
                .contains("T1", "Target 1: SCI.1.a Plans a fair test");
        MasteryView view = (MasteryView) UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst();
        assertThat(view.getChildren().map(child -> child.getId().orElse("")).toList())
                .as("the grid before how levels become points").containsSubsequence("mastery-why", "mastery-policy");
        // Karibu's _get finds only visible components: the hidden panel is taken from the view.
        Section why = (Section) view.getChildren().filter(child -> child.getId().orElse("").equals("mastery-why"))
                .findFirst().orElseThrow();
        assertThat(why.isVisible()).as("nothing to show until a cell is chosen").isFalse();
        _click(cell);
        assertThat(why.isVisible()).isTrue();
        H2 whyHeading = _get(why, H2.class, spec -> spec.withId("mastery-why-heading"));
        assertThat(whyHeading.getText()).isEqualTo("Why Sasha Student has this proficiency on SCI.1.a Plans a fair test");
        assertThat(whyHeading.getElement().getAttribute("tabindex")).as("focus moves to it when it opens").isEqualTo("-1");
        Span empty = chipIn((Component) GridKt._getCellComponent(grid, 0, "t" + built.second().id()));
        assertThat(empty.getText()).isEqualTo("No evidence yet");
        assertThat(empty.getStyle().get("background-color")).as("no colour without a level").isNull();
        Div spread = _get(Div.class, spec -> spec.withId("mastery-distribution"));
        assertThat(_find(spread, ListItem.class)).extracting(li -> li.getElement().getTextRecursively())
                .containsExactly("Beginning: 0", "Developing: 0", "Proficient: 1", "Exceeding: 0", "No evidence yet: 0");
        assertThat(_find(spread, Span.class).stream().filter(s -> "Proficient: 1".equals(s.getText())).findFirst()
                .orElseThrow().getStyle().get("background-color")).isEqualTo(proficient.colour());

        @SuppressWarnings("unchecked")
        RadioButtonGroup<MasteryView.Show> show = _get(RadioButtonGroup.class, spec -> spec.withId("mastery-show"));
        _setValue(show, MasteryView.Show.STANDARDS);
        grid = grid();
        assertThat(grid.getColumns()).extracting(Grid.Column::getKey)
                .containsExactly("student", "s" + built.standards().standardId(), "unit");
        Span standard = (Span) GridKt._getCellComponent(grid, 0, "s" + built.standards().standardId());
        assertThat(standard.getText()).isEqualTo("Proficient (3)");
        assertThat(standard.getStyle().get("background-color")).isEqualTo(proficient.colour());
        assertThat(message("mastery-caption")).startsWith("Proficiency in Ecosystems by standard");

        RouterLink name = (RouterLink) GridKt._getCellComponent(grid, 0, "student");
        assertThat(name.getText()).isEqualTo("Sasha Student");
        assertThat(name.getHref()).isEqualTo("mastery/student/" + student.personId() + "?unit=" + built.unit().id());
        RouterLinkKt._click(name);

        assertThat(_get(H1.class).getText()).isEqualTo("Body of evidence: Sasha Student");
        assertThat(_get(NativeTableRow.class, spec -> spec.withId("student-standard-" + built.standards().standardId()))
                .getElement().getTextRecursively()).contains("SCI.1 Investigates", "Proficient (3)", "Across all courses");
        @SuppressWarnings("unchecked")
        Select<UnitSummary> unit = _get(Select.class, spec -> spec.withId("student-unit"));
        assertThat(unit.getValue().id()).as("the grid's unit first").isEqualTo(built.unit().id());
        String card = _get(ListItem.class, spec -> spec.withId("student-evidence-" + evidenceId)).getElement()
                .getTextRecursively();
        assertThat(card).contains("For Lab, shown through Essay", "Scored", "Ecosystems", "Handed in",
                "Designs the test: Proficient (3)", "A fair test: one variable at a time.");
        assertThat(_get(RouterLink.class, spec -> spec.withId("student-open-" + evidenceId)).getHref())
                .isEqualTo("scoring/" + evidenceId);

        RouterLinkKt._click(_get(RouterLink.class, spec -> spec.withId("student-across-" + built.standards().standardId())));
        assertThat(_get(H1.class).getText()).isEqualTo("SCI.1 Investigates across all courses");
        assertThat(message("graduation-shown")).isEqualTo("Shown as mastered");
        assertThat(message("graduation-level-" + teacherCourseId())).startsWith("Level here: Proficient (3)");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("graduation-indicators-" + teacherCourseId()))
                .getElement().getTextRecursively()).contains("SCI.1.a Plans a fair test: Proficient (3) · scores counted: 1");

        graduationIsUnderTabAndLeadsBack("nav-mastery", "Back to this student's evidence",
                "mastery/student/" + student.personId());
    }

    /** On the graduation view: the tab of its section is current, and its back link goes where the reader came from. */
    private static void graduationIsUnderTabAndLeadsBack(String tabId, String backText, String backPath) {
        assertThat(_get(Anchor.class, spec -> spec.withId(tabId)).getElement().getAttribute("aria-current"))
                .as("the graduation view is part of the section it was opened from").isEqualTo("page");
        RouterLink back = _get(RouterLink.class, spec -> spec.withId("graduation-back"));
        assertThat(back.getText()).isEqualTo(backText);
        RouterLinkKt._click(back);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo(backPath);
    }

    @Test
    void a_student_sees_why_each_target_has_its_score_and_their_standard_across_courses() {
        setUp();
        student();
        UI.getCurrent().navigate(MyEvidenceView.class,
                new RouteParameters(Map.of("unitId", String.valueOf(built.unit().id()))));

        assertThat(_get(ListItem.class, spec -> spec.withId("mine-target-" + built.first().id())).getElement()
                .getTextRecursively()).contains("SCI.1.a Plans a fair test", "Proficient (3)");
        _click(_get(Button.class, spec -> spec.withId("mine-why-" + built.first().id())));
        assertThat(_get(H3.class, spec -> spec.withId("mine-why-heading")).getText())
                .as("under the section's h2").isEqualTo("Why you have this proficiency on SCI.1.a Plans a fair test");
        assertThat(_get(Section.class, spec -> spec.withId("mine-why")).getElement().getTextRecursively())
                .contains("The scores that count, oldest work first:", "How they become the proficiency:");
        assertThat(_get(OrderedList.class, spec -> spec.withId("why-counted")).getElement().getTextRecursively())
                .contains("Lab (Essay), Designs the test: Proficient (3)");
        assertThat(_get(OrderedList.class, spec -> spec.withId("why-steps")).getElement().getTextRecursively())
                .contains("The running average starts at the first score: 3.");
        assertThat(message("why-result")).isEqualTo("Proficiency: 3, which reaches Proficient.");
        _click(_get(Button.class, spec -> spec.withId("mine-why-" + built.second().id())));
        assertThat(message("why-nothing-counted")).isEqualTo("No summative score counts yet.");
        assertThat(message("why-result")).isEqualTo("There is no proficiency yet.");

        RouterLinkKt._click(_get(RouterLink.class, spec -> spec.withId("mine-across-" + built.standards().standardId())));
        assertThat(_get(H1.class).getText()).isEqualTo("SCI.1 Investigates across all courses");
        assertThat(message("graduation-shown")).isEqualTo("Shown as mastered");

        graduationIsUnderTabAndLeadsBack("nav-home", "Back to my evidence", "my-evidence/" + built.unit().id());
    }

    @Test
    void no_one_but_the_students_teachers_opens_their_body_of_evidence_and_no_other_student_their_graduation_view() {
        setUp();
        RouteParameters theirs = new RouteParameters(Map.of("studentId", String.valueOf(student.personId())));
        RouteParameters theirStandard = GraduationView.parameters(student.personId(), built.standards().standardId());

        student();
        assertThatThrownBy(() -> UI.getCurrent().navigate(StudentEvidenceView.class, theirs))
                .isInstanceOf(MockAccessDeniedException.class);
        launchAs(Role.STUDENT, course, "other-" + course, "Olu Other");
        UI.getCurrent().navigate(GraduationView.class, theirStandard);
        assertThat(message("graduation-not-found")).startsWith("This standard or student was not found");
        assertThat(_find(UnorderedList.class)).as("nothing of theirs is shown").isEmpty();

        Viewer teacher = teacher();
        UI.getCurrent().navigate(StudentEvidenceView.class,
                new RouteParameters(Map.of("studentId", String.valueOf(teacher.personId()))));
        assertThat(message("student-not-found")).as("a teacher is not a student").startsWith("This student was not found");

        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(StudentEvidenceView.class, theirs);
        assertThat(message("student-not-found")).startsWith("This student was not found in this course");
        assertThat(_find(ListItem.class, spec -> spec.withId("student-evidence-" + evidenceId))).isEmpty();
        UI.getCurrent().navigate(GraduationView.class, theirStandard);
        assertThat(message("graduation-not-found")).startsWith("This standard or student was not found");
    }

    private long teacherCourseId() {
        return student.courseId();
    }

    @SuppressWarnings("unchecked")
    private static Grid<MasteryGrid.Row> grid() {
        return _get(Grid.class, spec -> spec.withId("mastery-grid"));
    }

    private static Span chipIn(Component cell) {
        return _find(cell, Span.class).stream().filter(s -> s.hasClassName("cairn-level-chip")).findFirst().orElseThrow();
    }

    private static String message(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getText();
    }
}
