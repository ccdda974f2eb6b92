package app.cairn.lti;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Checks an id_token against the 1EdTech Security Framework and LTI 1.3 Core, one refusal reason
 * per failed rule. The signature is checked before any state or nonce is looked at, so forged
 * tokens cannot burn or probe logins.
 */
@Component
class LaunchVerifier {

    private static final Set<String> SUPPORTED_MESSAGE_TYPES = Set.of(LtiClaims.RESOURCE_LINK_REQUEST,
            LtiClaims.DEEP_LINKING_REQUEST);
    private static final int MAX_CUSTOM_ENTRIES = 50;
    private static final int MAX_CUSTOM_VALUE = 1000;

    private final PlatformRegistry platforms;
    private final PlatformKeys platformKeys;
    private final LoginStore logins;
    private final Clock clock;
    private final Duration skew;

    LaunchVerifier(PlatformRegistry platforms, PlatformKeys platformKeys, LoginStore logins, Clock clock,
                   @Value("${cairn.lti.clock-skew}") Duration skew) {
        this.platforms = platforms;
        this.platformKeys = platformKeys;
        this.logins = logins;
        this.clock = clock;
        this.skew = skew;
    }

    /** What the browser brought back to {@code /lti/launch}. */
    record LaunchRequest(@Nullable String idToken, @Nullable String state,
                         Map<String, String> loginCookies, @Nullable String storedSecret) {
    }

    sealed interface Outcome permits Verified, CheckPlatformStorage {
    }

    record Verified(VerifiedLaunch launch) implements Outcome {
    }

    /** No cookie came back, but the login kept its secret in the platform's postMessage storage. */
    record CheckPlatformStorage(String state, String storageTarget, String platformOrigin) implements Outcome {
    }

    Outcome verify(LaunchRequest request) throws LaunchRefusedException {
        if (request.idToken() == null || request.idToken().isBlank()) {
            throw new LaunchRefusedException(Refusal.MISSING_ID_TOKEN, "no id_token parameter");
        }
        SignedJWT jwt = parseSigned(request.idToken());
        String kid = jwt.getHeader().getKeyID();
        if (kid == null || kid.isBlank()) {
            throw new LaunchRefusedException(Refusal.MISSING_KID, "JWT header has no kid");
        }
        JWTClaimsSet claims = claims(jwt);
        Platform platform = platformFor(claims);
        verifySignature(jwt, platform, kid);
        checkTimes(claims);

        LoginStore.Login login = loginFor(request, platform);
        // A used login is a replay whoever sends it, with or without the original browser's cookie.
        if (login.usedAt() != null) {
            throw new LaunchRefusedException(Refusal.REPLAYED_NONCE, "login already used at " + login.usedAt());
        }
        if (logins.isExpired(login)) {
            throw new LaunchRefusedException(Refusal.LOGIN_EXPIRED, "login expired at " + login.expiresAt());
        }
        Optional<CheckPlatformStorage> storageCheck = checkSameBrowser(request, login, platform);
        if (storageCheck.isPresent()) {
            return storageCheck.get();
        }
        String nonce = stringClaim(claims, "nonce");
        if (nonce == null || nonce.isBlank()) {
            throw new LaunchRefusedException(Refusal.MISSING_NONCE, "no nonce claim");
        }
        if (!nonce.equals(login.nonce())) {
            throw new LaunchRefusedException(Refusal.UNKNOWN_NONCE, "nonce not issued for this login");
        }
        if (!logins.consume(login.state())) {
            throw new LaunchRefusedException(Refusal.REPLAYED_NONCE, "nonce used concurrently");
        }
        return new Verified(checkLtiClaims(claims, platform, login));
    }

