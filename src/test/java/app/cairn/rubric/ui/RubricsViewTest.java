package app.cairn.rubric.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import app.cairn.rubric.Exemplar;
import app.cairn.rubric.Rubric;
import app.cairn.rubric.RubricDraft;
import app.cairn.rubric.RubricSummary;
import app.cairn.rubric.RubricTestData;
import app.cairn.rubric.Rubrics;
import app.cairn.standards.StandardsLibrary;
import app.cairn.testing.KaribuTest;

class RubricsViewTest extends KaribuTest {

    @Autowired
    Rubrics rubrics;
    @Autowired
    StandardsLibrary library;

    @Test
    void teacher_creates_a_rubric_and_lands_in_the_builder() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(RubricsView.class);

        _setValue(_get(TextField.class, spec -> spec.withId("rubric-new-title")), "Lab report");
        _click(button("rubric-create"));

        assertThat(_get(TextField.class, spec -> spec.withId("rubric-title")).getValue()).isEqualTo("Lab report");
        assertThat(_find(TextArea.class, spec -> spec.withId("cell-0-3"))).hasSize(1);
        // Rubrics other tests shared with the test platform show here too; this course's own are the point.
        assertThat(rubrics.library()).filteredOn(summary -> !summary.shared()).extracting(RubricSummary::title)
                .containsExactly("Lab report");
    }

    @Test
    void a_blank_title_is_shown_at_the_field_and_nothing_is_created() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(RubricsView.class);

        _click(button("rubric-create"));

        TextField title = _get(TextField.class, spec -> spec.withId("rubric-new-title"));
        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).isEqualTo("Give the rubric a title.");
        assertThat(rubrics.library()).filteredOn(summary -> !summary.shared()).isEmpty();
    }

    @Test
    void teacher_copies_shares_and_archives_from_the_library() {
        launchAsTeacher(newCourse());
        var standards = RubricTestData.standards(library);
        Rubric created = rubrics.create("Lab report");
        Rubric saved = rubrics.save(created.id(),
                RubricTestData.draft(created, RubricTestData.criterion("Fair test", standards.indicator(), 4, "x")));
        UI.getCurrent().navigate(RubricsView.class);

        assertThat(button("rubric-" + saved.id() + "-copy").getAriaLabel()).hasValue("Copy rubric Lab report into this course");
        _click(button("rubric-" + saved.id() + "-copy"));
        _click(button("rubric-" + saved.id() + "-share"));
        _click(button("rubric-" + saved.id() + "-archive"));

        assertThat(rubrics.library()).filteredOn(summary -> !summary.shared()).extracting(RubricSummary::title)
                .containsExactly("Lab report (copy)");
        assertThat(rubrics.library()).filteredOn(RubricSummary::shared).extracting(RubricSummary::title)
                .contains("Lab report");
        assertThat(_get(Paragraph.class, spec -> spec.withId("rubrics-message")).getText()).contains("archived");
    }

    @Test
    void teachers_have_a_rubrics_tab_and_students_do_not() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(RubricsView.class);
        assertThat(_get(Anchor.class, spec -> spec.withId("nav-rubrics")).getHref()).isEqualTo("rubrics");

        launchAsStudent(newCourse());
        assertThatThrownBy(() -> UI.getCurrent().navigate(RubricsView.class)).isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    void a_student_reads_their_courses_rubric_read_only() {
        String course = newCourse();
        launchAsTeacher(course);
        var standards = RubricTestData.standards(library);
        Rubric created = rubrics.create("Lab report");
        rubrics.save(created.id(), new RubricDraft("Lab report", created.revision(),
                java.util.List.of(RubricTestData.criterion("Fair test", standards.indicator(), 4, "Plans")),
                java.util.List.of(Exemplar.link("https://example.org/model", "A model report"))));

        launchAsStudent(course);
        UI.getCurrent().navigate("rubric/" + created.id());

        assertThat(_find(NativeTableCell.class)).extracting(NativeTableCell::getText)
                .containsExactly("Plans at level 1", "Plans at level 2", "Plans at level 3", "Plans at level 4");
        assertThat(_get(Anchor.class, spec -> spec.withText("A model report")).getHref())
                .isEqualTo("https://example.org/model");
        assertThat(_find(TextArea.class)).isEmpty();
        assertThat(_find(TextField.class)).isEmpty();
        // Only the frame's language switch is a button; the rubric itself has none.
        assertThat(_find(_get(RubricReadView.class), Button.class)).isEmpty();
    }

    @Test
    void a_student_of_another_course_is_told_the_rubric_is_not_theirs() {
        launchAsTeacher(newCourse());
        Rubric rubric = rubrics.create("Course A's");

        launchAsStudent(newCourse());
        UI.getCurrent().navigate("rubric/" + rubric.id());

        assertThat(_get(Paragraph.class, spec -> spec.withId("rubric-not-found")).getText()).contains("not in your course");
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }
}
