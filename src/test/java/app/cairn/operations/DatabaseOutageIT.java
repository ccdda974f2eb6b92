package app.cairn.operations;

import static cairn.schema.Tables.PERSON;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;

import app.cairn.course.CourseDirectory;
import app.cairn.gradebook.Gradebook;
import app.cairn.lti.PlatformRegistry;
import app.cairn.operations.ui.TryAgainErrorView;
import app.cairn.shared.DatabaseUnavailable;
import app.cairn.shared.Viewer;
import app.cairn.testing.CairnSpringTest;
import app.cairn.testing.FakeLms;
import app.cairn.testing.LtiBrowser;
import app.cairn.testing.SecondNode;
import app.cairn.testing.TestLaunch;

/**
 * The database goes away from a node and comes back: launches get a clear 503 page in the
 * person's language, views and actions say to try again in a moment, the readiness probe turns
 * DOWN and back UP, nothing is half written, and the node recovers without a restart. The outage
 * is made by cutting the second node's TCP proxy to MariaDB; the test context's own connection,
 * straight to MariaDB, shows what was really stored.
 */
@CairnSpringTest
class DatabaseOutageIT {

    private static final Duration AWAIT = Duration.ofSeconds(60);
    private static FakeLms lms;

    @Autowired
    ApplicationContext context;
    @Autowired
    PlatformRegistry platforms;
    @Autowired
    DSLContext db;
    @Autowired
    MessageSource messages;

    private SecondNode b;
    private long platformId;

    @BeforeEach
    void setUp() {
        b = SecondNode.beside(context);
        if (lms == null) {
            lms = FakeLms.start(b.baseUrl());
        }
        platformId = platforms.register(lms.registration());
        awaitReadiness(200);
    }

    @AfterEach
    void endOutage() {
        b.database().restore();
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
        // The next test, in this class or another, needs the second node healthy again.
        awaitReadiness(200);
    }

    @AfterAll
    static void stopLms() {
        if (lms != null) {
            lms.close();
            lms = null;
        }
    }

    @Test
    void launches_during_an_outage_get_a_clear_503_page_and_work_again_afterwards_without_a_restart() throws Exception {
        LtiBrowser browser = new LtiBrowser(b.baseUrl());
        LtiBrowser.PlatformForm form = browser.authorizeAtPlatform(browser.login(lms, "student-1"));

        b.database().cut();
        long t0 = System.nanoTime();
        LtiBrowser.Response refused = browser.submit(form);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().get("retry-after")).containsExactly("10");
        assertThat(refused.body()).contains("DATABASE_UNAVAILABLE",
                html("lti.refusal.database_unavailable", Locale.ENGLISH),
                html("lti.refusal.database_unavailable.todo", Locale.ENGLISH));
        assertThat(refused.startsSession()).isFalse();
        assertThat(took).as("the pool gives up after its connection timeout").isLessThan(Duration.ofSeconds(10));

        HttpResponse<String> spanish = getInSpanish(b.baseUrl() + "/lti/login?iss=" + encode(lms.issuer())
                + "&login_hint=student-1&target_link_uri=" + encode(lms.launchUrl()) + "&client_id=" + FakeLms.CLIENT_ID);
        assertThat(spanish.statusCode()).isEqualTo(503);
        assertThat(spanish.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(spanish.body()).contains(html("lti.refusal.database_unavailable", Locale.of("es")),
                html("lti.refusal.database_unavailable.todo", Locale.of("es")));

        awaitReadiness(503);
        Duration notReady = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(db.fetchCount(PERSON, PERSON.PLATFORM_ID.eq(platformId))).as("the refused launch stored no one").isZero();

        b.database().restore();
        long t1 = System.nanoTime();
        awaitReadiness(200);
        // For docs/benchmarks.md: how fast the node notices and recovers on this machine.
        System.out.printf("Outage: launch refused after %d ms, readiness DOWN within %d ms, UP %d ms after the database came back%n",
                took.toMillis(), notReady.toMillis(), Duration.ofNanos(System.nanoTime() - t1).toMillis());
        LtiBrowser again = new LtiBrowser(b.baseUrl());
        LtiBrowser.Response launched = again.launch(lms, "student-1");
        assertThat(launched.status()).as(launched.body()).isEqualTo(303);
        assertThat(db.fetchCount(PERSON, PERSON.PLATFORM_ID.eq(platformId))).isEqualTo(1);
    }

