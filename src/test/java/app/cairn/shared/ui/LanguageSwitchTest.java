package app.cairn.shared.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;

import app.cairn.shared.Role;
import app.cairn.testing.KaribuTest;

class LanguageSwitchTest extends KaribuTest {

    @Test
    void a_student_launched_in_english_switches_to_spanish_for_the_rest_of_the_session() {
        launchAsStudent(newCourse());
        UI.getCurrent().navigate("student");
        assertThat(_get(Anchor.class, spec -> spec.withId("nav-home")).getText()).isEqualTo("Home");
        Button spanish = _get(Button.class, spec -> spec.withId("language-es"));
        assertThat(spanish.getText()).isEqualTo("Español");
        assertThat(spanish.getElement().getAttribute("lang")).isEqualTo("es");
        _assertNone(Button.class, spec -> spec.withId("language-en"));

        _click(spanish);

        // The page reloads: a new UI, built in the chosen language.
        assertThat(UI.getCurrent().getLocale().getLanguage()).isEqualTo("es");
        UI.getCurrent().navigate("student");
        assertThat(_get(Anchor.class, spec -> spec.withId("nav-home")).getText()).isEqualTo("Inicio");
        assertThat(_get(Button.class, spec -> spec.withId("language-en")).getText()).isEqualTo("English");
    }

    @Test
    void a_teacher_launched_in_spanish_sees_spanish_and_can_switch_back() {
        launchAs(Role.TEACHER, newCourse(), "t-es", "Profe", Locale.of("es", "MX"));
        UI.getCurrent().navigate("teacher");
        assertThat(_get(Anchor.class, spec -> spec.withId("nav-home")).getText()).isEqualTo("Inicio");

        _click(_get(Button.class, spec -> spec.withId("language-en")));

        UI.getCurrent().navigate("teacher");
        assertThat(_get(Anchor.class, spec -> spec.withId("nav-home")).getText()).isEqualTo("Home");
    }
}
