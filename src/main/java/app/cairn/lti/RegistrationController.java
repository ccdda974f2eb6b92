package app.cairn.lti;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.cairn.shared.PlainPage;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /lti/register}: an LMS administrator pastes this one URL into the LMS, the LMS opens it
 * with its OpenID configuration, and Cairn registers itself. The page closes the LMS dialog with
 * the {@code org.imsglobal.lti.close} message and says what is left to do.
 */
@RestController
class RegistrationController {

    private static final Logger log = LoggerFactory.getLogger("app.cairn.security.lti");

    private final DynamicRegistration registration;
    private final HtmlPages pages;
    private final boolean enabled;

    RegistrationController(DynamicRegistration registration, HtmlPages pages,
                           @Value("${cairn.lti.dynamic-registration:true}") boolean enabled) {
        this.registration = registration;
        this.pages = pages;
        this.enabled = enabled;
    }

    @GetMapping("/lti/register")
    ResponseEntity<String> register(@RequestParam(name = "openid_configuration", required = false) @Nullable String configuration,
                                    @RequestParam(name = "registration_token", required = false) @Nullable String token,
                                    HttpServletRequest request) {
        Locale locale = request.getLocale();
        if (!enabled) {
            return page(403, locale, "lti.register.failed", pages.message("lti.register.disabled", locale), "");
        }
        if (configuration == null || configuration.isBlank()) {
            return page(400, locale, "lti.register.failed", pages.message("lti.register.missing", locale), "");
        }
        try {
            DynamicRegistration.Registered done = registration.register(configuration, token,
                    LtiController.baseUrl(request));
            log.info("Dynamic registration: issuer={} client_id={} deployment={} product={}", done.issuer(),
                    done.clientId(), done.deploymentId(), done.productFamily());
            String next = pages.message("moodle".equalsIgnoreCase(done.productFamily())
                    ? "lti.register.next.moodle" : "lti.register.next.other", locale);
            if (done.deploymentId() == null) {
                next += " " + pages.message("lti.register.next.deployment", locale);
            }
            return page(200, locale, "lti.register.done", next,
                    "(window.opener||window.parent).postMessage({subject:'org.imsglobal.lti.close'},'*');");
        } catch (DynamicRegistration.RegistrationException e) {
            log.warn("Dynamic registration refused: remote={} openid_configuration={} reason={}",
                    request.getRemoteAddr(), configuration, e.getMessage());
            return page(e.getMessage().contains("answered HTTP") || e.getMessage().contains("could not be reached")
                    ? 502 : 400, locale, "lti.register.failed", pages.message("lti.register.reason", locale, e.getMessage()), "");
        }
    }

    private ResponseEntity<String> page(int status, Locale locale, String titleKey, String text, String script) {
        String title = pages.message(titleKey, locale);
        String body = "<h1>" + PlainPage.escape(title) + "</h1><p id=\"registration-result\">" + PlainPage.escape(text) + "</p>";
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(PlainPage.page(title, locale, body, script));
    }
}