    /**
     * The launch must come back to the browser that started the login: it holds the login's
     * secret in a cookie, or (where the LMS frame blocks cookies) in the platform's storage.
     */
    private static Optional<CheckPlatformStorage> checkSameBrowser(LaunchRequest request, LoginStore.Login login,
                                                                   Platform platform) throws LaunchRefusedException {
        if (sameSecret(login.browserSecret(), request.loginCookies().get(login.state()))) {
            return Optional.empty();
        }
        String reopen = "/lti/reopen?state=" + login.state();
        if (request.storedSecret() != null) {
            if (request.storedSecret().isEmpty()) {
                throw new LaunchRefusedException(Refusal.COOKIE_MISSING, "neither cookie nor platform storage", reopen);
            }
            if (!sameSecret(login.browserSecret(), request.storedSecret())) {
                throw new LaunchRefusedException(Refusal.STATE_MISMATCH, "platform storage held another secret");
            }
            return Optional.empty();
        }
        if (!request.loginCookies().isEmpty()) {
            throw new LaunchRefusedException(Refusal.STATE_MISMATCH, "browser holds other logins' cookies but not this state's");
        }
        if (login.storageTarget() != null) {
            return Optional.of(new CheckPlatformStorage(login.state(), login.storageTarget(), origin(platform.authLoginUrl())));
        }
        throw new LaunchRefusedException(Refusal.COOKIE_MISSING, "no login cookie came back", reopen);
    }

    /** Constant-time, so response timing tells nothing about the secret. */
    private static boolean sameSecret(String expected, @Nullable String actual) {
        return actual != null && java.security.MessageDigest.isEqual(
                expected.getBytes(java.nio.charset.StandardCharsets.UTF_8), actual.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static SignedJWT parseSigned(String token) throws LaunchRefusedException {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new LaunchRefusedException(Refusal.NOT_A_JWT, "unparseable: " + e.getMessage());
        }
        if (jwt instanceof PlainJWT) {
            throw new LaunchRefusedException(Refusal.ALGORITHM_NOT_ALLOWED, "alg none");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new LaunchRefusedException(Refusal.NOT_A_JWT, "not a signed JWT: " + jwt.getClass().getSimpleName());
        }
        if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
            throw new LaunchRefusedException(Refusal.ALGORITHM_NOT_ALLOWED, "alg " + signed.getHeader().getAlgorithm());
        }
        return signed;
    }