    @Test
    void plain_endpoints_answer_503_with_retry_after_too() throws Exception {
        b.database().cut();
        HttpResponse<String> jwks = getInSpanish(b.baseUrl() + "/lti/jwks");

        assertThat(jwks.statusCode()).isEqualTo(503);
        assertThat(jwks.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(jwks.body()).contains(html("operations.database-unavailable.title", Locale.of("es")));
    }

    @Test
    void a_transaction_cut_off_midway_leaves_nothing_behind_and_no_lock_held() {
        String subject = "outage-" + UUID.randomUUID();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        long personId = db.insertInto(PERSON).set(PERSON.PLATFORM_ID, platformId).set(PERSON.SUBJECT, subject)
                .set(PERSON.DISPLAY_NAME, "Before").set(PERSON.CREATED_AT, now)
                .returningResult(PERSON.ID).fetchSingle().value1();
        DSLContext nodeB = b.bean(DSLContext.class);

        RuntimeException failure = catchRuntimeException(() -> b.bean(TransactionTemplate.class).executeWithoutResult(status -> {
            nodeB.update(PERSON).set(PERSON.DISPLAY_NAME, "Half written").where(PERSON.ID.eq(personId)).execute();
            b.database().cut();
            nodeB.update(PERSON).set(PERSON.EMAIL, "never@school.example").where(PERSON.ID.eq(personId)).execute();
        }));
        assertThat(DatabaseUnavailable.causedBy(failure)).as(String.valueOf(failure)).isTrue();

        // The server rolled the transaction back and freed its row lock: another node writes the row at once.
        assertThat(db.update(PERSON).set(PERSON.LOCALE, "es").where(PERSON.ID.eq(personId)).execute()).isEqualTo(1);
        var row = db.selectFrom(PERSON).where(PERSON.ID.eq(personId)).fetchSingle();
        assertThat(row.getDisplayName()).isEqualTo("Before");
        assertThat(row.getEmail()).isNull();
    }

    @Test
    void views_and_actions_say_to_try_again_in_a_moment_instead_of_failing() {
        Viewer teacher = new TestLaunch(b.bean(CourseDirectory.class), b.bean(PlatformRegistry.class))
                .teacherOf(TestLaunch.newCourse());
        startUiOnSecondNode(teacher);
        UI.getCurrent().navigate("teacher");

        b.database().cut();
        // A click whose listener needs the database: the session's error handler shows a notification.
        RuntimeException failure = catchRuntimeException(() -> b.bean(Gradebook.class).statusOfMyCourse());
        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(failure));
        List<Notification> notifications = NotificationsKt.getNotifications();
        assertThat(notifications).hasSize(1);
        assertThat(notifications.getFirst().getElement().getProperty("text"))
                .isEqualTo(message("operations.database-unavailable.notification", Locale.ENGLISH));

        // Opening a view that needs the database: the try-again page, not an error. (Read without
        // Karibu's locator, which fails any lookup while an InternalServerError view is shown.)
        UI.getCurrent().navigate("gradebook");
        assertThat(tryAgainMessage()).isEqualTo(message("operations.database-unavailable.message", Locale.ENGLISH));

        b.database().restore();
        awaitReadiness(200);
        UI.getCurrent().navigate("teacher");
        UI.getCurrent().navigate("gradebook");
        assertThat(tryAgainMessage()).isNull();
        assertThat(_get(Button.class, spec -> spec.withId("gradebook-refresh"))).isNotNull();
    }

    /** The text of the try-again view's message, or null when that view is not shown. */
    private static String tryAgainMessage() {
        return UI.getCurrent().getChildren().filter(TryAgainErrorView.class::isInstance).findFirst()
                .flatMap(view -> view.getChildren().filter(child -> child.getId().orElse("").equals("database-unavailable-message"))
                        .findFirst())
                .map(paragraph -> ((Paragraph) paragraph).getText()).orElse(null);
    }

    // ------------------------------------------------------------------------------------------

    /** A mocked Vaadin UI on the second node for this viewer, as KaribuTest makes on the test context. */
    private void startUiOnSecondNode(Viewer viewer) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        MockVaadin.tearDown();
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session);
            request.setUserPrincipalInt(authentication);
            request.setUserInRole((principal, role) -> viewer.role().name().equals(role));
            return request;
        });
        MockVaadin.setup(UI::new, new MockSpringServlet(new Routes().autoDiscoverViews("app.cairn"), b.context(), UI::new));
    }

    /** Polls the second node's readiness probe until it answers {@code status}. */
    private void awaitReadiness(int status) {
        LtiBrowser probe = new LtiBrowser(b.baseUrl());
        await("readiness " + status, () -> probe.get("/actuator/health/readiness").status() == status);
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + AWAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not reached within " + AWAIT + ": " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static HttpResponse<String> getInSpanish(String url) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "es").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private String html(String key, Locale locale) {
        return HtmlUtils.htmlEscape(message(key, locale));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
