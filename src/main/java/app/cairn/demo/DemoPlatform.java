package app.cairn.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import app.cairn.lti.PlatformRegistration;
import app.cairn.lti.PlatformRegistry;
import app.cairn.lti.ToolKeys;
import app.cairn.shared.PlainPage;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The demo LMS: a launch page, an OIDC authorization endpoint and a JWKS, all under /demo. "Add
 * Cairn activity" sends a deep linking request, so the unit picker can be tried without an LMS; the
 * activities Cairn sends back are listed with launches of their own.
 */
@RestController
@RequestMapping("/demo")
@ConditionalOnBooleanProperty("cairn.demo.enabled")
class DemoPlatform {

    private static final Logger log = LoggerFactory.getLogger(DemoPlatform.class);
    static final String CLIENT_ID = "cairn-demo";
    static final String DEPLOYMENT_ID = "demo-deployment";
    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    private static final Map<String, DemoUser> USERS = Map.of(
            "demo-teacher", new DemoUser("demo-teacher", "Dana Demo", "Instructor"),
            "demo-student", new DemoUser("demo-student", "Sam Student", "Learner"));
    /** The demo class as the demo LMS's roster lists it: most of them never open Cairn. */
    private static final List<DemoUser> CLASS = List.of(USERS.get("demo-teacher"), USERS.get("demo-student"),
            new DemoUser("demo-s2", "Ana Alvarez", "Learner"), new DemoUser("demo-s3", "Ben Okafor", "Learner"),
            new DemoUser("demo-s4", "Chloé Martin", "Learner"), new DemoUser("demo-s5", "Dev Patel", "Learner"),
            new DemoUser("demo-s6", "Emma Nguyen", "Learner"));
    private final java.util.Set<String> issuedTokens = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private record DemoUser(String subject, String name, String role) {
    }

    /** An activity Cairn placed in the demo course by deep linking: its title and custom parameters. */
    private record DemoActivity(String linkId, String title, Map<String, String> custom) {
    }

    private static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
    private static final String COURSE_LINK_HINT = "demo-course-link";
    private static final String DEEP_LINKING_HINT = "demo-deep-linking";
    private static final String ACTIVITY_HINT = "demo-activity-";
    /** In memory: the demo forgets its activities at restart (Cairn keeps the units). */
    private final List<DemoActivity> activities = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.Set<String> issuedData = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final PlatformRegistry registry;
    private final ToolKeys toolKeys;
    private final MessageSource messages;
    private final Environment environment;
    private final Clock clock;
    private final RSAKey key;
    private @Nullable String baseUrl;

