package app.cairn.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

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
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import app.cairn.lti.PlatformRegistration;
import app.cairn.shared.PlainPage;

/**
 * A pretend LMS on a loopback port that speaks the real protocol: it publishes its JWKS over
 * HTTP, answers Cairn's OIDC login redirect with an RS256-signed id_token in an auto-posting
 * form, and can sign whatever claims a test needs to forge.
 */
public final class FakeLms implements AutoCloseable {

    public static final String CLIENT_ID = "fake-lms-client";
    public static final String DEPLOYMENT_ID = "fake-deployment-1";
    public static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    public static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    public static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

    /** Someone the fake LMS can launch; name and email null when the LMS withholds them. */
    public record Person(String subject, List<String> roles, String name, String email) {
    }

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey unpublishedKey;
    private final String launchUrl;
    private final Map<String, Person> people = new ConcurrentHashMap<>();
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private volatile String contextId = "course-" + UUID.randomUUID();
    private final Map<String, String> personCourses = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean jwksDown;
    private volatile Duration jwksDelay = Duration.ZERO;
    /** Released at close, so that JWKS answers held back by {@link #setJwksDelay} do not outlive the LMS. */
    private final java.util.concurrent.CountDownLatch closing = new java.util.concurrent.CountDownLatch(1);
    private final String cairnBaseUrl;
    private final Map<String, String> issuedTokens = new ConcurrentHashMap<>();
    private final Set<String> seenAssertionIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger rosterRequests = new AtomicInteger();
    private volatile List<Map<String, Object>> roster = List.of();
    private final Map<String, List<Map<String, Object>>> courseRosters = new ConcurrentHashMap<>();
    private volatile int rosterPageSize = 50;
    private volatile String rosterOverride;
    private volatile boolean rosterLoops;
    private volatile Map<String, Object> lastToolRegistration;
    private volatile String lastRegistrationToken;
    private volatile String registeredClientId = "dyn-" + UUID.randomUUID();

