package app.cairn.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

import app.cairn.testing.CairnSpringTest;
import app.cairn.testing.FakeLms;
import app.cairn.testing.LtiBrowser;

/**
 * An LMS whose key set hangs: its launches are refused with a clear page within about the JWKS
 * deadline, a class launching at once makes one request to it, and another LMS's people launch
 * as quickly as ever in the meantime.
 */
@CairnSpringTest
class SlowPlatformKeysIT {

    @LocalServerPort
    int port;
    @Autowired
    PlatformRegistry platforms;
    @Autowired
    MessageSource messages;
    @Value("${cairn.lti.jwks-timeout}")
    Duration jwksTimeout;

    @Test
    void launches_from_an_lms_whose_keys_hang_fail_fast_and_other_lmss_are_not_held_up() throws Exception {
        String cairn = "http://localhost:" + port;
        try (FakeLms slow = FakeLms.start(cairn); FakeLms healthy = FakeLms.start(cairn)) {
            platforms.register(slow.registration());
            platforms.register(healthy.registration());
            slow.setJwksDelay(Duration.ofMinutes(2));

            // A class of the slow LMS: each has done the login and holds the LMS's form.
            int classSize = 8;
            List<LtiBrowser> browsers = new ArrayList<>();
            List<LtiBrowser.PlatformForm> forms = new ArrayList<>();
            for (int i = 0; i < classSize; i++) {
                LtiBrowser browser = new LtiBrowser(cairn);
                forms.add(browser.authorizeAtPlatform(browser.login(slow, "student-1")));
                browsers.add(browser);
            }
            LtiBrowser other = new LtiBrowser(cairn);
            LtiBrowser.PlatformForm otherForm = other.authorizeAtPlatform(other.login(healthy, "teacher-1"));

            CountDownLatch go = new CountDownLatch(1);
            Duration slowest = Duration.ZERO;
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Timed>> refused = new ArrayList<>();
                for (int i = 0; i < classSize; i++) {
                    LtiBrowser browser = browsers.get(i);
                    LtiBrowser.PlatformForm form = forms.get(i);
                    refused.add(pool.submit(() -> {
                        go.await();
                        return Timed.of(() -> browser.submit(form));
                    }));
                }
                go.countDown();
                // Give the class's launches a head start, so that they are waiting on the slow LMS.
                Thread.sleep(300);
                Timed fine = Timed.of(() -> other.submit(otherForm));
                assertThat(fine.response().status()).as(fine.response().body()).isEqualTo(303);
                assertThat(fine.elapsed()).as("another LMS's launch does not wait for the slow one").isLessThan(jwksTimeout);

                for (Future<Timed> future : refused) {
                    Timed launch = future.get();
                    assertThat(launch.response().status()).isEqualTo(502);
                    assertThat(launch.response().body()).contains(Refusal.PLATFORM_KEYS_UNAVAILABLE.name(),
                            HtmlUtils.htmlEscape(messages.getMessage(Refusal.PLATFORM_KEYS_UNAVAILABLE.messageKey(), null,
                                    Locale.ENGLISH)));
                    assertThat(launch.elapsed()).as("refused within about the JWKS deadline")
                            .isLessThan(jwksTimeout.plusSeconds(3));
                    slowest = launch.elapsed().compareTo(slowest) > 0 ? launch.elapsed() : slowest;
                }
                // For docs/benchmarks.md.
                System.out.printf("Slow JWKS: %d launches refused, the slowest after %d ms; the other LMS's launch took %d ms%n",
                        classSize, slowest.toMillis(), fine.elapsed().toMillis());
            }
            assertThat(slow.jwksRequests()).as("the whole class waited on one request").isEqualTo(1);

            // Straight after, the next launch is refused at once, without asking the LMS again.
            LtiBrowser late = new LtiBrowser(cairn);
            LtiBrowser.PlatformForm lateForm = late.authorizeAtPlatform(late.login(slow, "student-1"));
            Timed again = Timed.of(() -> late.submit(lateForm));
            assertThat(again.response().status()).isEqualTo(502);
            assertThat(again.elapsed()).isLessThan(Duration.ofSeconds(1));
            System.out.printf("Slow JWKS: the next launch was refused after %d ms without asking the LMS%n",
                    again.elapsed().toMillis());
            assertThat(slow.jwksRequests()).isEqualTo(1);
        }
    }

    private record Timed(LtiBrowser.Response response, Duration elapsed) {
        static Timed of(java.util.function.Supplier<LtiBrowser.Response> call) {
            long t0 = System.nanoTime();
            LtiBrowser.Response response = call.get();
            return new Timed(response, Duration.ofNanos(System.nanoTime() - t0));
        }
    }
}
