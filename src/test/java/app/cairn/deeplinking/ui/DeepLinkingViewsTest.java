package app.cairn.deeplinking.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;

import app.cairn.deeplinking.Placements;
import app.cairn.lti.DeepLinking;
import app.cairn.lti.DeepLinkingRequests;
import app.cairn.lti.ResourceLinkLaunch;
import app.cairn.rubric.RubricTestData;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;
import app.cairn.standards.StandardsLibrary;
import app.cairn.testing.KaribuTest;
import app.cairn.unit.Continuum;
import app.cairn.unit.Pacing;
import app.cairn.unit.UnitLink;
import app.cairn.unit.UnitTestData;
import app.cairn.unit.Units;
import app.cairn.unit.ui.UnitBoardView;
import app.cairn.unit.ui.UnitBuilderView;

/** The deep linking picker and the link set-up page for teachers; the "not set up yet" page for students. */
class DeepLinkingViewsTest extends KaribuTest {

    @Autowired
    DeepLinking deepLinking;
    @Autowired
    Placements placements;
    @Autowired
    Units units;
    @Autowired
    StandardsLibrary library;

    @Test
    void teacher_chooses_several_units_with_labelled_checkboxes_starts_one_there_and_adds_them() {
        Viewer teacher = launchAsTeacher(newCourse());
        units.create("Ecosystems");
        String requestId = DeepLinkingRequests.open(deepLinking, teacher, true);

        UI.getCurrent().navigate("deep-linking/" + requestId);

        DeepLinkPickerView view = _get(DeepLinkPickerView.class);
        assertThat(view.getMaxWidth()).as("fits an 800 px LMS dialog").isEqualTo("800px");
        assertThat(_find(Anchor.class).stream().map(Anchor::getId).flatMap(Optional::stream))
                .as("no course tabs around the picker").doesNotContain("nav-home");
        CheckboxGroup<UnitLink> group = checkboxes();
        assertThat(group.getLabel()).isEqualTo("Units of this course");
        assertThat(group.getItemLabelGenerator().apply(placements.units().getFirst()))
                .isEqualTo("Ecosystems (draft: students can open it once you publish it)");
        _setValue(_get(TextField.class, spec -> spec.withId("new-unit-title")), "Cells");
        _click(button("create-unit"));
        assertThat(group.getValue()).extracting(UnitLink::title).containsExactly("Cells");
        group.setValue(Set.copyOf(placements.units()));

        _click(button("add-to-course"));

        assertThat(placements.pickRequest(requestId)).as("answered").isEmpty();
        assertThat(pendingJavaScript()).anySatisfy(js -> assertThat(js).contains("/lti/deep-linking/" + requestId + "/return"));
    }

    @Test
    void when_the_lms_takes_one_unit_the_picker_offers_radio_buttons_and_asks_for_a_choice() {
        Viewer teacher = launchAsTeacher(newCourse());
        units.create("Only one");
        String requestId = DeepLinkingRequests.open(deepLinking, teacher, false);
        UI.getCurrent().navigate("deep-linking/" + requestId);

        assertThat(_find(CheckboxGroup.class)).isEmpty();
        RadioButtonGroup<UnitLink> group = radios();
        assertThat(group.getLabel()).isEqualTo("Which unit should the link open?");
        _click(button("add-to-course"));

        assertThat(group.isInvalid()).isTrue();
        assertThat(group.getErrorMessage()).isEqualTo("Choose a unit.");
        assertThat(placements.pickRequest(requestId)).as("still open").isPresent();
        group.setValue(placements.units().getFirst());
        _click(button("add-to-course"));
        assertThat(placements.pickRequest(requestId)).isEmpty();
    }

    @Test
    void cancel_answers_with_nothing_and_an_answered_or_unknown_request_says_it_is_gone() {
        Viewer teacher = launchAsTeacher(newCourse());
        String requestId = DeepLinkingRequests.open(deepLinking, teacher, true);
        UI.getCurrent().navigate("deep-linking/" + requestId);
        _click(button("cancel-pick"));
        assertThat(placements.pickRequest(requestId)).isEmpty();

        UI.getCurrent().navigate("deep-linking/" + requestId);
        assertThat(_get(Paragraph.class, spec -> spec.withId("pick-gone")).getText())
                .isEqualTo("This request has expired or has been answered already. Start again from your LMS.");
        UI.getCurrent().navigate("deep-linking/" + UUID.randomUUID());
        assertThat(_find(Paragraph.class, spec -> spec.withId("pick-gone"))).hasSize(1);
    }

