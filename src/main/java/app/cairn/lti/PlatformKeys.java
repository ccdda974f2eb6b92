package app.cairn.lti;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * The platforms' public keys, fetched from their JWKS URLs over HTTP and cached. An unknown
 * {@code kid} triggers one refetch (platforms rotate keys), at most every few seconds per platform
 * so forged tokens with random kids cannot make Cairn hammer an LMS.
 *
 * <p>A slow or dead LMS must not hold up launches, its own or other platforms': each fetch has a
 * hard deadline ({@code jwks-timeout}); launches of one platform that arrive while its fetch runs
 * wait for that one fetch instead of starting their own; after a failure the platform is not asked
 * again for {@code jwks-retry-after-failure} (launches fail at once meanwhile); and keys fetched
 * earlier stay in use when a refresh fails, for at most {@code jwks-max-stale} past their TTL.
 */
@Component
class PlatformKeys {

    private static final Logger log = LoggerFactory.getLogger(PlatformKeys.class);
    private static final int MAX_JWKS_BYTES = 512 * 1024;
    private static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(5);

    private final HttpClient http;
    private final Clock clock;
    private final Duration ttl;
    private final Duration timeout;
    private final Duration retryAfterFailure;
    private final Duration maxStale;
    private final Map<Long, State> states = new ConcurrentHashMap<>();

    private record Cached(String url, JWKSet keys, Instant fetchedAt) {
    }

    private record Failure(String url, String reason, Instant at) {
    }

    /** One platform's keys: the last good set, the last failed fetch, and the fetch under way. */
    private static final class State {
        volatile @Nullable Cached good;
        volatile @Nullable Failure failure;
        private @Nullable CompletableFuture<Cached> inFlight;
    }

    /** The platform's JWKS could not be fetched or read. */
    static final class UnavailableException extends Exception {
        UnavailableException(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    PlatformKeys(Clock clock, @Value("${cairn.lti.jwks-ttl}") Duration ttl,
                 @Value("${cairn.lti.jwks-timeout:3s}") Duration timeout,
                 @Value("${cairn.lti.jwks-retry-after-failure:10s}") Duration retryAfterFailure,
                 @Value("${cairn.lti.jwks-max-stale:24h}") Duration maxStale) {
        this.clock = clock;
        this.ttl = ttl;
        this.timeout = timeout;
        this.retryAfterFailure = retryAfterFailure;
        this.maxStale = maxStale;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    Optional<JWK> find(Platform platform, String kid) throws UnavailableException {
        Instant now = clock.instant();
        State state = states.computeIfAbsent(platform.id(), id -> new State());
        Cached cached = state.good;
        if (cached != null && !cached.url().equals(platform.jwksUrl())) {
            cached = null; // the registration moved its key set: the old keys prove nothing
        }
        if (cached == null || cached.fetchedAt().plus(ttl).isBefore(now)) {
            try {
                cached = refresh(state, platform);
            } catch (UnavailableException e) {
                if (cached == null || cached.fetchedAt().plus(ttl).plus(maxStale).isBefore(now)) {
                    throw e;
                }
                // Stale while error: the keys were good an hour ago; a passing LMS hiccup must not lock everyone out.
                log.debug("Using keys of platform {} fetched at {}: {}", platform.id(), cached.fetchedAt(), e.getMessage());
            }
        }
        JWK key = cached.keys().getKeyByKeyId(kid);
        if (key == null && cached.fetchedAt().plus(MIN_REFETCH_INTERVAL).isBefore(now)) {
            key = refresh(state, platform).keys().getKeyByKeyId(kid);
        }
        return Optional.ofNullable(key);
    }

    /**
     * Fetches the platform's keys, or joins the fetch already under way; fails at once while a
     * recent failure stands.
     */
    private Cached refresh(State state, Platform platform) throws UnavailableException {
        CompletableFuture<Cached> fetch;
        boolean mine = false;
        synchronized (state) {
            if (state.inFlight == null) {
                // Checked under the lock, so a launch that arrives as a fetch fails does not start another.
                Failure failure = state.failure;
                if (failure != null && failure.url().equals(platform.jwksUrl())
                        && failure.at().plus(retryAfterFailure).isAfter(clock.instant())) {
                    throw new UnavailableException("JWKS at " + failure.url() + " failed at " + failure.at()
                            + ", not asked again before " + failure.at().plus(retryAfterFailure) + ": " + failure.reason(), null);
                }
                state.inFlight = new CompletableFuture<>();
                mine = true;
            }
            fetch = state.inFlight;
        }
        if (mine) {
            try {
                Cached fetched = fetch(platform);
                state.good = fetched;
                state.failure = null;
                fetch.complete(fetched);
            } catch (UnavailableException e) {
                state.failure = new Failure(platform.jwksUrl(), e.getMessage(), clock.instant());
                log.warn("Platform {} keys unavailable; launches from it are refused for {} unless earlier keys "
                        + "are still usable: {}", platform.id(), retryAfterFailure, e.getMessage());
                fetch.completeExceptionally(e);
            } finally {
                synchronized (state) {
                    state.inFlight = null;
                }
            }
        }
        try {
            // The fetch has its own deadline; the margin only covers scheduling on a busy machine.
            return fetch.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnavailableException unavailable) {
                throw unavailable;
            }
            throw new UnavailableException("JWKS fetch failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new UnavailableException("JWKS at " + platform.jwksUrl() + " did not answer within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("Interrupted while fetching JWKS", e);
        }
    }

    private Cached fetch(Platform platform) throws UnavailableException {
        CompletableFuture<HttpResponse<byte[]>> call = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(platform.jwksUrl()))
                    .timeout(timeout).header("Accept", "application/json").GET().build();
            // The request timeout ends at the response headers; this deadline also covers a body that trickles.
            call = http.sendAsync(request, PlatformKeys::limitedBody);
            HttpResponse<byte[]> response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                throw new UnavailableException("JWKS answered HTTP " + response.statusCode(), null);
            }
            if (response.body().length > MAX_JWKS_BYTES) {
                throw new UnavailableException("JWKS larger than " + MAX_JWKS_BYTES + " bytes", null);
            }
            return new Cached(platform.jwksUrl(),
                    JWKSet.parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)), clock.instant());
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new UnavailableException("JWKS at " + platform.jwksUrl() + " did not answer within " + timeout, e);
        } catch (ExecutionException e) {
            throw new UnavailableException("JWKS at " + platform.jwksUrl() + " unusable: " + e.getCause(), e.getCause());
        } catch (ParseException | IllegalArgumentException e) {
            throw new UnavailableException("JWKS at " + platform.jwksUrl() + " unusable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            if (call != null) {
                call.cancel(true);
            }
            Thread.currentThread().interrupt();
            throw new UnavailableException("Interrupted while fetching JWKS", e);
        }
    }

    /** Does not read a body that announces itself as too large. */
    private static HttpResponse.BodySubscriber<byte[]> limitedBody(HttpResponse.ResponseInfo info) {
        long length = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return length > MAX_JWKS_BYTES ? HttpResponse.BodySubscribers.replacing(new byte[MAX_JWKS_BYTES + 1])
                : HttpResponse.BodySubscribers.ofByteArray();
    }
}
