package app.cairn.operations;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import app.cairn.shared.DatabaseUnavailable;
import app.cairn.shared.PlainPage;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Any plain HTTP endpoint (registration, JWKS, the demo LMS) that fails because the database cannot
 * be reached answers 503 with Retry-After and a short page in the person's language, not an error
 * page. The launch endpoints answer their own refusal page for the same case. Other failures are
 * left to Spring's usual handling.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableAdvice {

    /** Seconds a client is asked to wait: about what the connection pool waits, and some. */
    static final int RETRY_AFTER_SECONDS = 10;
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableAdvice.class);

    private final MessageSource messages;

    DatabaseUnavailableAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler({org.springframework.dao.DataAccessException.class, TransactionException.class,
            org.jooq.exception.DataAccessException.class})
    ResponseEntity<String> databaseFailure(RuntimeException e, HttpServletRequest request) {
        if (!DatabaseUnavailable.causedBy(e)) {
            throw e;
        }
        log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        Locale locale = request.getLocale();
        String title = messages.getMessage("operations.database-unavailable.title", null, locale);
        String body = "<h1>" + PlainPage.escape(title) + "</h1><p id=\"problem\">"
                + PlainPage.escape(messages.getMessage("operations.database-unavailable.message", null, locale)) + "</p>";
        return ResponseEntity.status(503)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .body(PlainPage.page(title, locale, body, ""));
    }
}
