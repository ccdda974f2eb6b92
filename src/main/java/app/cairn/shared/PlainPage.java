package app.cairn.shared;

import java.util.Locale;
import java.util.Map;

import org.springframework.web.util.HtmlUtils;

/**
 * Plain HTML for the few pages served before any Vaadin session exists (LTI hand-offs, launch
 * refusals, the demo LMS). Callers pass text already taken from the i18n bundle.
 */
public final class PlainPage {

    private PlainPage() {
    }

    public static String page(String title, Locale locale, String bodyHtml, String script) {
        return "<!DOCTYPE html><html lang=\"" + escape(locale.toLanguageTag()) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title><link rel=\"stylesheet\" href=\"/styles/plain-page.css\">"
                + "</head><body><main>" + bodyHtml + "</main>"
                + (script.isEmpty() ? "" : "<script>" + script + "</script>") + "</body></html>";
    }

    /** A form that posts itself at once, with a visible button where scripts do not run. */
    public static String autoPostForm(String action, Map<String, String> fields, String buttonText) {
        StringBuilder form = new StringBuilder("<form id=\"post\" method=\"post\" action=\"")
                .append(escape(action)).append("\">");
        fields.forEach((name, value) -> form.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\">"));
        return form.append("<noscript><button type=\"submit\">").append(escape(buttonText))
                .append("</button></noscript></form>").toString();
    }

    public static final String SUBMIT_FORM_SCRIPT = "document.getElementById('post').submit();";

    public static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }

    /** A Java string as a JavaScript string literal, safe inside a script element. */
    public static String js(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c < 128 && (Character.isLetterOrDigit(c) || c == ' ' || c == '.' || c == '-' || c == '_' || c == ':' || c == '/')) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }
}
