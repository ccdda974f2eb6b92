package app.cairn.lti;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The Canvas developer-key JSON for this Cairn, with its own URLs filled in, so a Canvas admin
 * can choose "Enter URL" and paste {@code https://CAIRN_HOST/lti/canvas.json}.
 */
@RestController
class CanvasConfiguration {

    static final List<String> SCOPES = List.of(
            LtiClaims.NRPS_SCOPE,
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/score");

    @GetMapping(value = "/lti/canvas.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> canvasDeveloperKey(HttpServletRequest request) {
        String base = LtiController.baseUrl(request);
        String launch = base + "/lti/launch";
        Map<String, Object> placement = new LinkedHashMap<>();
        placement.put("placement", "course_navigation");
        placement.put("message_type", LtiClaims.RESOURCE_LINK_REQUEST);
        placement.put("text", "Cairn");
        placement.put("target_link_uri", launch);
        placement.put("default", "enabled");
        // The course menu entry opens the course home, not a unit.
        placement.put("custom_fields", Map.of(ResourceLinkLaunch.LINK_PARAMETER,
                ResourceLinkLaunch.LINK_COURSE_HOME));

        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("text", "Cairn");
        settings.put("icon_url", base + "/styles/cairn-logo.svg");
        // Modules ("link_selection") and assignments ("assignment_selection") place units by deep linking.
        settings.put("placements", List.of(placement, deepLinking("link_selection", launch),
                deepLinking("assignment_selection", launch)));

        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put("domain", java.net.URI.create(base).getHost());
        extension.put("platform", "canvas.instructure.com");
        extension.put("privacy_level", "public");
        extension.put("settings", settings);

        Map<String, Object> key = new LinkedHashMap<>();
        key.put("title", "Cairn");
        key.put("description", "Proficiency-based learning: rubrics, menus of learning options and flexible-pace units.");
        key.put("oidc_initiation_url", base + "/lti/login");
        key.put("target_link_uri", launch);
        key.put("public_jwk_url", base + "/lti/jwks");
        key.put("scopes", SCOPES);
        key.put("extensions", List.of(extension));
        key.put("custom_fields", Map.of());
        return key;
    }

    /** A placement where Canvas sends an LtiDeepLinkingRequest, so the teacher picks a unit. */
    private static Map<String, Object> deepLinking(String name, String launch) {
        Map<String, Object> placement = new LinkedHashMap<>();
        placement.put("placement", name);
        placement.put("message_type", LtiClaims.DEEP_LINKING_REQUEST);
        placement.put("text", "Cairn unit");
        placement.put("target_link_uri", launch);
        return placement;
    }
}
