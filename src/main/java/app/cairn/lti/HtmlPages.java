package app.cairn.lti;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import app.cairn.shared.PlainPage;

/**
 * The few plain pages the LTI endpoints answer with before any Vaadin session exists: refusals and
 * the small auto-submitting pages of the login flow. Every string comes from the i18n bundle.
 */
@Component
class HtmlPages {

    private final MessageSource messages;

    HtmlPages(MessageSource messages) {
        this.messages = messages;
    }

    String refusal(Refusal refusal, Locale locale, String reference, String reopenUrl) {
        String title = message("lti.refusal.title", locale);
        StringBuilder body = new StringBuilder()
                .append("<h1>").append(escape(title)).append("</h1>")
                .append("<p id=\"problem\">").append(escape(message(refusal.messageKey(), locale))).append("</p>")
                .append("<h2>").append(escape(message("lti.refusal.what-to-do", locale))).append("</h2>")
                .append("<p id=\"todo\">").append(escape(message(refusal.messageKey() + ".todo", locale))).append("</p>");
        if (reopenUrl != null && !reopenUrl.isEmpty()) {
            body.append("<p><a id=\"reopen\" href=\"").append(escape(reopenUrl))
                    .append("\" target=\"_blank\" rel=\"opener\">")
                    .append(escape(message("lti.refusal.reopen", locale))).append("</a></p>");
        }
        body.append("<p class=\"reference\">")
                .append(escape(message("lti.refusal.reference", locale, refusal.name(), reference)))
                .append("</p>");
        return page(title, locale, body.toString(), "");
    }

    /** A page whose script does the work, with a message for the moment it takes. */
    String scripted(Locale locale, String script) {
        return page(message("lti.opening", locale), locale,
                "<p>" + escape(message("lti.opening", locale)) + "</p>", script);
    }

    String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String page(String title, Locale locale, String body, String script) {
        return PlainPage.page(title, locale, body, script);
    }

    private static String escape(String text) {
        return PlainPage.escape(text);
    }
}