    @Test
    void students_cannot_open_the_picker_or_set_up_links() {
        launchAsStudent(newCourse());
        assertThatThrownBy(() -> UI.getCurrent().navigate("deep-linking/" + UUID.randomUUID()))
                .isInstanceOf(MockAccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate("links/1")).isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    void a_student_on_a_link_not_set_up_is_told_kindly_and_pointed_home() {
        launchAsStudent(newCourse());
        String path = placements.afterResourceLinkLaunch(new ResourceLinkLaunch("week-4", "Week 4", Map.of()));

        UI.getCurrent().navigate(path.substring(1));

        assertThat(_get(Paragraph.class, spec -> spec.withId("not-set-up")).getText())
                .isEqualTo("Your teacher has not set this activity up yet. Try again later, or ask your teacher about it.");
        assertThat(_get(Anchor.class, spec -> spec.withId("go-home")).getHref()).isEqualTo("student");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Not set up yet");

        UI.getCurrent().navigate("not-set-up", QueryParameters.of("reason", "unit-draft"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("not-set-up")).getText()).startsWith("Your teacher is still preparing");
    }

    @Test
    void spanish_students_read_it_in_spanish() {
        launchAs(Role.STUDENT, newCourse(), "student-" + UUID.randomUUID(), "Ana", Locale.of("es"));
        UI.getCurrent().navigate("not-set-up");
        assertThat(_get(Paragraph.class, spec -> spec.withId("not-set-up")).getText())
                .startsWith("Tu docente todavía no ha preparado esta actividad.");
    }

    @Test
    void a_teacher_sets_up_a_link_with_the_same_picker_and_lands_on_the_unit() {
        launchAsTeacher(newCourse());
        var unit = units.create("Weather");
        String path = placements.afterResourceLinkLaunch(new ResourceLinkLaunch("week-5", "Week 5", Map.of()));
        assertThat(path).matches("/links/\\d+");

        UI.getCurrent().navigate(path.substring(1));

        assertThat(_get(Paragraph.class, spec -> spec.withId("link-intro")).getText()).contains("\u201cWeek 5\u201d");
        assertThat(_find(Paragraph.class, spec -> spec.withId("link-unit-missing"))).isEmpty();
        _click(button("tie-link"));
        assertThat(radios().isInvalid()).isTrue();
        radios().setValue(placements.units().getFirst());
        _click(button("tie-link"));

        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst())
                .as("tying the link opens the unit").isInstanceOf(UnitBuilderView.class);
        assertThat(placements.afterResourceLinkLaunch(new ResourceLinkLaunch("week-5", "Week 5", Map.of())))
                .isEqualTo("/units/" + unit.id());
    }

    @Test
    void a_teacher_of_the_next_course_sees_what_a_copy_takes_along_copies_and_students_then_find_their_path() {
        String lastYear = newCourse();
        launchAsTeacher(lastYear);
        var standards = RubricTestData.standards(library);
        var unit = units.create("Ecosystems");
        unit = units.save(unit.id(), UnitTestData.draft(unit, Pacing.SELF_PACED,
                Continuum.PARTICIPANT, UnitTestData.target(standards.indicator(), null)));
        units.publish(unit.id(), unit.revision());
        String key = units.inMyCourse(unit.id()).orElseThrow().key();

        String thisYear = newCourse();
        launchAsTeacher(thisYear);
        String path = placements.afterResourceLinkLaunch(new ResourceLinkLaunch("copied", "Ecosystems",
                Map.of(ResourceLinkLaunch.UNIT_PARAMETER, key)));
        assertThat(path).matches("/links/\\d+/copy");
        UI.getCurrent().navigate(path.substring(1));

        assertThat(_get(Paragraph.class, spec -> spec.withId("copy-intro")).getText())
                .contains("\u201cCourse " + lastYear.substring(0, 12) + "\u201d");
        assertThat(_get(Paragraph.class, spec -> spec.withId("copy-what")).getText())
                .contains("leaves behind everything of the students");
        _click(button("copy-unit"));

        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst())
                .as("the copy opens on its board").isInstanceOf(UnitBoardView.class);
        long copyId = placements.units().getFirst().id();
        launchAsStudent(thisYear);
        assertThat(placements.afterResourceLinkLaunch(new ResourceLinkLaunch("copied", "Ecosystems",
                Map.of(ResourceLinkLaunch.UNIT_PARAMETER, key)))).isEqualTo("/units/" + copyId + "/path");
        UI.getCurrent().navigate("units/" + copyId + "/path");
        assertThat(_get(H2.class, spec -> spec.withId("path-unit-title")).getText())
                .isEqualTo("Ecosystems");
    }

    // --- helpers ---

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static CheckboxGroup<UnitLink> checkboxes() {
        return _get(CheckboxGroup.class, spec -> spec.withId("units"));
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<UnitLink> radios() {
        return _get(RadioButtonGroup.class, spec -> spec.withId("units"));
    }

    private static List<String> pendingJavaScript() {
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(js -> js.getInvocation().getExpression() + " " + js.getInvocation().getParameters()).toList();
    }
}
