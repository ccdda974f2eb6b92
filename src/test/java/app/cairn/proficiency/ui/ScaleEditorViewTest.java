package app.cairn.proficiency.ui;

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
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;

import app.cairn.proficiency.ProficiencyScales;
import app.cairn.proficiency.ScaleView;
import app.cairn.testing.KaribuTest;

class ScaleEditorViewTest extends KaribuTest {

    @Autowired
    ProficiencyScales scales;

    @Test
    void teacher_sees_the_default_levels_with_proficient_as_mastery() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(ScaleEditorView.class);

        assertThat(label(0).getValue()).isEqualTo("Beginning");
        assertThat(label(1).getValue()).isEqualTo("Developing");
        assertThat(label(2).getValue()).isEqualTo("Proficient");
        assertThat(label(3).getValue()).isEqualTo("Exceeding");
        assertThat(_find(TextField.class, spec -> spec.withId("level-4-label"))).isEmpty();
        assertThat(mastery(2).getValue()).isTrue();
        assertThat(mastery(3).getValue()).isFalse();
        assertThat(_get(Paragraph.class, spec -> spec.withId("scale-source")).getText()).contains("default");
        assertThat(_find(Button.class, spec -> spec.withId("use-default"))).as("nothing to go back to").isEmpty();
    }

    @Test
    void teacher_edits_a_label_and_saves_it_as_the_course_scale() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(ScaleEditorView.class);

        _setValue(label(0), "Emerging");
        _click(button("save-scale"));

        NotificationsKt.expectNotifications("The scale is saved.");
        ScaleView saved = scales.scaleOfMyCourse();
        assertThat(saved.courseOwn()).isTrue();
        assertThat(saved.levels().get(0).label()).isEqualTo("Emerging");
        assertThat(_get(Paragraph.class, spec -> spec.withId("scale-source")).getText()).contains("its own");
        assertThat(_get(Button.class, spec -> spec.withId("use-default")).isVisible()).isTrue();
    }

    @Test
    void teacher_is_shown_an_error_for_two_mastery_levels_and_nothing_is_saved() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(ScaleEditorView.class);

        _setValue(mastery(3), true);
        _click(button("save-scale"));

        Div problems = _get(Div.class, spec -> spec.withId("scale-problems"));
        assertThat(problems.isVisible()).isTrue();
        assertThat(problems.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(problems.getElement().getTextRecursively())
                .contains("not saved", "Level 3: Only one level can be the mastery level",
                        "Level 4: Only one level can be the mastery level");
        assertThat(scales.scaleOfMyCourse().courseOwn()).isFalse();
    }

    @Test
    void an_empty_label_is_shown_at_its_field() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(ScaleEditorView.class);

        _setValue(label(1), "");
        _click(button("save-scale"));

        assertThat(label(1).isInvalid()).isTrue();
        assertThat(label(1).getErrorMessage()).isEqualTo("Give this level a label.");
        assertThat(label(0).isInvalid()).isFalse();
    }

    @Test
    void teacher_adds_a_level_then_removes_one_and_saves() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(ScaleEditorView.class);

        _click(button("add-level"));
        assertThat(_get(BigDecimalField.class, spec -> spec.withId("level-4-points")).getValue())
                .isEqualByComparingTo("5");
        _setValue(label(4), "Expert");
        _click(button("level-0-remove"));

        assertThat(label(0).getValue()).isEqualTo("Developing");
        assertThat(label(3).getValue()).isEqualTo("Expert");
        _click(button("save-scale"));

        assertThat(scales.scaleOfMyCourse().levels()).extracting(level -> level.label())
                .containsExactly("Developing", "Proficient", "Exceeding", "Expert");
    }

    @Test
    void moving_a_level_down_swaps_it_with_the_next_and_the_buttons_say_which_level() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(ScaleEditorView.class);

        _click(button("level-0-down"));

        assertThat(label(0).getValue()).isEqualTo("Developing");
        assertThat(label(1).getValue()).isEqualTo("Beginning");
        assertThat(button("level-1-up").getAriaLabel()).contains("Move level 2 up");
        assertThat(button("level-0-up").isEnabled()).isFalse();
        assertThat(button("level-3-down").isEnabled()).isFalse();
        // Points stay with their level, so the order is now wrong and saving says so.
        _click(button("save-scale"));
        assertThat(_get(BigDecimalField.class, spec -> spec.withId("level-1-points")).isInvalid()).isTrue();
    }

    @Test
    void the_swatch_follows_the_colour_field() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(ScaleEditorView.class);

        _setValue(_get(TextField.class, spec -> spec.withId("level-0-colour")), "#ffeb3b");

        Span swatch = _get(Span.class, spec -> spec.withId("level-0-swatch"));
        assertThat(swatch.getStyle().get("background-color")).isEqualTo("#ffeb3b");
        assertThat(swatch.getStyle().get("color")).isEqualTo("#000000");
    }

    @Test
    void the_second_teacher_to_save_is_told_to_reload() {
        String course = newCourse();
        launchAsTeacher(course);
        UI.getCurrent().navigate(ScaleEditorView.class);
        ScaleView other = scales.saveScaleOfMyCourse(scales.scaleOfMyCourse().toDraft());

        _setValue(label(0), "Mine");
        _click(button("save-scale"));

        assertThat(_get(Div.class, spec -> spec.withId("scale-problems")).getElement().getTextRecursively())
                .contains("Another teacher changed this scale");
        assertThat(scales.scaleOfMyCourse()).isEqualTo(other);
        _click(button("reload-scale"));
        assertThat(label(0).getValue()).isEqualTo("Beginning");
    }

    @Test
    void teacher_goes_back_to_the_platform_default() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(ScaleEditorView.class);
        _setValue(label(0), "Emerging");
        _click(button("save-scale"));

        _click(button("use-default"));

        assertThat(label(0).getValue()).isEqualTo("Beginning");
        assertThat(scales.scaleOfMyCourse().courseOwn()).isFalse();
    }

    @Test
    void teachers_have_a_scale_tab() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(ScaleEditorView.class);

        assertThat(_get(Anchor.class, spec -> spec.withId("nav-scale")).getHref()).isEqualTo("scale");
    }

    @Test
    void student_cannot_open_the_scale_editor() {
        launchAsStudent(newCourse());

        assertThatThrownBy(() -> UI.getCurrent().navigate(ScaleEditorView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    private static TextField label(int level) {
        return _get(TextField.class, spec -> spec.withId("level-" + level + "-label"));
    }

    private static Checkbox mastery(int level) {
        return _get(Checkbox.class, spec -> spec.withId("level-" + level + "-mastery"));
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

}
