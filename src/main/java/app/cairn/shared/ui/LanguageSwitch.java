package app.cairn.shared.ui;

import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinSession;

import app.cairn.shared.i18n.Messages;

/**
 * Lets a person read Cairn in another language than the one their LMS launched it in (families
 * and students often use a language other than the school's). The choice lasts for the session.
 * Each language is named in itself ("Español"), marked with its {@code lang} for screen readers.
 */
class LanguageSwitch extends Div {

    private static final String CHOSEN = LanguageSwitch.class.getName() + ".chosen";

    LanguageSwitch(Locale current) {
        addClassName("cairn-language");
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-label", getTranslation("nav.language"));
        for (Locale locale : Messages.LOCALES) {
            if (locale.getLanguage().equals(current.getLanguage())) {
                continue;
            }
            Button choose = new Button(nameOf(locale), click -> choose(locale));
            choose.setId("language-" + locale.getLanguage());
            choose.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            choose.getElement().setAttribute("lang", locale.toLanguageTag());
            add(choose);
        }
    }

    /** The language this session chose over the launch's, if any. */
    static Optional<Locale> chosen(VaadinSession session) {
        return Optional.ofNullable((Locale) session.getAttribute(CHOSEN));
    }

    private static void choose(Locale locale) {
        UI ui = UI.getCurrent();
        ui.getSession().setAttribute(CHOSEN, locale);
        ui.setLocale(locale);
        // Every label was built in the old language; a fresh page builds them again in the new one.
        ui.getPage().reload();
    }

    private static String nameOf(Locale locale) {
        String name = locale.getDisplayLanguage(locale);
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
