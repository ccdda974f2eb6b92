package app.cairn.operations.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

import app.cairn.shared.DatabaseUnavailable;

/**
 * Every Vaadin session's error handler: when a click or another event fails because the database
 * is away for a moment, the person gets a notification saying so and to try again, and the view
 * stays as it was. Other failures go to Vaadin's default handler, as before.
 */
@Component
class TryAgainErrorHandler implements VaadinServiceInitListener, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(TryAgainErrorHandler.class);
    private static final int NOTIFICATION_MILLIS = 8000;

    private final ErrorHandler fallback = new DefaultErrorHandler();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(session -> session.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        if (!DatabaseUnavailable.causedBy(event.getThrowable())) {
            fallback.error(event);
            return;
        }
        log.warn("Database unavailable during a UI event: {}", event.getThrowable().toString());
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        Notification notification = new Notification(ui.getTranslation("operations.database-unavailable.notification"),
                NOTIFICATION_MILLIS, Notification.Position.MIDDLE);
        notification.setId("database-unavailable-notification");
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.open();
    }
}
