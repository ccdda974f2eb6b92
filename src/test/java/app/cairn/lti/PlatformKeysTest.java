package app.cairn.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.cairn.testing.FakeLms;

/**
 * The platform key cache against a real JWKS endpoint over loopback HTTP, with a clock the test
 * moves: deadlines, one fetch for many waiting launches, the pause after a failure, and keys that
 * stay usable while a refresh fails.
 */
class PlatformKeysTest {

    private static final Duration TTL = Duration.ofHours(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(10);
    private static final Duration MAX_STALE = Duration.ofHours(24);

    private final MovableClock clock = new MovableClock();
    private final List<FakeLms> lmss = new ArrayList<>();
    private PlatformKeys keys;

    @BeforeEach
    void setUp() {
        keys = new PlatformKeys(clock, TTL, TIMEOUT, RETRY_AFTER_FAILURE, MAX_STALE);
    }

    @AfterEach
    void tearDown() {
        lmss.forEach(FakeLms::close);
    }

    @Test
    void keys_are_fetched_once_and_then_served_from_the_cache() throws Exception {
        FakeLms lms = lms();
        Platform platform = platform(1, lms);

        assertThat(keys.find(platform, lms.kid())).isPresent();
        assertThat(keys.find(platform, lms.kid())).isPresent();
        assertThat(lms.jwksRequests()).isEqualTo(1);
    }

    @Test
    void a_refresh_that_fails_keeps_the_earlier_keys_in_use() throws Exception {
        FakeLms lms = lms();
        Platform platform = platform(1, lms);
        assertThat(keys.find(platform, lms.kid())).isPresent();

        lms.setJwksDown(true);
        clock.advance(TTL.plusMinutes(1));
        assertThat(keys.find(platform, lms.kid())).as("stale while error").isPresent();
        assertThat(lms.jwksRequests()).isEqualTo(2);
        assertThat(keys.find(platform, lms.kid())).isPresent();
        assertThat(lms.jwksRequests()).as("not asked again straight after a failure").isEqualTo(2);

        clock.advance(RETRY_AFTER_FAILURE.plusSeconds(1));
        lms.setJwksDown(false);
        assertThat(keys.find(platform, lms.kid())).isPresent();
        assertThat(lms.jwksRequests()).as("asked again once the pause is over, and refreshed").isEqualTo(3);
        assertThat(keys.find(platform, lms.kid())).isPresent();
        assertThat(lms.jwksRequests()).isEqualTo(3);
    }

    @Test
    void keys_too_long_past_their_ttl_are_not_used_when_the_platform_is_down() throws Exception {
        FakeLms lms = lms();
        Platform platform = platform(1, lms);
        assertThat(keys.find(platform, lms.kid())).isPresent();

        lms.setJwksDown(true);
        clock.advance(TTL.plus(MAX_STALE).plusMinutes(1));
        assertThatThrownBy(() -> keys.find(platform, lms.kid())).isInstanceOf(PlatformKeys.UnavailableException.class)
                .hasMessageContaining("503");
    }

    @Test
    void a_platform_that_is_down_is_not_asked_again_for_a_while() throws Exception {
        FakeLms lms = lms();
        lms.setJwksDown(true);
        Platform platform = platform(1, lms);

        assertThatThrownBy(() -> keys.find(platform, lms.kid())).isInstanceOf(PlatformKeys.UnavailableException.class);
        assertThatThrownBy(() -> keys.find(platform, lms.kid())).isInstanceOf(PlatformKeys.UnavailableException.class)
                .hasMessageContaining("not asked again");
        assertThat(lms.jwksRequests()).isEqualTo(1);

        lms.setJwksDown(false);
        clock.advance(RETRY_AFTER_FAILURE.plusSeconds(1));
        assertThat(keys.find(platform, lms.kid())).isPresent();
        assertThat(lms.jwksRequests()).isEqualTo(2);
    }

    @Test
    void a_moved_key_set_is_fetched_from_its_new_address() throws Exception {
        FakeLms before = lms();
        FakeLms after = lms();
        assertThat(keys.find(platform(1, before), before.kid())).isPresent();

        Platform moved = new Platform(1, "LMS", before.issuer(), FakeLms.CLIENT_ID, before.issuer() + "/auth",
                before.issuer() + "/token", after.issuer() + "/jwks");
        assertThat(keys.find(moved, after.kid())).isPresent();
        assertThat(after.jwksRequests()).isEqualTo(1);
    }

    @Test
    void a_burst_of_launches_for_a_silent_platform_makes_one_request_and_fails_within_the_deadline() throws Exception {
        FakeLms silent = lms();
        silent.setJwksDelay(Duration.ofMinutes(1));
        FakeLms healthy = lms();
        Platform stuck = platform(1, silent);
        Platform fine = platform(2, healthy);

        int burst = 12;
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService launches = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> refused = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                refused.add(launches.submit(() -> {
                    start.await();
                    long t0 = System.nanoTime();
                    assertThatThrownBy(() -> keys.find(stuck, silent.kid()))
                            .isInstanceOf(PlatformKeys.UnavailableException.class);
                    return (System.nanoTime() - t0) / 1_000_000;
                }));
            }
            start.countDown();
            // Meanwhile another platform's launch is not held up by the silent one.
            long t0 = System.nanoTime();
            assertThat(keys.find(fine, healthy.kid())).isPresent();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(TIMEOUT);
            for (Future<Long> millis : refused) {
                assertThat(millis.get()).as("refused within the deadline (plus scheduling)")
                        .isLessThan(TIMEOUT.toMillis() + 1500);
            }
        }
        assertThat(silent.jwksRequests()).as("one fetch shared by the whole burst").isEqualTo(1);

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> keys.find(stuck, silent.kid())).isInstanceOf(PlatformKeys.UnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("fails at once after a failure").isLessThan(Duration.ofMillis(200));
        assertThat(silent.jwksRequests()).isEqualTo(1);
    }

    private FakeLms lms() {
        FakeLms lms = FakeLms.start("http://127.0.0.1:9");
        lmss.add(lms);
        return lms;
    }

    private static Platform platform(long id, FakeLms lms) {
        return new Platform(id, "LMS " + id, lms.issuer(), FakeLms.CLIENT_ID, lms.issuer() + "/auth",
                lms.issuer() + "/token", lms.issuer() + "/jwks");
    }

    /** A clock that only moves when the test says so. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-23T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
