package app.cairn.privacy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;

import app.cairn.privacy.AuditEntry;
import app.cairn.privacy.AuditKind;
import app.cairn.privacy.CoursePrivacy;
import app.cairn.privacy.StudentSummary;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;
import app.cairn.testing.KaribuTest;

class PrivacyViewTest extends KaribuTest {

    @Autowired
    CoursePrivacy privacy;

    @Test
    void a_teacher_sets_the_retention_period_and_a_wrong_number_is_explained_at_the_field() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(PrivacyView.class);
        assertThat(_get(Checkbox.class, spec -> spec.withId("privacy-keep-until-deleted")).getValue()).isTrue();

        _setValue(_get(Checkbox.class, spec -> spec.withId("privacy-keep-until-deleted")), false);
        IntegerField days = _get(IntegerField.class, spec -> spec.withId("privacy-retention-days"));
        _setValue(days, 5);
        _click(_get(Button.class, spec -> spec.withId("privacy-retention-save")));
        assertThat(days.isInvalid()).isTrue();
        assertThat(days.getErrorMessage()).contains("between 30 and 3650");
        assertThat(privacy.settingsOfMyCourse().retentionDays()).isNull();

        _setValue(days, 400);
        _click(_get(Button.class, spec -> spec.withId("privacy-retention-save")));

        assertThat(days.isInvalid()).isFalse();
        assertThat(_get(Paragraph.class, spec -> spec.withId("privacy-message")).getText()).contains("400 days");
        assertThat(privacy.settingsOfMyCourse().retentionDays()).isEqualTo(400);
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> trail = _get(Grid.class, spec -> spec.withId("privacy-trail"));
        assertThat(GridKt._get(trail, 0).kind()).isEqualTo(AuditKind.RETENTION_CHANGED);
        assertThat(GridKt._getFormattedRow(trail, 0)).contains("Retention (days): — → 400");
    }

    @Test
    void a_teacher_deletes_one_students_data_after_confirming_and_the_class_list_updates() {
        String course = newCourse();
        Viewer leaving = launchAs(Role.STUDENT, course, "s-" + course, "Ana Ortiz");
        launchAs(Role.STUDENT, course, "s2-" + course, "Ben Lee");
        launchAsTeacher(course);
        UI.getCurrent().navigate(PrivacyView.class);
        @SuppressWarnings("unchecked")
        Grid<StudentSummary> students = _get(Grid.class, spec -> spec.withId("privacy-students"));
        assertThat(GridKt._size(students)).isEqualTo(2);
        var actions = GridKt._getCellComponent(students, 0, "actions");
        assertThat(_get(actions, Anchor.class, spec -> spec.withId("privacy-download-" + leaving.personId()))
                .getElement().getAttribute("aria-label")).isEqualTo("Download the data of Ana Ortiz");

        _click(_get(actions, Button.class, spec -> spec.withId("privacy-delete-" + leaving.personId())));
        _click(_get(Button.class, spec -> spec.withId("privacy-erase-cancel")));
        assertThat(GridKt._size(students)).isEqualTo(2);

        _click(_get(actions, Button.class, spec -> spec.withId("privacy-delete-" + leaving.personId())));
        assertThat(_get(Button.class, spec -> spec.withId("privacy-erase-confirm")).getText()).isEqualTo("Delete Ana Ortiz's data");
        _click(_get(Button.class, spec -> spec.withId("privacy-erase-confirm")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("privacy-message")).getText())
                .isEqualTo("The data of Ana Ortiz was deleted.");
        assertThat(List.of(GridKt._get(students, 0).name())).containsExactly("Ben Lee");
        assertThat(GridKt._size(students)).isEqualTo(1);
    }

    @Test
    void a_student_reads_what_cairn_keeps_and_can_download_only_their_own_data() {
        Viewer student = launchAsStudent(newCourse());
        UI.getCurrent().navigate(PrivacyView.class);

        assertThat(_get(Anchor.class, spec -> spec.withId("privacy-download-mine")).getText())
                .isEqualTo("Download my data (JSON)");
        _assertNone(Grid.class);
        _assertNone(IntegerField.class);
        assertThat(student.personId()).isPositive();
    }

    @Test
    void the_page_speaks_spanish_to_a_spanish_launch() {
        launchAs(Role.STUDENT, newCourse(), "s-es-" + newCourse(), "Lucía", java.util.Locale.of("es"));
        UI.getCurrent().navigate(PrivacyView.class);

        assertThat(_get(Anchor.class, spec -> spec.withId("privacy-download-mine")).getText())
                .isEqualTo("Descargar mis datos (JSON)");
        assertThat(_get(Anchor.class, spec -> spec.withId("nav-privacy")).getText()).isEqualTo("Privacidad");
    }
}