    DemoPlatform(PlatformRegistry registry, ToolKeys toolKeys, MessageSource messages, Environment environment,
                 Clock clock) throws JOSEException {
        this.registry = registry;
        this.toolKeys = toolKeys;
        this.messages = messages;
        this.environment = environment;
        this.clock = clock;
        this.key = new RSAKeyGenerator(2048).keyID("demo-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).generate();
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        baseUrl = environment.getProperty("cairn.demo.base-url",
                "http://localhost:" + environment.getProperty("local.server.port", "8080"));
        registry.register(new PlatformRegistration("Cairn demo LMS", issuer(), CLIENT_ID, baseUrl + "/demo/auth",
                baseUrl + "/demo/token", baseUrl + "/demo/jwks", List.of(DEPLOYMENT_ID)));
        log.warn("Demo mode is ON: anyone can launch the demo course at {}/demo. Never use it in production.", baseUrl);
    }

    private String issuer() {
        return baseUrl + "/demo";
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    String home(HttpServletRequest request) {
        Locale locale = request.getLocale();
        String body = "<h1>" + text("demo.title", locale) + "</h1><p>" + text("demo.body", locale) + "</p>"
                + button("launch-demo-teacher", "demo-teacher", null, text("demo.launch-teacher", locale))
                + button("launch-demo-student", "demo-student", null, text("demo.launch-student", locale))
                + button("add-activity", "demo-teacher", DEEP_LINKING_HINT, text("demo.add-activity", locale))
                + received(locale);
        return PlainPage.page(messages.getMessage("demo.title", null, locale), locale, body, "");
    }

    private static String button(String id, String user, @Nullable String link, String label) {
        return "<form method=\"get\" action=\"/demo/start\"><input type=\"hidden\" name=\"user\" value=\"" + user + "\">"
                + (link == null ? "" : "<input type=\"hidden\" name=\"link\" value=\"" + PlainPage.escape(link) + "\">")
                + "<p><button type=\"submit\" id=\"" + id + "\">" + label + "</button></p></form>";
    }

    /** The activities Cairn sent back by deep linking, each with launches for the demo teacher and student. */
    private String received(Locale locale) {
        if (activities.isEmpty()) {
            return "";
        }
        StringBuilder list = new StringBuilder("<h2>").append(text("demo.received.title", locale)).append("</h2><p>")
                .append(text("demo.received.body", locale)).append("</p><ul id=\"activities\">");
        for (int i = 0; i < activities.size(); i++) {
            DemoActivity activity = activities.get(i);
            list.append("<li><strong>").append(PlainPage.escape(activity.title())).append("</strong>")
                    .append(button("open-teacher-" + i, "demo-teacher", activity.linkId(),
                            text("demo.open-teacher", locale) + ": " + PlainPage.escape(activity.title())))
                    .append(button("open-student-" + i, "demo-student", activity.linkId(),
                            text("demo.open-student", locale) + ": " + PlainPage.escape(activity.title())))
                    .append("</li>");
        }
        return list.append("</ul>").toString();
    }

    /**
     * Like an LMS link: starts Cairn's third-party-initiated login. {@code link} says which: none for
     * the course link, the deep linking hint for "Add Cairn activity", or an activity received earlier.
     */
    @GetMapping("/start")
    ResponseEntity<Void> start(@RequestParam String user, @RequestParam(required = false) @Nullable String link) {
        String hint = link != null && (link.equals(DEEP_LINKING_HINT) || activity(link) != null) ? link : COURSE_LINK_HINT;
        String login = UriComponentsBuilder.fromUriString(baseUrl + "/lti/login")
                .queryParam("iss", issuer())
                .queryParam("client_id", CLIENT_ID)
                .queryParam("lti_deployment_id", DEPLOYMENT_ID)
                .queryParam("login_hint", USERS.containsKey(user) ? user : "demo-student")
                .queryParam("target_link_uri", baseUrl + "/lti/launch")
                .queryParam("lti_message_hint", hint)
                .encode().build().toUriString();
        return ResponseEntity.status(302).header(HttpHeaders.LOCATION, login).build();
    }

    /**
     * The demo's deep linking return URL: checks Cairn's answer as an LMS does (signature by a key in
     * Cairn's JWKS, iss, aud, message type, deployment, the data it sent), keeps the activities, and
     * lists them with launches.
     */
    @org.springframework.web.bind.annotation.PostMapping(value = "/deep-link-return", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> deepLinkReturn(@RequestParam(name = "JWT", required = false) @Nullable String answer,
                                          HttpServletRequest request) {
        Locale locale = request.getLocale();
        String problem = null;
        int added = 0;
        try {
            SignedJWT jwt = SignedJWT.parse(java.util.Objects.requireNonNull(answer, "no JWT"));
            var cairnKey = toolKeys.publicKeys().getKeyByKeyId(jwt.getHeader().getKeyID());
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!(cairnKey instanceof RSAKey rsa) || !jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(rsa))) {
                problem = "signature";
            } else if (!CLIENT_ID.equals(claims.getIssuer()) || !claims.getAudience().contains(issuer())
                    || !"LtiDeepLinkingResponse".equals(claims.getClaim(LTI + "message_type"))
                    || !DEPLOYMENT_ID.equals(claims.getClaim(LTI + "deployment_id"))
                    || !(claims.getClaim(DL + "data") instanceof String data) || !issuedData.remove(data)
                    || claims.getExpirationTime() == null || claims.getExpirationTime().toInstant().isBefore(clock.instant())) {
                problem = "claims";
            } else if (claims.getClaim(DL + "content_items") instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map<?, ?> map && map.get("title") instanceof String title
                            && map.get("custom") instanceof Map<?, ?> custom) {
                        Map<String, String> params = new LinkedHashMap<>();
                        custom.forEach((k, v) -> params.put(String.valueOf(k), String.valueOf(v)));
                        // A fresh link id each, as an LMS makes: ids are never reused for another activity.
                        activities.add(new DemoActivity(ACTIVITY_HINT + UUID.randomUUID(), title, Map.copyOf(params)));
                        added++;
                    }
                }
            }
        } catch (java.text.ParseException | JOSEException | NullPointerException e) {
            problem = e.getClass().getSimpleName();
        }
        String body = "<h1>" + text("demo.title", locale) + "</h1>"
                + (problem != null ? "<p id=\"problem\">" + PlainPage.escape(messages.getMessage("demo.received.invalid",
                        new Object[] {problem}, locale)) + "</p>"
                : added == 0 ? "<p id=\"none\">" + text("demo.received.none", locale) + "</p>" : received(locale))
                + "<p><a id=\"back\" href=\"/demo\">" + text("demo.back", locale) + "</a></p>";
        return ResponseEntity.status(problem == null ? 200 : 400).contentType(MediaType.TEXT_HTML)
                .body(PlainPage.page(messages.getMessage("demo.title", null, locale), locale, body, ""));
    }

    private @Nullable DemoActivity activity(String hint) {
        return activities.stream().filter(a -> a.linkId().equals(hint)).findFirst().orElse(null);
    }

    /** The platform's OIDC authorization endpoint: answers Cairn's login with a signed id_token. */
    @GetMapping("/auth")
    ResponseEntity<String> authorize(@RequestParam("login_hint") String loginHint,
                                     @RequestParam("redirect_uri") String redirectUri,
                                     @RequestParam("client_id") String clientId,
                                     @RequestParam("state") String state,
                                     @RequestParam("nonce") String nonce,
                                     @RequestParam(name = "lti_message_hint", required = false) @Nullable String messageHint,
                                     HttpServletRequest request) throws JOSEException {
        Locale locale = request.getLocale();
        DemoUser user = USERS.get(loginHint);
        if (user == null || !CLIENT_ID.equals(clientId) || !(baseUrl + "/lti/launch").equals(redirectUri)) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_HTML)
                    .body(PlainPage.page(text("demo.title", locale), locale,
                            "<p>" + text("demo.unknown-user", locale) + "</p>", ""));
        }
        Instant now = clock.instant();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer()).subject(user.subject()).audience(CLIENT_ID)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("nonce", nonce).claim("name", user.name()).claim("locale", locale.toLanguageTag())
                .claim(LTI + "message_type", "LtiResourceLinkRequest")
                .claim(LTI + "version", "1.3.0")
                .claim(LTI + "deployment_id", DEPLOYMENT_ID)
                .claim(LTI + "target_link_uri", baseUrl + "/lti/launch")
                .claim(LTI + "resource_link", Map.of("id", "demo-course-link", "title", "Cairn"))
                .claim(LTI + "roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#" + user.role()))
                .claim(LTI + "context", Map.of("id", "demo-course", "label", "DEMO-101",
                        "title", "Demo course: Ecosystems"))
                .claim("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice", Map.of(
                        "context_memberships_url", baseUrl + "/demo/roster", "service_versions", List.of("2.0")))
                // The course link opens the course home; activities carry what Cairn placed them with.
                .claim(LTI + "custom", Map.of("cairn_link", "home"));
        DemoActivity activity = messageHint == null ? null : activity(messageHint);
        if (DEEP_LINKING_HINT.equals(messageHint)) {
            String data = "demo-" + UUID.randomUUID();
            issuedData.add(data);
            builder.claim(LTI + "message_type", "LtiDeepLinkingRequest").claim(LTI + "resource_link", null)
                    .claim(LTI + "custom", null)
                    .claim(DL + "deep_linking_settings", Map.of("deep_link_return_url", baseUrl + "/demo/deep-link-return",
                            "accept_types", List.of("ltiResourceLink"), "accept_presentation_document_targets",
                            List.of("iframe", "window"), "accept_multiple", true, "accept_lineitem", true, "data", data));
        } else if (activity != null) {
            builder.claim(LTI + "resource_link", Map.of("id", messageHint, "title", activity.title()))
                    .claim(LTI + "custom", activity.custom());
        }
        JWTClaimsSet claims = builder.build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id_token", jwt.serialize());
        fields.put("state", state);
        String form = PlainPage.autoPostForm(redirectUri, fields, text("lti.continue", locale));
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(PlainPage.page(messages.getMessage("lti.continue", null, locale), locale, form,
                        PlainPage.SUBMIT_FORM_SCRIPT));
    }

    /**
     * The demo's OAuth 2 token endpoint: a token for whoever presents a client assertion signed by
     * Cairn's own key for the demo client, as a real LMS checks it.
     */
    @org.springframework.web.bind.annotation.PostMapping(value = "/token", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> token(@RequestParam("client_assertion") String assertion) {
        try {
            SignedJWT jwt = SignedJWT.parse(assertion);
            var key = toolKeys.publicKeys().getKeyByKeyId(jwt.getHeader().getKeyID());
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (key instanceof RSAKey rsa && jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(rsa))
                    && CLIENT_ID.equals(claims.getIssuer()) && claims.getAudience().contains(baseUrl + "/demo/token")
                    && claims.getExpirationTime() != null && claims.getExpirationTime().toInstant().isAfter(clock.instant())) {
                String token = UUID.randomUUID().toString();
                issuedTokens.add(token);
                return ResponseEntity.ok(Map.of("access_token", token, "token_type", "Bearer", "expires_in", 3600));
            }
        } catch (java.text.ParseException | JOSEException e) {
            log.debug("Demo token request refused: {}", e.getMessage());
        }
        return ResponseEntity.status(401).body(Map.of("error", "invalid_client"));
    }

    /** The demo class roster (LTI Names and Role Provisioning), for the Roster tab. */
    @GetMapping(value = "/roster", produces = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json")
    ResponseEntity<Map<String, Object>> roster(@org.springframework.web.bind.annotation.RequestHeader(
            name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        if (authorization == null || !issuedTokens.contains(authorization.replaceFirst("^Bearer ", ""))) {
            return ResponseEntity.status(401).build();
        }
        List<Map<String, Object>> members = CLASS.stream().map(user -> Map.<String, Object>of("user_id", user.subject(),
                "name", user.name(), "status", "Active",
                "roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#" + user.role()))).toList();
        return ResponseEntity.ok(Map.of("id", baseUrl + "/demo/roster", "context", Map.of("id", "demo-course"),
                "members", members));
    }

    @GetMapping(value = "/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> jwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject(true);
    }

    private String text(String key, Locale locale) {
        return PlainPage.escape(messages.getMessage(key, null, key, locale));
    }
}
