package app.cairn.gradebook.ui;

import static cairn.schema.Tables.GRADEBOOK_SCORE_OUTBOX;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;

import app.cairn.gradebook.Gradebook;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;
import app.cairn.testing.KaribuTest;

class GradebookViewTest extends KaribuTest {

    @Autowired
    Gradebook gradebook;
    @Autowired
    DSLContext db;

    @Test
    void an_honest_empty_state_while_nothing_has_been_sent() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(GradebookView.class);

        Paragraph empty = _get(Paragraph.class, spec -> spec.withId("gradebook-empty"));
        assertThat(empty.isVisible()).isTrue();
        assertThat(empty.getText()).contains("has not sent any scores");
        assertThat(_get(Paragraph.class, spec -> spec.withId("gradebook-status")).getText())
                .contains("did not offer Cairn its gradebook");
        assertThat(_get(Anchor.class, spec -> spec.withId("nav-gradebook")).getHref()).isEqualTo("gradebook");
    }

    @Test
    void a_teacher_sees_each_students_latest_score_and_retries_a_failed_one() {
        String course = newCourse();
        Viewer student = launchAs(Role.STUDENT, course, "s-" + course, "Ana Alumna");
        launchAs(Role.TEACHER, course, "t-" + course, "Tomás Teacher");
        gradebook.defineItem("unit-1", "Unit 1: Ecosystems", 4, null);
        gradebook.recordScore("unit-1", student.personId(), 2, 4, "Developing");
        long id = gradebook.recordScore("unit-1", student.personId(), 3, 4, "Proficient");
        db.update(GRADEBOOK_SCORE_OUTBOX).set(GRADEBOOK_SCORE_OUTBOX.STATUS, "FAILED")
                .set(GRADEBOOK_SCORE_OUTBOX.LAST_ERROR, "the LMS answered the score with HTTP 422: user not enrolled")
                .where(GRADEBOOK_SCORE_OUTBOX.ID.eq(id)).execute();

        UI.getCurrent().navigate(GradebookView.class);

        Grid<?> grid = _get(Grid.class, spec -> spec.withId("gradebook-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grid, 0)).startsWith("Ana Alumna", "Unit 1: Ecosystems", "3 / 4 (Proficient)",
                "Not sent: the LMS answered the score with HTTP 422: user not enrolled");
        _assertNone(Paragraph.class, spec -> spec.withId("gradebook-empty"));

        Button retry = (Button) GridKt._getCellComponent(grid, 0, "action");
        assertThat(retry.getId()).hasValue("gradebook-retry-" + id);
        _click(retry);

        assertThat(GridKt._getFormattedRow(grid, 0)).contains("Waiting to be sent");
        assertThat(db.select(GRADEBOOK_SCORE_OUTBOX.STATUS).from(GRADEBOOK_SCORE_OUTBOX)
                .where(GRADEBOOK_SCORE_OUTBOX.ID.eq(id)).fetchSingle().value1()).isEqualTo("PENDING");
        db.update(GRADEBOOK_SCORE_OUTBOX).set(GRADEBOOK_SCORE_OUTBOX.STATUS, "FAILED")
                .where(GRADEBOOK_SCORE_OUTBOX.ID.eq(id)).execute();
    }

    @Test
    void a_teacher_of_another_course_never_sees_or_retries_these_rows() {
        String courseA = newCourse();
        Viewer student = launchAs(Role.STUDENT, courseA, "s-" + courseA, "Ana Alumna");
        launchAs(Role.TEACHER, courseA, "t-" + courseA, "Tomás Teacher");
        gradebook.defineItem("unit-1", "Unit 1", 4, null);
        long id = gradebook.recordScore("unit-1", student.personId(), 3, 4, "Proficient");
        db.update(GRADEBOOK_SCORE_OUTBOX).set(GRADEBOOK_SCORE_OUTBOX.STATUS, "FAILED")
                .where(GRADEBOOK_SCORE_OUTBOX.ID.eq(id)).execute();

        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(GradebookView.class);

        assertThat(_get(Paragraph.class, spec -> spec.withId("gradebook-empty")).isVisible()).isTrue();
        assertThat(gradebook.scoresOfMyCourse()).isEmpty();
        assertThat(gradebook.retry(id)).isFalse();
    }

    @Test
    void a_student_cannot_open_the_gradebook() {
        launchAsStudent(newCourse());

        assertThatThrownBy(() -> UI.getCurrent().navigate(GradebookView.class)).isInstanceOf(MockAccessDeniedException.class);
    }
}
