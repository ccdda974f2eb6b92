package app.cairn.operations.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.InternalServerError;

import app.cairn.shared.DatabaseUnavailable;

/**
 * What a view that could not be opened shows. When the database is away for a moment: a plain
 * "try again in a moment" page with a link that opens the same view again (503), never an error
 * or a stack trace. Any other failure is Vaadin's usual error view, unchanged.
 *
 * <p>Extends {@link InternalServerError} because Vaadin routes every exception of a view here,
 * whatever wraps it (a view's constructor fails inside Spring's bean creation), and only the
 * cause chain tells a database outage apart.
 */
public class TryAgainErrorView extends InternalServerError {

    private static final Logger log = LoggerFactory.getLogger(TryAgainErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        if (!DatabaseUnavailable.causedBy(parameter.getCaughtException())) {
            return super.setErrorParameter(event, parameter);
        }
        log.warn("Database unavailable while opening {}: {}", event.getLocation().getPath(),
                parameter.getCaughtException().toString());
        getElement().removeAllChildren();
        getElement().setAttribute("id", "database-unavailable");
        H1 title = new H1(getTranslation("operations.database-unavailable.title"));
        Paragraph message = new Paragraph(getTranslation("operations.database-unavailable.message"));
        message.setId("database-unavailable-message");
        message.getElement().setAttribute("role", "status");
        String again = event.getLocation().getPathWithQueryParameters();
        Anchor retry = new Anchor(again.isEmpty() ? "." : again, getTranslation("operations.database-unavailable.retry"));
        retry.setId("database-unavailable-retry");
        // A full page load, so the view is built anew once the database is back.
        retry.setRouterIgnore(true);
        getElement().appendChild(title.getElement(), message.getElement(), retry.getElement());
        return 503;
    }
}
