package app.cairn.lti;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;

/**
 * Access tokens for the LTI Advantage services (roster, line items, scores): OAuth 2 client
 * credentials with a JWT assertion signed by Cairn's key (1EdTech Security Framework §4.1).
 * Tokens are cached per platform and scope set until shortly before they expire: asking for one
 * per call gets a tool throttled.
 */
@Component
class PlatformAccessTokens {

    private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private final ToolKeys toolKeys;
    private final Clock clock;
    private final Duration timeout;
    private final HttpClient http;
    private final Map<String, Token> cache = new ConcurrentHashMap<>();

    private record Token(String value, Instant renewAt) {
    }

    /** The platform refused or garbled the token request; the message says how, for the teacher. */
    static final class TokenException extends Exception {
        TokenException(String message) {
            super(message);
        }
    }

    PlatformAccessTokens(ToolKeys toolKeys, Clock clock, @Value("${cairn.lti.http-timeout}") Duration timeout) {
        this.toolKeys = toolKeys;
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** A bearer token for these scopes, from the cache or freshly requested. */
    String token(Platform platform, Set<String> scopes) throws TokenException {
        String key = platform.id() + " " + String.join(" ", new TreeSet<>(scopes));
        Token cached = cache.get(key);
        if (cached != null && clock.instant().isBefore(cached.renewAt())) {
            return cached.value();
        }
        Token fresh = request(platform, new TreeSet<>(scopes));
        cache.put(key, fresh);
        return fresh.value();
    }

    /** Forgets a token the platform no longer accepts (a 401), so the next call asks anew. */
    void invalidate(Platform platform, Set<String> scopes) {
        cache.remove(platform.id() + " " + String.join(" ", new TreeSet<>(scopes)));
    }

    private Token request(Platform platform, Set<String> scopes) throws TokenException {
        String form = "grant_type=client_credentials"
                + "&client_assertion_type=" + encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                + "&client_assertion=" + encode(assertion(platform))
                + "&scope=" + encode(String.join(" ", scopes));
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(platform.authTokenUrl())).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new TokenException("token endpoint " + platform.authTokenUrl() + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException("interrupted while asking for a token");
        }
        if (response.body().length > MAX_RESPONSE_BYTES) {
            throw new TokenException("token endpoint answered with more than " + MAX_RESPONSE_BYTES + " bytes");
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() != 200) {
            throw new TokenException("token endpoint answered HTTP " + response.statusCode() + ": " + abbreviate(body));
        }
        try {
            Map<String, Object> json = JSONObjectUtils.parse(body);
            String accessToken = JSONObjectUtils.getString(json, "access_token");
            if (accessToken == null || accessToken.isBlank()) {
                throw new TokenException("token endpoint answered without access_token");
            }
            Number expiresIn = json.get("expires_in") instanceof Number n ? n : 3600;
            Instant renewAt = clock.instant().plusSeconds(expiresIn.longValue()).minus(RENEW_BEFORE_EXPIRY);
            return new Token(accessToken, renewAt);
        } catch (java.text.ParseException e) {
            throw new TokenException("token endpoint answered with JSON Cairn cannot read: " + e.getMessage());
        }
    }

    /** iss = sub = client_id, aud = the exact token URL (Canvas insists), a fresh jti each time. */
    private String assertion(Platform platform) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(platform.clientId()).subject(platform.clientId()).audience(platform.authTokenUrl())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                .jwtID(UUID.randomUUID().toString()).build();
        return toolKeys.sign(claims);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
