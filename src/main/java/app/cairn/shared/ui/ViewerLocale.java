package app.cairn.shared.ui;

import java.util.Locale;

import org.springframework.stereotype.Component;

import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

import app.cairn.shared.CurrentViewer;

/**
 * Shows Cairn in the language the person chose in the {@link LanguageSwitch}, else the one the LMS
 * launched it in (the launch's {@code locale} claim) when Cairn has it; otherwise Vaadin's choice
 * from the browser stands.
 */
@Component
class ViewerLocale implements VaadinServiceInitListener {

    private final CurrentViewer currentViewer;

    ViewerLocale(CurrentViewer currentViewer) {
        this.currentViewer = currentViewer;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        I18NProvider i18n = event.getSource().getInstantiator().getI18NProvider();
        event.getSource().addUIInitListener(uiEvent -> LanguageSwitch.chosen(uiEvent.getUI().getSession())
                .or(() -> currentViewer.find().map(viewer -> supported(i18n, viewer.locale())))
                .ifPresent(locale -> uiEvent.getUI().setLocale(locale)));
    }

    private static Locale supported(I18NProvider i18n, Locale wanted) {
        if (i18n == null) {
            return Locale.ENGLISH;
        }
        return i18n.getProvidedLocales().stream()
                .filter(provided -> provided.getLanguage().equals(wanted.getLanguage()))
                .findFirst().orElse(Locale.ENGLISH);
    }
}
