package app.cairn.lti;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import app.cairn.shared.CurrentViewer;
import app.cairn.shared.PlainPage;
import app.cairn.shared.Viewer;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The page that takes a teacher's deep linking choice back to the LMS: a form posting the signed
 * answer as {@code JWT} to the LMS's return URL, sent at once by a tiny script, with a visible
 * Continue button where scripts do not run. Views never see the token; they only send the browser here.
 */
@RestController
class DeepLinkingController {

    private static final Logger securityLog = LoggerFactory.getLogger("app.cairn.security.lti");

    private final DeepLinking deepLinking;
    private final MessageSource messages;
    private final CurrentViewer currentViewer;

    DeepLinkingController(DeepLinking deepLinking, MessageSource messages, CurrentViewer currentViewer) {
        this.deepLinking = deepLinking;
        this.messages = messages;
        this.currentViewer = currentViewer;
    }

    @GetMapping("/lti/deep-linking/{requestId}/return")
    ResponseEntity<String> answer(@PathVariable String requestId, HttpServletRequest request) {
        Locale locale = currentViewer.find().map(Viewer::locale).orElse(request.getLocale());
        Optional<DeepLinking.Answer> answer = deepLinking.answer(requestId, locale);
        if (answer.isEmpty()) {
            securityLog.warn("Deep linking answer refused: request={} viewer={} remote={}", requestId,
                    currentViewer.find().map(v -> v.personId() + "@" + v.courseId()).orElse("none"),
                    request.getRemoteAddr());
            String title = text("deeplinking.return.gone.title", locale);
            return html(404, PlainPage.page(title, locale, "<h1>" + PlainPage.escape(title) + "</h1><p id=\"problem\">"
                    + PlainPage.escape(text("deeplinking.return.gone", locale)) + "</p>", ""));
        }
        String title = text("deeplinking.return.title", locale);
        String body = "<h1>" + PlainPage.escape(title) + "</h1>"
                + "<p>" + PlainPage.escape(text("deeplinking.return.body", locale)) + "</p>"
                + "<form id=\"post\" method=\"post\" action=\"" + PlainPage.escape(answer.get().returnUrl()) + "\">"
                + "<input type=\"hidden\" name=\"JWT\" value=\"" + PlainPage.escape(answer.get().jwt()) + "\">"
                + "<button type=\"submit\" id=\"continue\">" + PlainPage.escape(text("lti.continue", locale))
                + "</button></form>";
        return html(200, PlainPage.page(title, locale, body, PlainPage.SUBMIT_FORM_SCRIPT));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static ResponseEntity<String> html(int status, String body) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }
}
