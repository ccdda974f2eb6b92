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

/** The demo LMS: a launch page, an OIDC authorization endpoint and a JWKS, all under /demo. */
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
                + button("demo-teacher", text("demo.launch-teacher", locale))
                + button("demo-student", text("demo.launch-student", locale));
        return PlainPage.page(messages.getMessage("demo.title", null, locale), locale, body, "");
    }

    private static String button(String user, String label) {
        return "<form method=\"get\" action=\"/demo/start\"><input type=\"hidden\" name=\"user\" value=\"" + user
                + "\"><p><button type=\"submit\" id=\"launch-" + user + "\">" + label + "</button></p></form>";
    }

    /** Like an LMS course link: starts Cairn's third-party-initiated login. */
    @GetMapping("/start")
    ResponseEntity<Void> start(@RequestParam String user) {
        String login = UriComponentsBuilder.fromUriString(baseUrl + "/lti/login")
                .queryParam("iss", issuer())
                .queryParam("client_id", CLIENT_ID)
                .queryParam("lti_deployment_id", DEPLOYMENT_ID)
                .queryParam("login_hint", USERS.containsKey(user) ? user : "demo-student")
                .queryParam("target_link_uri", baseUrl + "/lti/launch")
                .queryParam("lti_message_hint", "demo-course-link")
                .encode().build().toUriString();
        return ResponseEntity.status(302).header(HttpHeaders.LOCATION, login).build();
    }

    /** The platform's OIDC authorization endpoint: answers Cairn's login with a signed id_token. */
    @GetMapping("/auth")
    ResponseEntity<String> authorize(@RequestParam("login_hint") String loginHint,
                                     @RequestParam("redirect_uri") String redirectUri,
                                     @RequestParam("client_id") String clientId,
                                     @RequestParam("state") String state,
                                     @RequestParam("nonce") String nonce,
                                     HttpServletRequest request) throws JOSEException {
        Locale locale = request.getLocale();
        DemoUser user = USERS.get(loginHint);
        if (user == null || !CLIENT_ID.equals(clientId) || !(baseUrl + "/lti/launch").equals(redirectUri)) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_HTML)
                    .body(PlainPage.page(text("demo.title", locale), locale,
                            "<p>" + text("demo.unknown-user", locale) + "</p>", ""));
        }
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
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
                .build();
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