    private static JWTClaimsSet claims(SignedJWT jwt) throws LaunchRefusedException {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new LaunchRefusedException(Refusal.NOT_A_JWT, "claims unreadable: " + e.getMessage());
        }
    }

    private Platform platformFor(JWTClaimsSet claims) throws LaunchRefusedException {
        String issuer = claims.getIssuer();
        List<Platform> candidates = issuer == null ? List.of() : platforms.findByIssuer(issuer);
        if (candidates.isEmpty()) {
            throw new LaunchRefusedException(Refusal.UNKNOWN_ISSUER, "iss " + issuer);
        }
        List<String> audience = claims.getAudience();
        String azp = stringClaim(claims, "azp");
        List<Platform> matching = candidates.stream().filter(p -> audience.contains(p.clientId())).toList();
        if (matching.isEmpty()) {
            throw new LaunchRefusedException(Refusal.WRONG_AUDIENCE, "aud " + audience + " for iss " + issuer);
        }
        if (audience.size() > 1 && azp == null) {
            throw new LaunchRefusedException(Refusal.BAD_AZP, "several audiences and no azp");
        }
        if (azp != null) {
            return matching.stream().filter(p -> p.clientId().equals(azp)).findFirst()
                    .orElseThrow(() -> new LaunchRefusedException(Refusal.BAD_AZP, "azp " + azp));
        }
        return matching.getFirst();
    }

    private void verifySignature(SignedJWT jwt, Platform platform, String kid) throws LaunchRefusedException {
        Optional<JWK> key;
        try {
            key = platformKeys.find(platform, kid);
        } catch (PlatformKeys.UnavailableException e) {
            throw new LaunchRefusedException(Refusal.PLATFORM_KEYS_UNAVAILABLE, e.getMessage());
        }
        if (key.isEmpty() || !(key.get() instanceof RSAKey rsaKey)) {
            throw new LaunchRefusedException(Refusal.UNKNOWN_KID, "kid " + kid + " not in " + platform.jwksUrl());
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(rsaKey))) {
                throw new LaunchRefusedException(Refusal.BAD_SIGNATURE, "signature does not verify with kid " + kid);
            }
        } catch (JOSEException e) {
            throw new LaunchRefusedException(Refusal.BAD_SIGNATURE, e.getMessage());
        }
    }

    private void checkTimes(JWTClaimsSet claims) throws LaunchRefusedException {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null || exp.toInstant().plus(skew).isBefore(now)) {
            throw new LaunchRefusedException(Refusal.EXPIRED, "exp " + exp);
        }
        Date iat = claims.getIssueTime();
        if (iat == null || iat.toInstant().minus(skew).isAfter(now)) {
            throw new LaunchRefusedException(Refusal.ISSUED_IN_FUTURE, "iat " + iat);
        }
    }

    private LoginStore.Login loginFor(LaunchRequest request, Platform platform) throws LaunchRefusedException {
        if (request.state() == null || request.state().isBlank()) {
            throw new LaunchRefusedException(Refusal.STATE_MISMATCH, "no state parameter");
        }
        LoginStore.Login login = logins.find(request.state())
                .orElseThrow(() -> new LaunchRefusedException(Refusal.STATE_MISMATCH, "state unknown"));
        if (login.platformId() != platform.id()) {
            throw new LaunchRefusedException(Refusal.STATE_MISMATCH, "state was issued for another platform");
        }
        return login;
    }

    private VerifiedLaunch checkLtiClaims(JWTClaimsSet claims, Platform platform, LoginStore.Login login)
            throws LaunchRefusedException {
        String version = stringClaim(claims, LtiClaims.VERSION);
        if (!LtiClaims.LTI_VERSION.equals(version)) {
            throw new LaunchRefusedException(Refusal.WRONG_VERSION, "version " + version);
        }
        String messageType = stringClaim(claims, LtiClaims.MESSAGE_TYPE);
        if (messageType == null || messageType.isBlank()) {
            throw new LaunchRefusedException(Refusal.MISSING_MESSAGE_TYPE, "no message_type");
        }
        if (!SUPPORTED_MESSAGE_TYPES.contains(messageType)) {
            throw new LaunchRefusedException(Refusal.UNSUPPORTED_MESSAGE_TYPE, "message_type " + messageType);
        }
        String deploymentId = stringClaim(claims, LtiClaims.DEPLOYMENT_ID);
        if (deploymentId == null || deploymentId.isBlank()) {
            throw new LaunchRefusedException(Refusal.MISSING_DEPLOYMENT, "no deployment_id");
        }
        long deploymentRowId = platforms.findDeployment(platform.id(), deploymentId)
                .orElseThrow(() -> new LaunchRefusedException(Refusal.UNKNOWN_DEPLOYMENT,
                        "deployment " + deploymentId + " not registered for " + platform.issuer()));
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new LaunchRefusedException(Refusal.MISSING_SUBJECT, "no sub");
        }
        if (!(claims.getClaim(LtiClaims.ROLES) instanceof List<?> rawRoles)) {
            throw new LaunchRefusedException(Refusal.MISSING_ROLES, "roles claim absent or not an array");
        }
        List<String> roles = rawRoles.stream().filter(Objects::nonNull).map(String::valueOf).toList();
        boolean deepLinking = LtiClaims.DEEP_LINKING_REQUEST.equals(messageType);
        // A deep linking request asks for links to be made, so it has none of its own.
        String resourceLinkId = stringMember(claims, LtiClaims.RESOURCE_LINK, "id");
        if (!deepLinking && (resourceLinkId == null || resourceLinkId.isBlank())) {
            throw new LaunchRefusedException(Refusal.MISSING_RESOURCE_LINK, "no resource_link.id");
        }
        DeepLinkingSettings settings = deepLinking ? deepLinkingSettings(claims) : null;
        String targetLinkUri = stringClaim(claims, LtiClaims.TARGET_LINK_URI);
        if (!login.targetLinkUri().equals(targetLinkUri)) {
            throw new LaunchRefusedException(Refusal.TARGET_LINK_MISMATCH,
                    "target_link_uri " + targetLinkUri + " but login asked for " + login.targetLinkUri());
        }
        String contextId = stringMember(claims, LtiClaims.CONTEXT, "id");
        if (contextId == null || contextId.isBlank()) {
            throw new LaunchRefusedException(Refusal.MISSING_CONTEXT, "no context.id");
        }
        String locale = stringClaim(claims, "locale");
        if (locale == null) {
            locale = stringMember(claims, LtiClaims.LAUNCH_PRESENTATION, "locale");
        }
        return new VerifiedLaunch(platform.id(), deploymentRowId, subject, displayName(claims),
                stringClaim(claims, "email"), locale, contextId, stringMember(claims, LtiClaims.CONTEXT, "title"),
                stringMember(claims, LtiClaims.CONTEXT, "label"), roles, messageType, resourceLinkId,
                stringMember(claims, LtiClaims.NAMES_ROLE_SERVICE, "context_memberships_url"),
                stringMember(claims, LtiClaims.AGS_ENDPOINT, "lineitems"), agsScopes(claims), deploymentId,
                deepLinking ? null : stringMember(claims, LtiClaims.RESOURCE_LINK, "title"), custom(claims), settings);
    }

    /**
     * Deep Linking 2.0: where to send the answer (an absolute http(s) URL), and the item types the
     * platform takes, which must include LTI resource links, the only kind Cairn makes.
     */
    private static DeepLinkingSettings deepLinkingSettings(JWTClaimsSet claims) throws LaunchRefusedException {
        if (!(claims.getClaim(LtiClaims.DEEP_LINKING_SETTINGS) instanceof Map<?, ?> settings)) {
            throw new LaunchRefusedException(Refusal.MISSING_DEEP_LINKING_SETTINGS, "no deep_linking_settings claim");
        }
        Object returnUrl = settings.get("deep_link_return_url");
        if (!(returnUrl instanceof String url) || !isHttpUrl(url)) {
            throw new LaunchRefusedException(Refusal.BAD_DEEP_LINK_RETURN_URL, "deep_link_return_url " + returnUrl);
        }
        List<String> types = settings.get("accept_types") instanceof List<?> list
                ? list.stream().filter(String.class::isInstance).map(String.class::cast).limit(50).toList() : List.of();
        if (!types.contains(LtiClaims.LTI_RESOURCE_LINK_TYPE)) {
            throw new LaunchRefusedException(Refusal.DEEP_LINKING_TYPES_UNSUPPORTED, "accept_types " + types);
        }
        String dataJson = null;
        if (settings.get("data") != null) {
            // Wrapped, so a data value of any JSON type comes back exactly as it was sent.
            dataJson = com.nimbusds.jose.util.JSONObjectUtils.toJSONString(Map.of("data", settings.get("data")));
        }
        return new DeepLinkingSettings(url, types, isTrue(settings.get("accept_multiple")),
                !isFalse(settings.get("accept_lineitem")), dataJson,
                settings.get("title") instanceof String t ? t : null, settings.get("text") instanceof String t ? t : null);
    }

    private static boolean isHttpUrl(String value) {
        try {
            java.net.URI uri = java.net.URI.create(value);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Platforms send JSON booleans; a few send the strings "true" and "false". */
    private static boolean isTrue(@Nullable Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    private static boolean isFalse(@Nullable Object value) {
        return Boolean.FALSE.equals(value) || "false".equals(value);
    }

    /** The custom claim's simple values as strings, bounded: they decide what a link opens. */
    private static Map<String, String> custom(JWTClaimsSet claims) {
        Map<String, String> custom = new java.util.LinkedHashMap<>();
        if (claims.getClaim(LtiClaims.CUSTOM) instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object value = entry.getValue();
                if (custom.size() < MAX_CUSTOM_ENTRIES && entry.getKey() instanceof String key
                        && (value instanceof String || value instanceof Number || value instanceof Boolean)) {
                    String text = String.valueOf(value);
                    custom.put(key, text.length() > MAX_CUSTOM_VALUE ? text.substring(0, MAX_CUSTOM_VALUE) : text);
                }
            }
        }
        return Map.copyOf(custom);
    }

    /** The scopes the AGS endpoint claim grants; only strings, at most a few dozen. */
    private static List<String> agsScopes(JWTClaimsSet claims) {
        if (claims.getClaim(LtiClaims.AGS_ENDPOINT) instanceof Map<?, ?> endpoint
                && endpoint.get("scope") instanceof List<?> scopes) {
            return scopes.stream().filter(String.class::isInstance).map(String.class::cast).limit(20).toList();
        }
        return List.of();
    }

    private static @Nullable String displayName(JWTClaimsSet claims) {
        String name = stringClaim(claims, "name");
        if (name != null && !name.isBlank()) {
            return name;
        }
        String given = stringClaim(claims, "given_name");
        String family = stringClaim(claims, "family_name");
        String joined = ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
        return joined.isEmpty() ? null : joined;
    }

    private static @Nullable String stringClaim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s ? s : null;
    }

    private static @Nullable String stringMember(JWTClaimsSet claims, String claim, String member) {
        if (claims.getClaim(claim) instanceof Map<?, ?> map && map.get(member) != null) {
            return String.valueOf(map.get(member));
        }
        return null;
    }

    static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
