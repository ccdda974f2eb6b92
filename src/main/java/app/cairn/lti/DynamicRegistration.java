package app.cairn.lti;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * LTI Dynamic Registration 1.0: reads the platform's OpenID configuration, posts Cairn's tool
 * configuration to its registration endpoint, and stores the platform the answer describes.
 * Nothing is stored unless both steps succeed.
 */
@Component
class DynamicRegistration {

    private static final int MAX_RESPONSE_BYTES = 256 * 1024;
    static final String PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";
    static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";

    private final PlatformRegistry platforms;
    private final Duration timeout;
    private final HttpClient http;

    /** Registration failed; the message is for the LMS administrator. */
    static final class RegistrationException extends Exception {
        RegistrationException(String message) {
            super(message);
        }
    }

    /** What was registered, for the closing page. */
    record Registered(String issuer, String clientId, @Nullable String deploymentId, String productFamily) {
    }

    DynamicRegistration(PlatformRegistry platforms, @Value("${cairn.lti.http-timeout}") Duration timeout) {
        this.platforms = platforms;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    Registered register(String openidConfigurationUrl, @Nullable String registrationToken, String toolBaseUrl)
            throws RegistrationException {
        URI configurationUri = checkedUrl(openidConfigurationUrl, "openid_configuration");
        Map<String, Object> configuration = json(send(HttpRequest.newBuilder(configurationUri).GET()
                .header("Accept", "application/json")), "the platform's OpenID configuration");
        String issuer = required(configuration, "issuer");
        URI issuerUri = checkedUrl(issuer, "issuer");
        // The configuration must come from the issuer's own host, or anyone could speak for it.
        if (!issuerUri.getHost().equalsIgnoreCase(configurationUri.getHost())) {
            throw new RegistrationException("the issuer " + issuer + " is not on the host of the OpenID configuration "
                    + configurationUri.getHost());
        }
        String authorization = checkedUrl(required(configuration, "authorization_endpoint"), "authorization_endpoint").toString();
        String token = checkedUrl(required(configuration, "token_endpoint"), "token_endpoint").toString();
        String jwks = checkedUrl(required(configuration, "jwks_uri"), "jwks_uri").toString();
        URI registrationEndpoint = checkedUrl(required(configuration, "registration_endpoint"), "registration_endpoint");
        String productFamily = configuration.get(PLATFORM_CONFIGURATION) instanceof Map<?, ?> platform
                && platform.get("product_family_code") instanceof String code ? code : "unknown";

        HttpRequest.Builder post = HttpRequest.newBuilder(registrationEndpoint)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSONObjectUtils.toJSONString(toolConfiguration(toolBaseUrl))));
        if (registrationToken != null && !registrationToken.isBlank()) {
            post.header("Authorization", "Bearer " + registrationToken);
        }
        Map<String, Object> answer = json(send(post), "the platform's registration answer");
        String clientId = required(answer, "client_id");
        String deploymentId = answer.get(TOOL_CONFIGURATION) instanceof Map<?, ?> tool
                && tool.get("deployment_id") != null ? String.valueOf(tool.get("deployment_id")) : null;
        try {
            platforms.register(new PlatformRegistration(productFamily + " (" + issuerUri.getHost() + ")", issuer, clientId,
                    authorization, token, jwks, deploymentId == null ? List.of() : List.of(deploymentId)), true);
        } catch (IllegalArgumentException e) {
            throw new RegistrationException(e.getMessage());
        }
        return new Registered(issuer, clientId, deploymentId, productFamily);
    }

    /** What Cairn asks for: launches, deep linking, the roster service, its own keys by URL, private_key_jwt. */
    static Map<String, Object> toolConfiguration(String base) {
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("domain", URI.create(base).getRawAuthority());
        tool.put("description", "Proficiency-based learning: rubrics, menus of learning options and flexible-pace units.");
        tool.put("target_link_uri", base + "/lti/launch");
        tool.put("claims", List.of("iss", "sub", "name", "given_name", "family_name", "email", "locale"));
        // Deep linking: Moodle turns on "Supports Deep Linking" and takes the content selection URL
        // from this message; teachers then pick Cairn units as activities.
        Map<String, Object> deepLinking = new LinkedHashMap<>();
        deepLinking.put("type", LtiClaims.DEEP_LINKING_REQUEST);
        deepLinking.put("target_link_uri", base + "/lti/launch");
        deepLinking.put("label", "Cairn unit");
        // No "placements": their values are each platform's own, and a platform may refuse unknown ones.
        tool.put("messages", List.of(Map.of("type", LtiClaims.RESOURCE_LINK_REQUEST, "target_link_uri", base + "/lti/launch"),
                deepLinking));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("application_type", "web");
        body.put("response_types", List.of("id_token"));
        body.put("grant_types", List.of("implicit", "client_credentials"));
        body.put("initiate_login_uri", base + "/lti/login");
        body.put("redirect_uris", List.of(base + "/lti/launch"));
        body.put("client_name", "Cairn");
        body.put("jwks_uri", base + "/lti/jwks");
        body.put("logo_uri", base + "/styles/cairn-logo.svg");
        body.put("token_endpoint_auth_method", "private_key_jwt");
        body.put("scope", String.join(" ", LtiClaims.NRPS_SCOPE, LtiClaims.AGS_LINEITEM_SCOPE,
                LtiClaims.AGS_LINEITEM_READONLY_SCOPE, LtiClaims.AGS_SCORE_SCOPE));
        body.put(TOOL_CONFIGURATION, tool);
        return body;
    }

    private String send(HttpRequest.Builder request) throws RegistrationException {
        HttpRequest built = request.timeout(timeout).build();
        try {
            HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
            if (response.body().length > MAX_RESPONSE_BYTES) {
                throw new RegistrationException(built.uri() + " answered with more than " + MAX_RESPONSE_BYTES + " bytes");
            }
            String body = new String(response.body(), StandardCharsets.UTF_8);
            if (response.statusCode() / 100 != 2) {
                throw new RegistrationException(built.uri() + " answered HTTP " + response.statusCode() + ": "
                        + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.contains("json")) {
                throw new RegistrationException(built.uri() + " answered with " + (type.isEmpty() ? "no media type" : type)
                        + " instead of JSON");
            }
            return body;
        } catch (IOException e) {
            throw new RegistrationException(built.uri() + " could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistrationException("interrupted");
        }
    }

    private static Map<String, Object> json(String body, String what) throws RegistrationException {
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw new RegistrationException(what + " is not valid JSON: " + e.getMessage());
        }
    }

    private static String required(Map<String, Object> json, String field) throws RegistrationException {
        if (json.get(field) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw new RegistrationException("the field " + field + " is missing");
    }

    /**
     * Only https, except on the loopback interface (development and tests): Cairn fetches these
     * URLs from its own network, so they must not point it at internal services over plain http.
     */
    private static URI checkedUrl(String value, String field) throws RegistrationException {
        try {
            URI uri = URI.create(value);
            boolean loopback = "localhost".equalsIgnoreCase(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || loopback && "http".equals(uri.getScheme()))) {
                throw new RegistrationException("the field " + field + " is not an https URL: " + value);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new RegistrationException("the field " + field + " is not a URL: " + value);
        }
    }
}
