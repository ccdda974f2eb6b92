package app.cairn.lti;

import static cairn.schema.Tables.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.cairn.testing.CairnSpringTest;
import app.cairn.testing.FakeLms;
import app.cairn.testing.LtiBrowser;

/** LTI Dynamic Registration against the fake LMS's OpenID configuration and registration endpoint. */
@CairnSpringTest
class DynamicRegistrationIT {

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;
    @Autowired
    PlatformRegistry platforms;

    private FakeLms lms;
    private LtiBrowser browser;

    @BeforeEach
    void setUp() {
        lms = FakeLms.start("http://localhost:" + port);
        browser = new LtiBrowser("http://localhost:" + port);
    }

    @AfterEach
    void tearDown() {
        lms.close();
    }

    @Test
    void registration_posts_cairns_configuration_stores_the_platform_and_closes_the_lms_dialog() {
        LtiBrowser.Response page = browser.get("/lti/register?openid_configuration="
                + lms.issuer() + "/.well-known/openid-configuration&registration_token=reg-token-1");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("org.imsglobal.lti.close", "Manage tools", "pending");
        assertThat(lms.lastRegistrationToken()).isEqualTo("reg-token-1");
        Map<String, Object> sent = lms.lastToolRegistration();
        String base = "http://localhost:" + port;
        assertThat(sent).containsEntry("initiate_login_uri", base + "/lti/login")
                .containsEntry("jwks_uri", base + "/lti/jwks")
                .containsEntry("token_endpoint_auth_method", "private_key_jwt")
                .containsEntry("redirect_uris", List.of(base + "/lti/launch"));
        assertThat((String) sent.get("scope")).contains("contextmembership.readonly");
        assertThat(sent.get(DynamicRegistration.TOOL_CONFIGURATION).toString())
                .contains("LtiResourceLinkRequest", "LtiDeepLinkingRequest", "localhost:" + port);

        var platform = db.selectFrom(PLATFORM).where(PLATFORM.ISSUER.eq(lms.issuer())).fetchSingle();
        assertThat(platform.getClientId()).isEqualTo(lms.registeredClientId());
        assertThat(platform.getAuthLoginUrl()).isEqualTo(lms.issuer() + "/auth");
        assertThat(platforms.findDeployment(platform.getId(), "dyn-deployment-1")).isPresent();
    }

    @Test
    void a_configuration_url_that_does_not_answer_json_is_refused_and_nothing_is_stored() {
        int before = db.fetchCount(PLATFORM);

        LtiBrowser.Response page = browser.get("/lti/register?openid_configuration=" + lms.issuer() + "/auth");

        assertThat(page.status()).isIn(400, 502);
        assertThat(page.body()).contains("could not register", "Nothing was saved");
        assertThat(db.fetchCount(PLATFORM)).isEqualTo(before);
    }

    @Test
    void a_plain_http_configuration_outside_loopback_is_refused() {
        LtiBrowser.Response page = browser.get("/lti/register?openid_configuration=http://lms.example/.well-known/openid-configuration");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("not an https URL");
    }

    @Test
    void opening_the_registration_url_directly_explains_what_it_is_for() {
        LtiBrowser.Response page = browser.get("/lti/register");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("registration URL");
    }
}
