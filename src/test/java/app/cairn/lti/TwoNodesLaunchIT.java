package app.cairn.lti;

import static cairn.schema.Tables.LTI_LOGIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import app.cairn.testing.CairnSpringTest;
import app.cairn.testing.FakeLms;
import app.cairn.testing.LtiBrowser;
import app.cairn.testing.SecondNode;

/**
 * Two Cairn nodes over one database, as behind a load balancer: a launch may start on one node
 * and finish on the other, a nonce is used once across both, both publish and sign with the same
 * keys, and a platform registered on one node launches on the other straight away.
 */
@CairnSpringTest
class TwoNodesLaunchIT {

    private static FakeLms lms;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    PlatformRegistry platforms;
    @Autowired
    ToolKeys toolKeys;
    @Autowired
    LoginStore logins;
    @Autowired
    DSLContext db;

    private SecondNode b;
    private String a;

    @BeforeEach
    void setUp() {
        b = SecondNode.beside(context);
        a = "http://localhost:" + port;
        if (lms == null) {
            lms = FakeLms.start(a);
        }
        platforms.register(lms.registration());
    }

    @AfterAll
    static void stopLms() {
        if (lms != null) {
            lms.close();
            lms = null;
        }
    }

    @Test
    void a_launch_that_logs_in_on_one_node_finishes_on_the_other() {
        LtiBrowser browser = new LtiBrowser(a);
        LtiBrowser.PlatformForm form = browser.authorizeAtPlatform(browser.login(lms, "teacher-1"));

        LtiBrowser.Response launched = browser.post(b.baseUrl() + "/lti/launch", form.fields());
        assertThat(launched.status()).as(launched.body()).isEqualTo(303);
        assertThat(launched.location()).isEqualTo("/teacher");
        assertThat(launched.startsSession()).isTrue();
        assertThat(browser.get(b.baseUrl() + "/teacher").status()).as("the session lives on the node that made it")
                .isEqualTo(200);
    }

    @Test
    void a_nonce_used_on_one_node_is_refused_on_the_other() {
        LtiBrowser browser = new LtiBrowser(a);
        LtiBrowser.PlatformForm form = browser.authorizeAtPlatform(browser.login(lms, "student-1"));
        assertThat(browser.post(b.baseUrl() + "/lti/launch", form.fields()).status()).isEqualTo(303);

        LtiBrowser.Response replayed = browser.post(a + "/lti/launch", form.fields());
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.body()).contains(Refusal.REPLAYED_NONCE.name());
        assertThat(replayed.startsSession()).isFalse();
    }

    @Test
    void the_same_launch_posted_to_both_nodes_at_once_gets_in_once() throws Exception {
        for (int round = 0; round < 3; round++) {
            LtiBrowser first = new LtiBrowser(a);
            LtiBrowser.PlatformForm form = first.authorizeAtPlatform(first.login(lms, "student-1"));
            LtiBrowser second = new LtiBrowser(a);
            first.cookies().forEach(second::setCookie);

            CountDownLatch go = new CountDownLatch(1);
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                Future<LtiBrowser.Response> onA = pool.submit(() -> {
                    go.await();
                    return first.post(a + "/lti/launch", form.fields());
                });
                Future<LtiBrowser.Response> onB = pool.submit(() -> {
                    go.await();
                    return second.post(b.baseUrl() + "/lti/launch", form.fields());
                });
                go.countDown();
                List<Integer> statuses = new ArrayList<>(List.of(onA.get().status(), onB.get().status()));
                assertThat(statuses).containsExactlyInAnyOrder(303, 401);
            }
        }
    }

    @Test
    void both_nodes_publish_the_same_keys_and_sign_with_the_same_one() {
        LtiBrowser client = new LtiBrowser(a);
        LtiBrowser.Response onA = client.get(a + "/lti/jwks");
        LtiBrowser.Response onB = client.get(b.baseUrl() + "/lti/jwks");

        assertThat(onA.status()).isEqualTo(200);
        assertThat(onB.body()).isEqualTo(onA.body());
        assertThat(b.bean(ToolKeys.class).signingKey().getKeyID()).isEqualTo(toolKeys.signingKey().getKeyID());
    }

    @Test
    void a_platform_registered_on_one_node_launches_on_the_other_straight_away() {
        // B has its registrations in memory already.
        assertThat(new LtiBrowser(b.baseUrl()).get("/lti/login?iss=x&login_hint=y&target_link_uri=z").status()).isEqualTo(400);
        try (FakeLms newcomer = FakeLms.start(b.baseUrl())) {
            platforms.register(newcomer.registration());

            LtiBrowser browser = new LtiBrowser(b.baseUrl());
            assertThat(browser.launch(newcomer, "teacher-1").status()).isEqualTo(303);
        }
    }

    @Test
    void a_changed_registration_reaches_the_other_node_within_seconds() {
        try (FakeLms moving = FakeLms.start(b.baseUrl())) {
            platforms.register(moving.registration());
            LtiBrowser browser = new LtiBrowser(b.baseUrl());
            assertThat(browser.login(moving, "student-1").response().location()).startsWith(moving.issuer() + "/auth?");

            var registration = moving.registration();
            String newAuthUrl = moving.issuer() + "/auth?tenant=2";
            platforms.register(new PlatformRegistration(registration.name(), registration.issuer(), registration.clientId(),
                    newAuthUrl, registration.authTokenUrl(), registration.jwksUrl(), registration.deploymentIds()));

            // Well under the one-minute full reload: B checks the tables' version every few seconds.
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            String location;
            do {
                location = browser.login(moving, "student-1").response().location();
            } while (!location.startsWith(newAuthUrl) && System.nanoTime() < deadline && pause());
            assertThat(location).startsWith(newAuthUrl + "&");
        }
    }

    @Test
    void both_nodes_purging_old_logins_at_once_do_not_trip_over_each_other() throws Exception {
        List<String> states = new ArrayList<>();
        long platformId = platforms.findByIssuer(lms.issuer()).getFirst().id();
        for (int i = 0; i < 20; i++) {
            states.add(logins.begin(platformId, lms.launchUrl(), "student-1", null, null).state());
        }
        db.update(LTI_LOGIN).set(LTI_LOGIN.EXPIRES_AT, LocalDateTime.now(ZoneOffset.UTC).minusDays(2))
                .where(LTI_LOGIN.STATE.in(states)).execute();

        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<?> onA = pool.submit(() -> {
                go.await();
                logins.purgeExpired();
                return null;
            });
            Future<?> onB = pool.submit(() -> {
                go.await();
                b.bean(LoginStore.class).purgeExpired();
                return null;
            });
            go.countDown();
            onA.get();
            onB.get();
        }
        assertThat(db.fetchCount(LTI_LOGIN, LTI_LOGIN.STATE.in(states))).isZero();
    }

    private static boolean pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