    private FakeLms(String cairnBaseUrl) throws IOException, JOSEException {
        this.cairnBaseUrl = cairnBaseUrl;
        this.launchUrl = cairnBaseUrl + "/lti/launch";
        this.key = rsaKey("lms-key-1");
        this.unpublishedKey = rsaKey("lms-key-1");
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/jwks", this::jwks);
        server.createContext("/auth", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/nrps/", this::roster);
        server.createContext("/ags/", this::ags);
        server.createContext("/.well-known/openid-configuration", this::openidConfiguration);
        server.createContext("/register", this::registerTool);
        server.createContext("/dl-return/", this::deepLinkingReturn);
        server.start();
        people.put("teacher-1", new Person("teacher-1", List.of(INSTRUCTOR), "Tess Teacher", "tess@school.example"));
        people.put("student-1", new Person("student-1", List.of(LEARNER), "Stu Dent", "stu@school.example"));
    }

    /** Starts a fake LMS that launches into the Cairn at {@code cairnBaseUrl}. */
    public static FakeLms start(String cairnBaseUrl) {
        try {
            return new FakeLms(cairnBaseUrl);
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey(String kid) throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String launchUrl() {
        return launchUrl;
    }

    public PlatformRegistration registration() {
        return new PlatformRegistration("Fake LMS", issuer(), CLIENT_ID, issuer() + "/auth", issuer() + "/token",
                issuer() + "/jwks", List.of(DEPLOYMENT_ID));
    }

    public void addPerson(Person person) {
        people.put(person.subject(), person);
    }

    /** This person's launches go into the given course, whatever {@link #useCourse} says (load benchmarks: many classes). */
    public void placeInCourse(String subject, String contextId) {
        personCourses.put(subject, contextId);
    }

    /** Launches that follow go into another course of this LMS. */
    public void useCourse(String contextId) {
        this.contextId = contextId;
    }

    public String courseContextId() {
        return contextId;
    }

    public int jwksRequests() {
        return jwksRequests.get();
    }

    public void setJwksDown(boolean down) {
        this.jwksDown = down;
    }

    /** The JWKS endpoint answers only after this long, as an overloaded LMS would. */
    public void setJwksDelay(Duration delay) {
        this.jwksDelay = delay;
    }

    /** The roster the NRPS endpoint serves: members as NRPS JSON objects, in pages of the given size. */
    public void setRoster(List<Map<String, Object>> members, int pageSize) {
        this.roster = List.copyOf(members);
        this.rosterPageSize = pageSize;
        this.rosterOverride = null;
        this.rosterLoops = false;
    }

    /** The roster of one course of this LMS (load benchmarks: many classes); other courses get {@link #setRoster}'s. */
    public void setCourseRoster(String courseContextId, List<Map<String, Object>> members) {
        courseRosters.put(courseContextId, List.copyOf(members));
    }

    /** Serves this body (e.g. broken JSON) instead of the roster. */
    public void setRosterBody(String body) {
        this.rosterOverride = body;
    }

    /** Every page links to itself as "next". */
    public void setRosterLoops(boolean loops) {
        this.rosterLoops = loops;
    }

    public static Map<String, Object> member(String userId, String name, String status, String... roles) {
        Map<String, Object> member = new java.util.LinkedHashMap<>();
        member.put("user_id", userId);
        if (name != null) {
            member.put("name", name);
        }
        member.put("status", status);
        member.put("roles", List.of(roles));
        return member;
    }

    public String rosterUrl() {
        return rosterUrl(contextId);
    }

    /** The roster endpoint of one course of this LMS. */
    public String rosterUrl(String courseContextId) {
        return issuer() + "/nrps/" + courseContextId + "/memberships";
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    public int rosterRequests() {
        return rosterRequests.get();
    }

    /** The claims a well-behaved LMS sends for this person, answering the given login. */
    public JWTClaimsSet.Builder claims(String subject, String nonce) {
        Person person = people.get(subject);
        if (person == null) {
            throw new IllegalArgumentException("The fake LMS has no person " + subject);
        }
        // The person's own course (load benchmarks: many classes), with its own roster and gradebook.
        String course = personCourses.getOrDefault(subject, contextId);
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer()).subject(person.subject()).audience(CLIENT_ID)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("nonce", nonce)
                .claim(LTI + "message_type", "LtiResourceLinkRequest")
                .claim(LTI + "version", "1.3.0")
                .claim(LTI + "deployment_id", DEPLOYMENT_ID)
                .claim(LTI + "target_link_uri", launchUrl)
                .claim(LTI + "resource_link", Map.of("id", "link-1", "title", "Cairn"))
                // The course's own entry to Cairn (like Canvas's course menu), not a unit activity.
                .claim(LTI + "custom", Map.of("cairn_link", "home"))
                .claim(LTI + "roles", person.roles())
                .claim(LTI + "context", Map.of("id", course, "label", "BIO-9", "title", "Biology 9"))
                .claim("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice", Map.of(
                        "context_memberships_url", rosterUrl(course), "service_versions", List.of("2.0")));
        if (!agsScopes.isEmpty()) {
            claims.claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", Map.of(
                    "scope", agsScopes, "lineitems", lineItemsUrl(course)));
        }
        if (person.name() != null) {
            claims.claim("name", person.name());
        }
        if (person.email() != null) {
            claims.claim("email", person.email());
        }
        return claims;
    }

    /** Signs with the published key, as the LMS does. */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, key, key.getKeyID());
    }

    /** Signs with a key the LMS does not publish, under the given kid (null for none). */
    public String signWithUnpublishedKey(JWTClaimsSet claims, String kid) {
        return sign(claims, unpublishedKey, kid);
    }

    private static String sign(JWTClaimsSet claims, RSAKey signingKey, String kid) {
        try {
            JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT);
            if (kid != null) {
                header.keyID(kid);
            }
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String kid() {
        return key.getKeyID();
    }

    private void jwks(HttpExchange exchange) throws IOException {
        jwksRequests.incrementAndGet();
        if (!jwksDelay.isZero()) {
            try {
                closing.await(jwksDelay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (jwksDown) {
            respond(exchange, 503, "text/plain", "down");
            return;
        }
        respond(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString(true));
    }

    /** The OIDC authorization endpoint: checks Cairn's request as an LMS would, then posts the launch. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        boolean valid = "openid".equals(query.get("scope")) && "id_token".equals(query.get("response_type"))
                && "form_post".equals(query.get("response_mode")) && CLIENT_ID.equals(query.get("client_id"))
                && launchUrl.equals(query.get("redirect_uri")) && "none".equals(query.get("prompt"))
                && query.get("state") != null && query.get("nonce") != null
                && people.containsKey(query.get("login_hint"));
        if (!valid) {
            respond(exchange, 400, "text/plain", "invalid authentication request: " + query);
            return;
        }
        JWTClaimsSet.Builder claims = claims(query.get("login_hint"), query.get("nonce"));
        String hint = query.get("lti_message_hint");
        if (hint != null && messageHints.containsKey(hint)) {
            messageHints.get(hint).accept(claims);
        }
        String token = sign(claims.build());
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("id_token", token);
        fields.put("state", query.get("state"));
        respond(exchange, 200, "text/html", PlainPage.page("LMS", java.util.Locale.ENGLISH,
                PlainPage.autoPostForm(launchUrl, fields, "Continue"), PlainPage.SUBMIT_FORM_SCRIPT));
    }

    /**
     * OAuth 2 client credentials with a JWT client assertion, checked as a platform checks it:
     * signature against Cairn's JWKS fetched over HTTP, iss = sub = client_id, aud = this URL,
     * not expired, jti never seen before.
     */
    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        try {
            if (!"client_credentials".equals(form.get("grant_type"))
                    || !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))) {
                throw new IllegalArgumentException("unsupported grant");
            }
            SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
            JWKSet cairnKeys = JWKSet.load(java.net.URI.create(cairnBaseUrl + "/lti/jwks").toURL());
            RSAKey key = (RSAKey) cairnKeys.getKeyByKeyId(assertion.getHeader().getKeyID());
            JWTClaimsSet claims = assertion.getJWTClaimsSet();
            boolean valid = key != null && assertion.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key))
                    && CLIENT_ID.equals(claims.getIssuer()) && CLIENT_ID.equals(claims.getSubject())
                    && claims.getAudience().equals(List.of(issuer() + "/token"))
                    && claims.getExpirationTime().after(new Date())
                    && claims.getJWTID() != null && seenAssertionIds.add(claims.getJWTID());
            if (!valid) {
                respond(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
                return;
            }
        } catch (Exception e) {
            respond(exchange, 400, "application/json", "{\"error\":\"invalid_request\"}");
            return;
        }
        String token = UUID.randomUUID().toString();
        issuedTokens.put(token, form.getOrDefault("scope", ""));
        respond(exchange, 200, "application/json", "{\"access_token\":\"" + token
                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"" + form.get("scope") + "\"}");
    }

    /** The platform's OpenID configuration, as Dynamic Registration reads it. */
    private void openidConfiguration(HttpExchange exchange) throws IOException {
        Map<String, Object> configuration = new java.util.LinkedHashMap<>();
        configuration.put("issuer", issuer());
        configuration.put("authorization_endpoint", issuer() + "/auth");
        configuration.put("token_endpoint", issuer() + "/token");
        configuration.put("jwks_uri", issuer() + "/jwks");
        configuration.put("registration_endpoint", issuer() + "/register");
        configuration.put("scopes_supported", List.of("openid", "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"));
        configuration.put("https://purl.imsglobal.org/spec/lti-platform-configuration",
                Map.of("product_family_code", "moodle", "version", "4.5"));
        respond(exchange, 200, "application/json", com.nimbusds.jose.util.JSONObjectUtils.toJSONString(configuration));
    }

    /** The registration endpoint: keeps what the tool sent and answers with a client id and deployment. */
    private void registerTool(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        lastRegistrationToken = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
        try {
            lastToolRegistration = com.nimbusds.jose.util.JSONObjectUtils.parse(
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        } catch (java.text.ParseException e) {
            respond(exchange, 400, "application/json", "{\"error\":\"invalid_client_metadata\"}");
            return;
        }
        respond(exchange, 200, "application/json", "{\"client_id\":\"" + registeredClientId + "\","
                + "\"https://purl.imsglobal.org/spec/lti-tool-configuration\":{\"deployment_id\":\"dyn-deployment-1\"}}");
    }

    public Map<String, Object> lastToolRegistration() {
        return lastToolRegistration;
    }

    public String lastRegistrationToken() {
        return lastRegistrationToken;
    }

    public String registeredClientId() {
        return registeredClientId;
    }

    // ---------------------------------------------------------------------------------------
    // Links and Deep Linking 2.0. A launch is shaped by its lti_message_hint, as real LMSs do:
    // the hint names a link (with its custom parameters) or a deep linking request.

    private final Map<String, java.util.function.Consumer<JWTClaimsSet.Builder>> messageHints = new ConcurrentHashMap<>();
    private final Map<String, DeepLinking> deepLinkingRequests = new ConcurrentHashMap<>();
    private final java.util.Queue<DeepLinkingReturn> deepLinkingReturns = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * A deep linking request as the LMS sends it; null fields are left out of the claim.
     * {@code returnUrl} null means this LMS's own return endpoint, which checks the answer.
     */
    public record DeepLinking(String returnUrl, List<String> acceptTypes, Boolean acceptMultiple, Object data,
                              Boolean acceptLineItem, boolean sendSettings) {
        public static DeepLinking standard() {
            return new DeepLinking(null, List.of("ltiResourceLink", "link"), true, "opaque-" + UUID.randomUUID(),
                    true, true);
        }

        public DeepLinking acceptingOne() {
            return new DeepLinking(returnUrl, acceptTypes, false, data, acceptLineItem, sendSettings);
        }

        public DeepLinking withData(Object newData) {
            return new DeepLinking(returnUrl, acceptTypes, acceptMultiple, newData, acceptLineItem, sendSettings);
        }

        public DeepLinking withAcceptTypes(List<String> types) {
            return new DeepLinking(returnUrl, types, acceptMultiple, data, acceptLineItem, sendSettings);
        }

        public DeepLinking withReturnUrl(String url) {
            return new DeepLinking(url, acceptTypes, acceptMultiple, data, acceptLineItem, sendSettings);
        }

        public DeepLinking withoutSettings() {
            return new DeepLinking(returnUrl, acceptTypes, acceptMultiple, data, acceptLineItem, false);
        }
    }

    /**
     * What the return endpoint made of an answer: the request it answers, the problems found
     * (empty when the answer is valid), and the verified claims.
     */
    public record DeepLinkingReturn(String requestId, List<String> problems, JWTClaimsSet claims, String kid) {
        public boolean valid() {
            return problems.isEmpty();
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> contentItems() {
            Object items = claims == null ? null : claims.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
            return items instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
        }
    }

    /** A hint that launches through this link, placed with these custom parameters (none: an untied link). */
    public String linkHint(String resourceLinkId, String title, Map<String, String> custom) {
        return hint(claims -> claims
                .claim(LTI + "resource_link", Map.of("id", resourceLinkId, "title", title))
                .claim(LTI + "custom", custom.isEmpty() ? null : Map.copyOf(custom)));
    }

    /** A hint whose launch claims are reshaped as given, after the usual ones are set. */
    public String hint(java.util.function.Consumer<JWTClaimsSet.Builder> shape) {
        String hint = "hint-" + UUID.randomUUID();
        messageHints.put(hint, shape);
        return hint;
    }

    /** A hint that makes the launch a deep linking request; its answer comes back to {@link #deepLinkingReturns()}. */
    public String deepLinkingHint(DeepLinking request) {
        String id = UUID.randomUUID().toString();
        deepLinkingRequests.put(id, request);
        String hint = "dl-" + id;
        messageHints.put(hint, claims -> {
            claims.claim(LTI + "message_type", "LtiDeepLinkingRequest").claim(LTI + "resource_link", null)
                    .claim(LTI + "custom", null);
            if (request.sendSettings()) {
                Map<String, Object> settings = new java.util.LinkedHashMap<>();
                settings.put("deep_link_return_url", request.returnUrl() != null ? request.returnUrl()
                        : issuer() + "/dl-return/" + id);
                settings.put("accept_types", request.acceptTypes());
                settings.put("accept_presentation_document_targets", List.of("iframe", "window"));
                if (request.acceptMultiple() != null) {
                    settings.put("accept_multiple", request.acceptMultiple());
                }
                if (request.acceptLineItem() != null) {
                    settings.put("accept_lineitem", request.acceptLineItem());
                }
                if (request.data() != null) {
                    settings.put("data", request.data());
                }
                claims.claim("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", settings);
            }
        });
        return hint;
    }

    public List<DeepLinkingReturn> deepLinkingReturns() {
        return List.copyOf(deepLinkingReturns);
    }

    /**
     * The deep linking return endpoint, checking the answer as a platform must: RS256 with a kid
     * found in Cairn's JWKS fetched over HTTP, iss = our client id, aud = our issuer, fresh times, a
     * nonce, the response message type and version, our deployment, the request's data echoed
     * exactly, and LTI resource links with a URL, a title, Cairn's unit key and a line item.
     */
    private void deepLinkingReturn(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/dl-return/".length());
        DeepLinking request = deepLinkingRequests.get(id);
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        List<String> problems = new java.util.ArrayList<>();
        JWTClaimsSet claims = null;
        String kid = null;
        try {
            if (request == null || !"POST".equals(exchange.getRequestMethod()) || form.get("JWT") == null) {
                throw new IllegalArgumentException("not a deep linking answer to a request of ours");
            }
            SignedJWT jwt = SignedJWT.parse(form.get("JWT"));
            kid = jwt.getHeader().getKeyID();
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                problems.add("alg " + jwt.getHeader().getAlgorithm());
            }
            JWKSet cairnKeys = JWKSet.load(java.net.URI.create(cairnBaseUrl + "/lti/jwks").toURL());
            RSAKey cairnKey = kid == null ? null : (RSAKey) cairnKeys.getKeyByKeyId(kid);
            if (cairnKey == null) {
                problems.add("kid " + kid + " not in Cairn's JWKS");
            } else if (!jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(cairnKey))) {
                problems.add("signature does not verify");
            }
            claims = jwt.getJWTClaimsSet();
            checkAnswer(claims, request, problems);
        } catch (Exception e) {
            problems.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        deepLinkingReturns.add(new DeepLinkingReturn(id, List.copyOf(problems), claims, kid));
        respond(exchange, problems.isEmpty() ? 200 : 400, "text/html", PlainPage.page("LMS", java.util.Locale.ENGLISH,
                "<p id=\"received\">" + PlainPage.escape(problems.isEmpty() ? "received" : String.join("; ", problems))
                        + "</p>", ""));
    }

    private void checkAnswer(JWTClaimsSet claims, DeepLinking request, List<String> problems) {
        Date now = new Date();
        if (!CLIENT_ID.equals(claims.getIssuer())) {
            problems.add("iss " + claims.getIssuer());
        }
        if (!List.of(issuer()).equals(claims.getAudience())) {
            problems.add("aud " + claims.getAudience());
        }
        if (claims.getExpirationTime() == null || !claims.getExpirationTime().after(now)
                || claims.getIssueTime() == null || claims.getIssueTime().after(new Date(now.getTime() + 60_000))
                || claims.getExpirationTime().getTime() - claims.getIssueTime().getTime() > 3_600_000) {
            problems.add("times iat " + claims.getIssueTime() + " exp " + claims.getExpirationTime());
        }
        if (!(claims.getClaim("nonce") instanceof String nonce) || nonce.isBlank()) {
            problems.add("no nonce");
        }
        if (!"LtiDeepLinkingResponse".equals(claims.getClaim(LTI + "message_type"))) {
            problems.add("message_type " + claims.getClaim(LTI + "message_type"));
        }
        if (!"1.3.0".equals(claims.getClaim(LTI + "version"))) {
            problems.add("version " + claims.getClaim(LTI + "version"));
        }
        if (!DEPLOYMENT_ID.equals(claims.getClaim(LTI + "deployment_id"))) {
            problems.add("deployment_id " + claims.getClaim(LTI + "deployment_id"));
        }
        Object data = claims.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data");
        if (!java.util.Objects.equals(request.data(), data)) {
            problems.add("data " + data + " instead of " + request.data());
        }
        Object items = claims.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
        if (!(items instanceof List<?> list)) {
            problems.add("content_items missing");
            return;
        }
        if (Boolean.FALSE.equals(request.acceptMultiple()) && list.size() > 1) {
            problems.add(list.size() + " items, but the request accepted one");
        }
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map) || !"ltiResourceLink".equals(map.get("type"))
                    || !(map.get("title") instanceof String) || !launchUrl.equals(map.get("url"))
                    || !(map.get("custom") instanceof Map<?, ?> custom) || !(custom.get("cairn_unit_id") instanceof String)) {
                problems.add("not a Cairn unit link: " + item);
                continue;
            }
            if (Boolean.FALSE.equals(request.acceptLineItem()) ? map.containsKey("lineItem")
                    : !(map.get("lineItem") instanceof Map<?, ?> line) || !(line.get("label") instanceof String)
                    || !(line.get("scoreMaximum") instanceof Number max) || max.doubleValue() <= 0
                    || !(line.get("resourceId") instanceof String) || !(line.get("tag") instanceof String)) {
                problems.add("bad lineItem: " + map.get("lineItem"));
            }
        }
    }

    /** NRPS 2.0 membership container, paged with Link rel="next". */
    private void roster(HttpExchange exchange) throws IOException {
        rosterRequests.incrementAndGet();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !issuedTokens.containsKey(auth.substring(7))) {
            respond(exchange, 401, "application/json", "{}");
            return;
        }
        if (rosterOverride != null) {
            respond(exchange, 200, "application/vnd.ims.lti-nrps.v2.membershipcontainer+json", rosterOverride);
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        int page = Integer.parseInt(query.getOrDefault("page", "0"));
        // /nrps/<context id>/memberships
        String path = exchange.getRequestURI().getPath();
        String course = path.substring("/nrps/".length(), Math.max("/nrps/".length(), path.lastIndexOf('/')));
        List<Map<String, Object>> members = courseRosters.getOrDefault(course, roster);
        int from = Math.min(page * rosterPageSize, members.size());
        int to = Math.min(from + rosterPageSize, members.size());
        String self = issuer() + exchange.getRequestURI().getPath();
        if (rosterLoops) {
            exchange.getResponseHeaders().add("Link", "<" + self + "?page=" + page + ">; rel=\"next\"");
        } else if (to < members.size()) {
            exchange.getResponseHeaders().add("Link", "<" + self + "?page=" + (page + 1) + ">; rel=\"next\"");
        }
        Map<String, Object> container = Map.of("id", self, "context", Map.of("id", contextId),
                "members", members.subList(from, to));
        respond(exchange, 200, "application/vnd.ims.lti-nrps.v2.membershipcontainer+json",
                com.nimbusds.jose.util.JSONObjectUtils.toJSONString(container));
    }

    // ---------------------------------------------------------------------------------------
    // Assignment and Grade Services 2.0, Moodle-shaped: every line item URL ends in ?type_id=7,
    // so a tool must put /scores into the path before the query string.

    public static final String AGS_LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    public static final String AGS_LINEITEM_READONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
    public static final String AGS_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    private static final String TYPE_ID = "7";

    /** A line item the fake gradebook holds. */
    public record LineItem(String id, String label, double scoreMaximum, String resourceId, String tag) {
    }

    /** A score the fake gradebook accepted, with the exact path and query it was posted to. */
    public record ReceivedScore(String lineItem, String userId, String timestamp, double scoreGiven, double scoreMaximum,
                                String comment, String activityProgress, String gradingProgress, String path,
                                String query, String contentType, long receivedAtNanos) {
    }

    private volatile List<String> agsScopes = List.of(AGS_LINEITEM, AGS_LINEITEM_READONLY, AGS_SCORE,
            "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly");
    private final Map<String, LineItem> lineItems = new ConcurrentHashMap<>();
    private final AtomicInteger lineItemSeq = new AtomicInteger();
    private final AtomicInteger lineItemPosts = new AtomicInteger();
    private final java.util.Queue<ReceivedScore> scores = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicInteger scoreRequests = new AtomicInteger();
    /** Per line item and user: the last accepted timestamp in whole seconds (Moodle's comparison). */
    private final Map<String, Long> lastScoreSecond = new ConcurrentHashMap<>();
    private volatile Duration agsLatency = Duration.ZERO;
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile int failStatus = 503;
    private final AtomicInteger timeoutNext = new AtomicInteger();
    private volatile Duration timeoutSleep = Duration.ofSeconds(3);
    private final AtomicInteger rejectNext = new AtomicInteger();
    private volatile int rejectStatus = 422;
    private volatile String rejectBody = "";
    private volatile boolean wholeSecondCheck = true;
    private final AtomicInteger throttled = new AtomicInteger();
    private final Object bucketLock = new Object();
    private volatile double bucketRate;
    private volatile double bucketCapacity;
    private volatile int throttleStatus = 429;
    private double bucketLevel;
    private long bucketLeakedAt = System.nanoTime();

    /** The scopes the AGS claim grants (empty: no AGS claim at all). */
    public void setAgsScopes(List<String> scopes) {
        this.agsScopes = List.copyOf(scopes);
    }

    public String lineItemsUrl() {
        return lineItemsUrl(contextId);
    }

    /** The line items endpoint (the gradebook) of one course of this LMS. */
    public String lineItemsUrl(String courseContextId) {
        return issuer() + "/ags/" + courseContextId + "/lineitems?type_id=" + TYPE_ID;
    }

    /** Every AGS answer waits this long first, as a distant LMS would. */
    public void setAgsLatency(Duration latency) {
        this.agsLatency = latency;
    }

    /** The next {@code count} score posts answer {@code status} (e.g. 503). */
    public void failNextScores(int count, int status) {
        this.failStatus = status;
        this.failNext.set(count);
    }

    /** The next {@code count} score posts answer only after {@code sleep} (longer than Cairn waits). */
    public void timeOutNextScores(int count, Duration sleep) {
        this.timeoutSleep = sleep;
        this.timeoutNext.set(count);
    }

    /** The next {@code count} score posts are refused with this status and body. */
    public void rejectNextScores(int count, int status, String body) {
        this.rejectStatus = status;
        this.rejectBody = body;
        this.rejectNext.set(count);
    }

    /** Forgets every access token, so the next service call gets a 401 once (until a new token). */
    public void revokeTokens() {
        issuedTokens.clear();
    }

    /**
     * A leaky bucket over all AGS requests, as Canvas throttles: {@code ratePerSecond} sustained,
     * {@code capacity} requests of burst; overflow answers {@code status} (429, or 403 "Rate Limit
     * Exceeded") with Retry-After. A rate of 0 switches throttling off.
     */
    public void throttle(double ratePerSecond, double capacity, int status) {
        synchronized (bucketLock) {
            this.bucketRate = ratePerSecond;
            this.bucketCapacity = capacity;
            this.throttleStatus = status;
            this.bucketLevel = 0;
            this.bucketLeakedAt = System.nanoTime();
        }
    }

    /** Moodle's check that a score's timestamp is newer, at whole seconds (on by default). */
    public void setWholeSecondTimestampCheck(boolean on) {
        this.wholeSecondCheck = on;
    }

    public List<ReceivedScore> receivedScores() {
        return List.copyOf(scores);
    }

    /**
     * Forgets the scores received so far and says how many they were (a long benchmark would
     * otherwise measure the fake LMS's own list growing). Later checks see only newer scores.
     */
    public int forgetReceivedScores() {
        int forgotten = 0;
        while (scores.poll() != null) {
            forgotten++;
        }
        return forgotten;
    }

    public List<LineItem> lineItems() {
        return List.copyOf(lineItems.values());
    }

    public int lineItemPosts() {
        return lineItemPosts.get();
    }

    public int scoreRequests() {
        return scoreRequests.get();
    }

    public int throttledRequests() {
        return throttled.get();
    }

    /** Adds a line item as if a teacher had made the column in the LMS. */
    public LineItem addLineItem(String label, double scoreMaximum, String resourceId, String tag) {
        String id = issuer() + "/ags/" + contextId + "/lineitems/" + lineItemSeq.incrementAndGet() + "/lineitem?type_id=" + TYPE_ID;
        LineItem item = new LineItem(id, label, scoreMaximum, resourceId, tag);
        lineItems.put(id, item);
        return item;
    }

    /** Seconds until a request fits, or -1 when it fits now (and is counted). */
    private long bucket() {
        synchronized (bucketLock) {
            if (bucketRate <= 0) {
                return -1;
            }
            long now = System.nanoTime();
            bucketLevel = Math.max(0, bucketLevel - (now - bucketLeakedAt) / 1e9 * bucketRate);
            bucketLeakedAt = now;
            if (bucketLevel + 1 > bucketCapacity) {
                return Math.max(1, (long) Math.ceil((bucketLevel + 1 - bucketCapacity) / bucketRate));
            }
            bucketLevel += 1;
            return -1;
        }
    }

    private void ags(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        boolean isScore = path.endsWith("/scores");
        if (isScore) {
            scoreRequests.incrementAndGet();
        }
        long retryAfter = bucket();
        sleep(agsLatency);
        if (retryAfter >= 0) {
            throttled.incrementAndGet();
            exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfter));
            respond(exchange, throttleStatus, "application/json", throttleStatus == 403
                    ? "{\"errors\":[{\"message\":\"403 Forbidden (Rate Limit Exceeded)\"}]}"
                    : "{\"error\":\"rate limit exceeded\"}");
            return;
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String scope = auth != null && auth.startsWith("Bearer ") ? issuedTokens.get(auth.substring(7)) : null;
        if (scope == null) {
            respond(exchange, 401, "application/json", "{\"error\":\"invalid_token\"}");
            return;
        }
        Map<String, String> query = query(rawQuery);
        if (!TYPE_ID.equals(query.get("type_id"))) {
            respond(exchange, 400, "application/json", "{\"error\":\"No tool type given (type_id=" + query.get("type_id") + ")\"}");
            return;
        }
        String method = exchange.getRequestMethod();
        if (isScore && "POST".equals(method)) {
            score(exchange, scope, path, rawQuery);
        } else if (path.endsWith("/lineitems") && "GET".equals(method)) {
            if (!scope.contains(AGS_LINEITEM)) {
                respond(exchange, 403, "application/json", "{\"error\":\"scope not granted\"}");
                return;
            }
            List<Map<String, Object>> items = lineItems.values().stream()
                    .filter(item -> item.id().startsWith(issuer() + path + "/"))
                    .filter(item -> !query.containsKey("resource_id") || query.get("resource_id").equals(item.resourceId()))
                    .filter(item -> !query.containsKey("tag") || query.get("tag").equals(item.tag()))
                    .map(FakeLms::lineItemJson).toList();
            respond(exchange, 200, "application/vnd.ims.lis.v2.lineitemcontainer+json",
                    com.nimbusds.jose.util.JSONArrayUtils.toJSONString(items));
        } else if (path.endsWith("/lineitems") && "POST".equals(method)) {
            if (!scope.contains(AGS_LINEITEM) || !String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
                    .startsWith("application/vnd.ims.lis.v2.lineitem+json")) {
                respond(exchange, 400, "application/json", "{\"error\":\"bad line item request\"}");
                return;
            }
            lineItemPosts.incrementAndGet();
            try {
                Map<String, Object> body = com.nimbusds.jose.util.JSONObjectUtils.parse(
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                String id = issuer() + path + "/" + lineItemSeq.incrementAndGet() + "/lineitem?type_id=" + TYPE_ID;
                LineItem item = new LineItem(id, (String) body.get("label"), ((Number) body.get("scoreMaximum")).doubleValue(),
                        (String) body.get("resourceId"), (String) body.get("tag"));
                lineItems.put(id, item);
                respond(exchange, 201, "application/vnd.ims.lis.v2.lineitem+json",
                        com.nimbusds.jose.util.JSONObjectUtils.toJSONString(lineItemJson(item)));
            } catch (java.text.ParseException | RuntimeException e) {
                respond(exchange, 400, "application/json", "{\"error\":\"bad line item\"}");
            }
        } else {
            respond(exchange, 404, "application/json", "{\"error\":\"no such endpoint " + method + " " + path + "\"}");
        }
    }

    private void score(HttpExchange exchange, String scope, String path, String rawQuery) throws IOException {
        if (timeoutNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            sleep(timeoutSleep);
            respond(exchange, 504, "application/json", "{}");
            return;
        }
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            respond(exchange, failStatus, "text/html", "<html>Service unavailable</html>");
            return;
        }
        if (rejectNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            respond(exchange, rejectStatus, "application/json", rejectBody);
            return;
        }
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (!scope.contains(AGS_SCORE) || !contentType.startsWith("application/vnd.ims.lis.v1.score+json")) {
            respond(exchange, 400, "application/json", "{\"error\":\"not a score request\"}");
            return;
        }
        String lineItem = issuer() + path.substring(0, path.length() - "/scores".length()) + "?" + rawQuery;
        if (!lineItems.containsKey(lineItem)) {
            respond(exchange, 404, "application/json", "{\"error\":\"no line item " + lineItem + "\"}");
            return;
        }
        Map<String, Object> body;
        try {
            body = com.nimbusds.jose.util.JSONObjectUtils.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        } catch (java.text.ParseException e) {
            respond(exchange, 400, "application/json", "{\"error\":\"bad json\"}");
            return;
        }
        String userId = (String) body.get("userId");
        String timestamp = (String) body.get("timestamp");
        long second;
        try {
            second = java.time.OffsetDateTime.parse(timestamp).toEpochSecond();
        } catch (RuntimeException e) {
            respond(exchange, 400, "application/json", "{\"error\":\"bad timestamp\"}");
            return;
        }
        String key = lineItem + " " + userId;
        synchronized (lastScoreSecond) {
            Long last = lastScoreSecond.get(key);
            if (wholeSecondCheck && last != null && second <= last) {
                respond(exchange, 409, "application/json", "{\"error\":\"Refusing score with an earlier timestamp for item "
                        + lineItem + " and user " + userId + "\"}");
                return;
            }
            lastScoreSecond.put(key, second);
            scores.add(new ReceivedScore(lineItem, userId, timestamp, number(body.get("scoreGiven")),
                    number(body.get("scoreMaximum")), (String) body.get("comment"), (String) body.get("activityProgress"),
                    (String) body.get("gradingProgress"), path, rawQuery, contentType, System.nanoTime()));
        }
        respond(exchange, 200, "application/json", "{}");
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static Map<String, Object> lineItemJson(LineItem item) {
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("id", item.id());
        json.put("label", item.label());
        json.put("scoreMaximum", item.scoreMaximum());
        if (item.resourceId() != null) {
            json.put("resourceId", item.resourceId());
        }
        if (item.tag() != null) {
            json.put("tag", item.tag());
        }
        return json;
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(name, value);
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
