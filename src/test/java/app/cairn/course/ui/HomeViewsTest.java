package app.cairn.course.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;

import app.cairn.shared.Role;
import app.cairn.testing.KaribuTest;

class HomeViewsTest extends KaribuTest {

    @Test
    void teacher_sees_their_course_their_role_and_what_comes_next() {
        String course = newCourse();
        launchAsStudent(course);
        launchAsStudent(course);
        launchAs(Role.TEACHER, course, "t-" + course, "Ms Rivera");

        UI.getCurrent().navigate(TeacherHomeView.class);

        assertThat(_get(H1.class, spec -> spec.withId("course-title")).getText()).isEqualTo("Course " + course.substring(0, 12));
        assertThat(_get(Paragraph.class, spec -> spec.withId("viewer-role")).getText()).contains("Ms Rivera", "teacher");
        assertThat(_get(Paragraph.class, spec -> spec.withId("course-counts")).getText()).contains("so far: 2", "Teachers: 1");
        assertThat(_get(Section.class, spec -> spec.withId("empty-state")).getElement().getTextRecursively())
                .contains("no rubrics, learning options or units");
    }

    @Test
    void student_sees_their_course_and_an_honest_empty_path() {
        String course = newCourse();
        launchAs(Role.STUDENT, course, "s-" + course, "Kai");

        UI.getCurrent().navigate(StudentHomeView.class);

        assertThat(_get(H1.class, spec -> spec.withId("course-title")).getText()).startsWith("Course ");
        assertThat(_get(Paragraph.class, spec -> spec.withId("viewer-role")).getText()).contains("Kai", "student");
        assertThat(_get(Section.class, spec -> spec.withId("empty-state")).getElement().getTextRecursively())
                .contains("has not set up a unit yet");
    }

    @Test
    void launch_without_a_name_is_greeted_without_one() {
        launchAs(Role.STUDENT, newCourse(), "anon-" + newCourse(), null);

        UI.getCurrent().navigate(StudentHomeView.class);

        assertThat(_get(Paragraph.class, spec -> spec.withId("viewer-role")).getText())
                .isEqualTo("You are signed in as a student of this course.");
    }

    @Test
    void student_cannot_open_the_teacher_home() {
        launchAsStudent(newCourse());

        assertThatThrownBy(() -> UI.getCurrent().navigate(TeacherHomeView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    void teacher_is_not_shown_the_student_home() {
        launchAsTeacher(newCourse());

        assertThatThrownBy(() -> UI.getCurrent().navigate(StudentHomeView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    void root_sends_each_role_to_their_home() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate("");
        assertThat(_get(TeacherHomeView.class)).isNotNull();

        launchAsStudent(newCourse());
        UI.getCurrent().navigate("");
        assertThat(_get(StudentHomeView.class)).isNotNull();
    }

    @Test
    void visitor_who_did_not_launch_is_told_to_open_cairn_from_the_course() {
        openWithoutLaunch();

        UI.getCurrent().navigate(TeacherHomeView.class);

        assertThat(_get(Paragraph.class, spec -> spec.withId("not-launched-body")).getText())
                .contains("Go to your course and select the Cairn activity");
    }

    @Test
    void teacher_home_has_a_home_tab_to_their_own_home() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(TeacherHomeView.class);

        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("nav-home")).getHref())
                .isEqualTo("teacher");
    }

    @Test
    void a_launch_in_spanish_shows_cairn_in_spanish() {
        launchAs(Role.STUDENT, newCourse(), "es-" + newCourse(), "Lucía", java.util.Locale.forLanguageTag("es-MX"));

        UI.getCurrent().navigate(StudentHomeView.class);

        assertThat(_get(Paragraph.class, spec -> spec.withId("viewer-role")).getText()).contains("Lucía", "estudiante");
    }
}
