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
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import app.cairn.rubric.Exemplar;
import app.cairn.rubric.IndicatorChoice;
import app.cairn.rubric.Rubric;
import app.cairn.rubric.RubricTestData;
import app.cairn.rubric.Rubrics;
import app.cairn.standards.StandardsLibrary;
import app.cairn.testing.KaribuTest;

class RubricBuilderViewTest extends KaribuTest {

    @Autowired
    Rubrics rubrics;
    @Autowired
    StandardsLibrary library;

    @Test
    void teacher_fills_a_row_picks_an_indicator_saves_and_sees_the_version_line() {
        launchAsTeacher(newCourse());
        var standards = RubricTestData.standards(library);
        Rubric rubric = rubrics.create("Lab report");
        open(rubric);

        assertThat(versionLine()).contains("Version 1", "Not used for scores yet");
        _setValue(textField("criterion-0-title"), "Fair test");
        pickIndicator(0, standards.indicator());
        fillRow(0, "Plans");
        _click(button("criterion-0-add-exemplar"));
        _setValue(select("criterion-0-exemplar-0-kind"), Exemplar.Kind.LINK);
        _setValue(textField("criterion-0-exemplar-0-url"), "https://example.org/exemplar");
        _click(button("save-rubric"));

        NotificationsKt.expectNotifications("The rubric is saved.");
        Rubric saved = rubrics.rubric(rubric.id());
        assertThat(saved.current().number()).isEqualTo(1);
        assertThat(saved.current().criteria()).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("Fair test");
            assertThat(c.indicatorId()).isEqualTo(standards.indicator());
            assertThat(c.descriptors()).containsExactly("Plans 1", "Plans 2", "Plans 3", "Plans 4");
            assertThat(c.exemplars()).containsExactly(Exemplar.link("https://example.org/exemplar", null));
        });
        assertThat(textArea("cell-0-2").getAriaLabel()).contains("Descriptor for Fair test at Proficient");
    }

    @Test
    void after_scores_saving_makes_version_2_and_the_builder_says_version_1_stays_with_them() {
        launchAsTeacher(newCourse());
        var standards = RubricTestData.standards(library);
        Rubric created = rubrics.create("Lab report");
        Rubric saved = rubrics.save(created.id(),
                RubricTestData.draft(created, RubricTestData.criterion("Fair test", standards.indicator(), 4, "old")));
        rubrics.markVersionUsed(saved.current().id());
        open(saved);

        assertThat(versionLine()).contains("Version 1 is used for scores", "Saving makes version 2");
        _setValue(textArea("cell-0-0"), "Changed");
        _click(button("save-rubric"));

        NotificationsKt.expectNotifications("Saved as version 2. Scores given with version 1 keep that version.");
        assertThat(versionLine()).contains("Version 2", "version 1 or earlier keep their version");
        assertThat(rubrics.version(saved.current().id()).criteria().getFirst().descriptors().getFirst())
                .isEqualTo("old at level 1");
    }

    @Test
    void empty_fields_and_a_missing_indicator_are_shown_at_their_fields_and_in_an_alert() {
        launchAsTeacher(newCourse());
        RubricTestData.standards(library);
        Rubric rubric = rubrics.create("Lab report");
        open(rubric);

        _setValue(textField("criterion-0-title"), "Fair test");
        fillRow(0, "Plans");
        _setValue(textArea("cell-0-1"), " ");
        _click(button("save-rubric"));

        Div problems = _get(Div.class, spec -> spec.withId("rubric-problems"));
        assertThat(problems.isVisible()).isTrue();
        assertThat(problems.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(problems.getElement().getTextRecursively()).contains("not saved",
                "Fair test: Choose the performance indicator", "Fair test, Developing: Describe what work");
        assertThat(combo(0).isInvalid()).isTrue();
        assertThat(textArea("cell-0-1").isInvalid()).isTrue();
        assertThat(textArea("cell-0-1").getErrorMessage()).isEqualTo("Describe what work at this level looks like.");
        assertThat(textArea("cell-0-0").isInvalid()).isFalse();
        assertThat(rubrics.rubric(rubric.id()).current().criteria()).isEmpty();
    }

    @Test
    void teacher_adds_moves_and_removes_criteria_with_buttons_that_say_which() {
        launchAsTeacher(newCourse());
        Rubric rubric = rubrics.create("Lab report");
        open(rubric);

        _setValue(textField("criterion-0-title"), "First");
        _click(button("add-criterion"));
        _setValue(textField("criterion-1-title"), "Second");
        _click(button("criterion-1-up"));

        assertThat(textField("criterion-0-title").getValue()).isEqualTo("Second");
        assertThat(textField("criterion-1-title").getValue()).isEqualTo("First");
        assertThat(button("criterion-1-up").getAriaLabel()).contains("Move criterion 2 up");
        assertThat(button("criterion-0-up").isEnabled()).isFalse();
        assertThat(button("criterion-1-down").isEnabled()).isFalse();
        _click(button("criterion-0-remove"));
        assertThat(textField("criterion-0-title").getValue()).isEqualTo("First");
        assertThat(_find(TextField.class, spec -> spec.withId("criterion-1-title"))).isEmpty();
    }

    @Test
    void the_second_teacher_to_save_is_told_to_reload_and_nothing_is_overwritten() {
        String course = newCourse();
        launchAsTeacher(course);
        var standards = RubricTestData.standards(library);
        Rubric rubric = rubrics.create("Lab report");
        open(rubric);
        Rubric other = rubrics.save(rubric.id(),
                RubricTestData.draft(rubric, RubricTestData.criterion("Theirs", standards.indicator(), 4, "theirs")));

        _setValue(textField("criterion-0-title"), "Mine");
        pickIndicator(0, standards.indicator());
        fillRow(0, "mine");
        _click(button("save-rubric"));

        assertThat(_get(Div.class, spec -> spec.withId("rubric-problems")).getElement().getTextRecursively())
                .contains("Another teacher changed this rubric");
        assertThat(rubrics.rubric(rubric.id())).isEqualTo(other);
        _click(button("reload-rubric"));
        assertThat(textField("criterion-0-title").getValue()).isEqualTo("Theirs");
    }

    @Test
    void a_rubric_shared_with_the_platform_opens_read_only() {
        launchAsTeacher(newCourse());
        var standards = RubricTestData.standards(library);
        Rubric created = rubrics.create("Shared");
        Rubric saved = rubrics.save(created.id(),
                RubricTestData.draft(created, RubricTestData.criterion("Fair test", standards.indicator(), 4, "x")));
        Rubric shared = rubrics.shareToPlatform(saved.id());

        launchAsTeacher(newCourse());
        open(shared);

        assertThat(_get(Paragraph.class, spec -> spec.withId("rubric-read-only")).getText()).contains("read-only");
        assertThat(_find(TextArea.class)).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("save-rubric"))).isEmpty();
    }

    @Test
    void another_courses_rubric_is_not_found() {
        launchAsTeacher(newCourse());
        Rubric rubric = rubrics.create("Course A's");

        launchAsTeacher(newCourse());
        open(rubric);

        assertThat(_get(Paragraph.class, spec -> spec.withId("rubric-not-found")).getText()).contains("not in your course");
        assertThat(_find(TextArea.class)).isEmpty();
    }

    @Test
    void student_is_refused_the_builder() {
        String course = newCourse();
        launchAsTeacher(course);
        Rubric rubric = rubrics.create("Lab report");
        launchAsStudent(course);

        assertThatThrownBy(() -> open(rubric)).isInstanceOf(MockAccessDeniedException.class);
    }

    private static void open(Rubric rubric) {
        UI.getCurrent().navigate("rubrics/" + rubric.id());
    }

    private void pickIndicator(int row, long indicatorId) {
        ComboBox<IndicatorChoice> combo = combo(row);
        IndicatorChoice choice = rubrics.indicators().stream().filter(c -> c.id() == indicatorId).findFirst().orElseThrow();
        _setValue(combo, choice);
    }

    private static void fillRow(int row, String prefix) {
        for (int level = 0; level < 4; level++) {
            _setValue(textArea("cell-" + row + "-" + level), prefix + " " + (level + 1));
        }
    }

    private static String versionLine() {
        return _get(Paragraph.class, spec -> spec.withId("rubric-version")).getText();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<IndicatorChoice> combo(int row) {
        return _get(ComboBox.class, spec -> spec.withId("criterion-" + row + "-indicator"));
    }

    @SuppressWarnings("unchecked")
    private static Select<Exemplar.Kind> select(String id) {
        return _get(Select.class, spec -> spec.withId(id));
    }

    private static TextField textField(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private static TextArea textArea(String id) {
        return _get(TextArea.class, spec -> spec.withId(id));
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }
}
