package app.cairn.deeplinking.ui;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;

/**
 * What the deep-linking pages share: a plain narrow page, and one answer when the link or request
 * it is about has gone meanwhile (answered, cancelled, tied in another tab, or never this viewer's).
 */
abstract class PlacementPage extends Main {

    private final String titleKey;
    private final String goneKey;
    private final String goneId;

    PlacementPage(String titleKey, String goneKey, String goneId) {
        this.titleKey = titleKey;
        this.goneKey = goneKey;
        this.goneId = goneId;
        addClassName("cairn-plain");
        setMaxWidth("800px");
    }

    /** The notice that the link or request is gone, announced to screen readers. */
    protected final Paragraph gone() {
        Paragraph gone = new Paragraph(getTranslation(goneKey));
        gone.setId(goneId);
        gone.getElement().setAttribute("role", "alert");
        return gone;
    }

    /** Takes the step that leaves the page; when the service refuses it, the page says it is gone instead. */
    protected final void leave(Runnable step) {
        try {
            step.run();
        } catch (AccessDeniedException e) {
            removeAll();
            add(new H1(getTranslation(titleKey)), gone());
        }
    }
}
