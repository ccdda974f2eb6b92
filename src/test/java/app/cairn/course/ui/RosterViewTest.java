package app.cairn.course.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;

import app.cairn.shared.Role;
import app.cairn.testing.KaribuTest;

class RosterViewTest extends KaribuTest {

    @Test
    void teacher_sees_everyone_who_launched_and_that_the_lms_offered_no_roster() {
        String course = newCourse();
        launchAs(Role.STUDENT, course, "s-" + course, "Ana Alumna");
        launchAs(Role.TEACHER, course, "t-" + course, "Tomás Teacher");

        UI.getCurrent().navigate(RosterView.class);

        Grid<?> grid = _get(Grid.class, spec -> spec.withId("roster-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(grid, 0)).containsExactly("Tomás Teacher", "Teacher", "Has opened Cairn");
        assertThat(GridKt._getFormattedRow(grid, 1)).containsExactly("Ana Alumna", "Student", "Has opened Cairn");
        assertThat(_get(Paragraph.class, spec -> spec.withId("roster-status")).getText())
                .contains("did not offer Cairn its roster");
    }

    @Test
    void the_roster_tab_is_in_the_teachers_frame() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(RosterView.class);

        assertThat(_get(Anchor.class, spec -> spec.withId("nav-roster")).getHref()).isEqualTo("roster");
    }

    @Test
    void student_cannot_open_the_roster() {
        launchAsStudent(newCourse());

        assertThatThrownBy(() -> UI.getCurrent().navigate(RosterView.class)).isInstanceOf(MockAccessDeniedException.class);
    }
}
