package app.cairn.lti;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * The platforms' public keys, fetched from their JWKS URLs over HTTP and cached. An unknown
 * {@code kid} triggers one refetch (platforms rotate keys), at most every few seconds per platform
 * so forged tokens with random kids cannot make Cairn hammer an LMS.
 */
@Component
class PlatformKeys {

    private static final int MAX_JWKS_BYTES = 512 * 1024;
    private static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(5);

    private final HttpClient http;
    private final Clock clock;
    private final Duration ttl;
    private final Duration timeout;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(JWKSet keys, Instant fetchedAt) {
    }

    /** The platform's JWKS could not be fetched or read. */
    static final class UnavailableException extends Exception {
        UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    PlatformKeys(Clock clock, @Value("${cairn.lti.jwks-ttl}") Duration ttl,
                 @Value("${cairn.lti.http-timeout}") Duration timeout) {
        this.clock = clock;
        this.ttl = ttl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    Optional<JWK> find(Platform platform, String kid) throws UnavailableException {
        Instant now = clock.instant();
        Cached cached = cache.get(platform.id());
        if (cached == null || cached.fetchedAt().plus(ttl).isBefore(now)) {
            cached = fetch(platform);
        }
        JWK key = cached.keys().getKeyByKeyId(kid);
        if (key == null && cached.fetchedAt().plus(MIN_REFETCH_INTERVAL).isBefore(now)) {
            key = fetch(platform).keys().getKeyByKeyId(kid);
        }
        return Optional.ofNullable(key);
    }

    private Cached fetch(Platform platform) throws UnavailableException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(platform.jwksUrl()))
                    .timeout(timeout).header("Accept", "application/json").GET().build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new UnavailableException("JWKS answered HTTP " + response.statusCode(), null);
            }
            if (response.body().length > MAX_JWKS_BYTES) {
                throw new UnavailableException("JWKS larger than " + MAX_JWKS_BYTES + " bytes", null);
            }
            Cached cached = new Cached(JWKSet.parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)),
                    clock.instant());
            cache.put(platform.id(), cached);
            return cached;
        } catch (IOException | ParseException | IllegalArgumentException e) {
            throw new UnavailableException("JWKS at " + platform.jwksUrl() + " unusable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("Interrupted while fetching JWKS", e);
        }
    }
}
