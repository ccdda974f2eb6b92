package app.cairn.lti;

import static cairn.schema.Tables.COURSE;
import static cairn.schema.Tables.ENROLLMENT;
import static cairn.schema.Tables.PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import app.cairn.testing.CairnSpringTest;
import app.cairn.testing.FakeLms;
import app.cairn.testing.LtiBrowser;
import app.cairn.testing.LtiBrowser.LoginRedirect;
import app.cairn.testing.LtiBrowser.Response;

/**
 * Full LTI 1.3 launches over loopback HTTP against a fake LMS with real RS256 keys: the accepted
 * variants, and one test per reason a launch is refused, each checking the status, the message
 * the person sees, and that no session and no rows were made.
 */
@CairnSpringTest
class LtiLaunchIT {

    private static FakeLms lms;

    @LocalServerPort
    int port;
    @Autowired
    PlatformRegistry platforms;
    @Autowired
    DSLContext db;
    @Autowired
    MessageSource messages;

    private LtiBrowser browser;
    private Map<String, Integer> rowsBefore;

    @AfterAll
    static void stopLms() {
        if (lms != null) {
            lms.close();
            lms = null;
        }
    }

    @BeforeEach
    void setUp() {
        if (lms == null) {
            lms = FakeLms.start("http://localhost:" + port);
        }
        platforms.register(lms.registration());
        lms.setJwksDown(false);
        browser = new LtiBrowser("http://localhost:" + port);
        rowsBefore = rowCounts();
    }

    // --- launches that must succeed -------------------------------------------------------

    @Test
    void teacher_launch_lands_on_teacher_home_with_a_partitioned_session() {
        Response response = browser.launch(lms, "teacher-1");

        assertThat(response.status()).isEqualTo(303);
        assertThat(response.location()).endsWith("/teacher");
        assertThat(response.setCookies()).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("Secure", "HttpOnly", "SameSite=None", "Partitioned"));
        assertThat(browser.get("/teacher").status()).isEqualTo(200);
        assertThat(enrollmentRole("teacher-1")).isEqualTo("TEACHER");
    }

    @Test
    void student_launch_lands_on_student_home() {
        Response response = browser.launch(lms, "student-1");

        assertThat(response.status()).isEqualTo(303);
        assertThat(response.location()).endsWith("/student");
        assertThat(enrollmentRole("student-1")).isEqualTo("STUDENT");
    }

    @Test
    void several_roles_make_a_teacher_when_one_of_them_teaches() {
        lms.addPerson(new FakeLms.Person("ta-1", List.of(FakeLms.LEARNER,
                "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant",
                "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student"), "Tara", null));

        Response response = browser.launch(lms, "ta-1");

        assertThat(response.location()).endsWith("/teacher");
        assertThat(enrollmentRole("ta-1")).isEqualTo("TEACHER");
    }

    @Test
    void short_role_names_are_understood() {
        lms.addPerson(new FakeLms.Person("short-student", List.of("Learner"), "Shorty", null));
        lms.addPerson(new FakeLms.Person("short-teacher", List.of("Instructor"), "Shorty T", null));

        assertThat(browser.launch(lms, "short-student").location()).endsWith("/student");
        assertThat(new LtiBrowser("http://localhost:" + port).launch(lms, "short-teacher").location())
                .endsWith("/teacher");
    }

    @Test
    void launch_without_name_or_email_works() {
        lms.addPerson(new FakeLms.Person("private-1", List.of(FakeLms.LEARNER), null, null));

        Response response = browser.launch(lms, "private-1");

        assertThat(response.status()).isEqualTo(303);
        var person = db.selectFrom(PERSON).where(PERSON.SUBJECT.eq("private-1")).fetchSingle();
        assertThat(person.getDisplayName()).isNull();
        assertThat(person.getEmail()).isNull();
        assertThat(browser.get("/student").status()).isEqualTo(200);
    }

    @Test
    void relaunch_updates_the_person_and_keeps_one_enrollment() {
        browser.launch(lms, "student-1");
        lms.addPerson(new FakeLms.Person("student-1", List.of(FakeLms.LEARNER), "Stu Renamed", null));
        new LtiBrowser("http://localhost:" + port).launch(lms, "student-1");

        // Other test classes' fake LMSs (other issuers) have a student-1 of their own.
        var person = db.selectFrom(PERSON).where(PERSON.SUBJECT.eq("student-1"), PERSON.PLATFORM_ID.in(
                db.select(cairn.schema.Tables.PLATFORM.ID).from(cairn.schema.Tables.PLATFORM)
                        .where(cairn.schema.Tables.PLATFORM.ISSUER.eq(lms.issuer())))).fetchSingle();
        assertThat(person.getDisplayName()).isEqualTo("Stu Renamed");
        assertThat(person.getEmail()).as("an email withheld later keeps the earlier one").isEqualTo("stu@school.example");
        assertThat(db.fetchCount(ENROLLMENT, ENROLLMENT.PERSON_ID.eq(person.getId()))).isEqualTo(1);
    }

    @Test
    void a_new_launch_replaces_the_session_of_an_earlier_one() {
        browser.launch(lms, "teacher-1");
        String first = browser.cookies().get("JSESSIONID");
        String courseBefore = lms.courseContextId();
        lms.useCourse("another-course-" + System.nanoTime());
        try {
            browser.launch(lms, "teacher-1");
        } finally {
            lms.useCourse(courseBefore);
        }

        assertThat(browser.cookies().get("JSESSIONID")).isNotNull().isNotEqualTo(first);
    }

    @Test
    void unknown_kid_refetches_the_platform_keys_once() {
        LoginRedirect login = browser.login(lms, "student-1");
        int before = lms.jwksRequests();

        Response response = browser.postLaunch(lms.signWithUnpublishedKey(claims(login), "rotated-away"), login.state());

        assertRefused(response, 401, Refusal.UNKNOWN_KID);
        assertThat(lms.jwksRequests() - before).isLessThanOrEqualTo(1);
    }

    // --- one test per refusal ------------------------------------------------------------

    @Test
    void token_without_kid_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        assertRefused(browser.postLaunch(lms.signWithUnpublishedKey(claims(login), null), login.state()),
                401, Refusal.MISSING_KID);
    }

    @Test
    void token_with_unknown_kid_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        assertRefused(browser.postLaunch(lms.signWithUnpublishedKey(claims(login), "no-such-key"), login.state()),
                401, Refusal.UNKNOWN_KID);
    }

    @Test
    void token_with_bad_signature_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        // Signed by another key under the LMS's real kid.
        assertRefused(browser.postLaunch(lms.signWithUnpublishedKey(claims(login), lms.kid()), login.state()),
                401, Refusal.BAD_SIGNATURE);
    }

    @Test
    void tampered_claims_break_the_signature() {
        LoginRedirect login = browser.login(lms, "student-1");
        String[] parts = lms.sign(claims(login)).split("\\.");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                claimsBuilder(login).subject("teacher-1").build().toString().getBytes());
        assertRefused(browser.postLaunch(parts[0] + "." + forgedPayload + "." + parts[2], login.state()),
                401, Refusal.BAD_SIGNATURE);
    }

    @Test
    void unsigned_token_alg_none_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        assertRefused(browser.postLaunch(new PlainJWT(claims(login)).serialize(), login.state()),
                401, Refusal.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void hs256_token_is_refused() throws JOSEException {
        LoginRedirect login = browser.login(lms, "student-1");
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(lms.kid()).build(), claims(login));
        jwt.sign(new MACSigner("a-shared-secret-that-is-32-bytes!!".getBytes()));
        assertRefused(browser.postLaunch(jwt.serialize(), login.state()), 401, Refusal.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void wrong_lti_version_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        String token = lms.sign(claimsBuilder(login).claim(FakeLms.LTI + "version", "1.1.0").build());
        assertRefused(browser.postLaunch(token, login.state()), 400, Refusal.WRONG_VERSION);
    }

    @Test
    void missing_lti_version_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        String token = lms.sign(claimsBuilder(login).claim(FakeLms.LTI + "version", null).build());
        assertRefused(browser.postLaunch(token, login.state()), 400, Refusal.WRONG_VERSION);
    }

    @Test
    void something_that_is_not_a_jwt_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        assertRefused(browser.postLaunch("this-is-not-a-token", login.state()), 400, Refusal.NOT_A_JWT);
    }

    @Test
    void launch_without_id_token_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        assertRefused(browser.postLaunch(null, login.state()), 400, Refusal.MISSING_ID_TOKEN);
    }

    @Test
    void missing_message_type_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        String token = lms.sign(claimsBuilder(login).claim(FakeLms.LTI + "message_type", null).build());
        assertRefused(browser.postLaunch(token, login.state()), 400, Refusal.MISSING_MESSAGE_TYPE);
    }

    @Test
    void unsupported_message_type_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        String token = lms.sign(claimsBuilder(login).claim(FakeLms.LTI + "message_type", "LtiSubmissionReviewRequest").build());
        assertRefused(browser.postLaunch(token, login.state()), 400, Refusal.UNSUPPORTED_MESSAGE_TYPE);
    }

    @Test
    void missing_roles_claim_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        String token = lms.sign(claimsBuilder(login).claim(FakeLms.LTI + "roles", null).build());
        assertRefused(browser.postLaunch(token, login.state()), 400, Refusal.MISSING_ROLES);
    }

    @Test
    void empty_roles_get_the_page_for_people_who_are_neither_teacher_nor_student() {
        LoginRedirect login = browser.login(lms, "student-1");
        String token = lms.sign(claimsBuilder(login).claim(FakeLms.LTI + "roles", List.of()).build());
        assertRefused(browser.postLaunch(token, login.state()), 403, Refusal.NO_SUPPORTED_ROLE);
    }

    @Test
    void a_mentor_is_told_cairn_is_for_teachers_and_students() {
        LoginRedirect login = browser.login(lms, "student-1");
        String token = lms.sign(claimsBuilder(login).claim(FakeLms.LTI + "roles",
                List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor")).build());
        assertRefused(browser.postLaunch(token, login.state()), 403, Refusal.NO_SUPPORTED_ROLE);
    }

    @Test
    void missing_deployment_id_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        String token = lms.sign(claimsBuilder(login).claim(FakeLms.LTI + "deployment_id", null).build());
        assertRefused(browser.postLaunch(token, login.state()), 400, Refusal.MISSING_DEPLOYMENT);
    }

    @Test
    void unknown_deployment_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        String token = lms.sign(claimsBuilder(login).claim(FakeLms.LTI + "deployment_id", "not-registered").build());
        assertRefused(browser.postLaunch(token, login.state()), 403, Refusal.UNKNOWN_DEPLOYMENT);
    }

    @Test
    void missing_resource_link_id_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        String token = lms.sign(claimsBuilder(login).claim(FakeLms.LTI + "resource_link", Map.of("title", "x")).build());
        assertRefused(browser.postLaunch(token, login.state()), 400, Refusal.MISSING_RESOURCE_LINK);
    }

    @Test
    void missing_sub_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        String token = lms.sign(claimsBuilder(login).subject(null).build());
        assertRefused(browser.postLaunch(token, login.state()), 400, Refusal.MISSING_SUBJECT);
    }

    @Test
    void missing_context_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        String token = lms.sign(claimsBuilder(login).claim(FakeLms.LTI + "context", null).build());
        assertRefused(browser.postLaunch(token, login.state()), 400, Refusal.MISSING_CONTEXT);
    }

    @Test
    void expired_token_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        Instant past = Instant.now().minus(Duration.ofMinutes(10));
        String token = lms.sign(claimsBuilder(login).issueTime(Date.from(past.minusSeconds(60)))
                .expirationTime(Date.from(past)).build());
        assertRefused(browser.postLaunch(token, login.state()), 401, Refusal.EXPIRED);
    }

    @Test
    void token_issued_in_the_future_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        Instant future = Instant.now().plus(Duration.ofMinutes(10));
        String token = lms.sign(claimsBuilder(login).issueTime(Date.from(future))
                .expirationTime(Date.from(future.plusSeconds(300))).build());
        assertRefused(browser.postLaunch(token, login.state()), 401, Refusal.ISSUED_IN_FUTURE);
    }

    @Test
    void token_for_another_audience_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        String token = lms.sign(claimsBuilder(login).audience("some-other-tool").build());
        assertRefused(browser.postLaunch(token, login.state()), 401, Refusal.WRONG_AUDIENCE);
    }

    @Test
    void several_audiences_without_azp_are_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        String token = lms.sign(claimsBuilder(login).audience(List.of(FakeLms.CLIENT_ID, "other-tool")).build());
        assertRefused(browser.postLaunch(token, login.state()), 401, Refusal.BAD_AZP);
    }

    @Test
    void azp_naming_another_party_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        String token = lms.sign(claimsBuilder(login).audience(List.of(FakeLms.CLIENT_ID, "other-tool"))
                .claim("azp", "other-tool").build());
        assertRefused(browser.postLaunch(token, login.state()), 401, Refusal.BAD_AZP);
    }

    @Test
    void several_audiences_with_our_azp_and_an_array_aud_are_accepted() {
        LoginRedirect login = browser.login(lms, "student-1");
        String token = lms.sign(claimsBuilder(login).audience(List.of(FakeLms.CLIENT_ID, "other-tool"))
                .claim("azp", FakeLms.CLIENT_ID).build());
        assertThat(browser.postLaunch(token, login.state()).status()).isEqualTo(303);
    }

    @Test
    void replayed_launch_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        String token = lms.sign(claims(login));
        String loginCookie = "cairn_lti_" + login.state();
        String secret = browser.cookies().get(loginCookie);
        assertThat(browser.postLaunch(token, login.state()).status()).isEqualTo(303);

        LtiBrowser attacker = new LtiBrowser("http://localhost:" + port);
        attacker.setCookie(loginCookie, secret);
        Map<String, Integer> afterFirst = rowCounts();
        Response replay = attacker.postLaunch(token, login.state());

        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.body()).contains(message(Refusal.REPLAYED_NONCE), "REPLAYED_NONCE");
        assertThat(replay.startsSession()).isFalse();
        assertThat(rowCounts()).isEqualTo(afterFirst);
    }

    @Test
    void nonce_not_issued_by_cairn_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        String token = lms.sign(claimsBuilder(login).claim("nonce", "a-nonce-cairn-never-issued").build());
        assertRefused(browser.postLaunch(token, login.state()), 401, Refusal.UNKNOWN_NONCE);
    }

    @Test
    void missing_nonce_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        String token = lms.sign(claimsBuilder(login).claim("nonce", null).build());
        assertRefused(browser.postLaunch(token, login.state()), 401, Refusal.MISSING_NONCE);
    }

    @Test
    void state_from_another_browser_is_refused() {
        LoginRedirect mine = browser.login(lms, "student-1");
        LtiBrowser other = new LtiBrowser("http://localhost:" + port);
        LoginRedirect theirs = other.login(lms, "student-1");

        // This browser holds its own login cookie, not the one for the other browser's state.
        String token = lms.sign(lms.claims("student-1", theirs.nonce()).build());
        assertRefused(browser.postLaunch(token, theirs.state()), 401, Refusal.STATE_MISMATCH);
        assertThat(mine.state()).isNotEqualTo(theirs.state());
    }

    @Test
    void unknown_state_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        assertRefused(browser.postLaunch(lms.sign(claims(login)), "a-state-cairn-never-issued"), 401,
                Refusal.STATE_MISMATCH);
    }

    @Test
    void browser_that_dropped_the_login_cookie_is_offered_a_new_window() {
        LoginRedirect login = browser.login(lms, "student-1");
        browser.clearCookies();

        Response response = browser.postLaunch(lms.sign(claims(login)), login.state());

        assertRefused(response, 401, Refusal.COOKIE_MISSING);
        assertThat(response.body()).contains("id=\"reopen\"", "/lti/reopen?state=" + login.state(), "target=\"_blank\"");
        Response reopen = browser.get("/lti/reopen?state=" + login.state());
        assertThat(reopen.status()).isEqualTo(302);
        assertThat(reopen.location()).startsWith("/lti/login?").contains("login_hint=student-1");
    }

    @Test
    void token_from_an_unknown_issuer_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        String token = lms.sign(claimsBuilder(login).issuer("https://unknown-lms.example").build());
        assertRefused(browser.postLaunch(token, login.state()), 401, Refusal.UNKNOWN_ISSUER);
    }

    @Test
    void target_link_uri_other_than_the_login_asked_for_is_refused() {
        LoginRedirect login = browser.login(lms, "student-1");
        String token = lms.sign(claimsBuilder(login).claim(FakeLms.LTI + "target_link_uri",
                "http://localhost:" + port + "/elsewhere").build());
        assertRefused(browser.postLaunch(token, login.state()), 400, Refusal.TARGET_LINK_MISMATCH);
    }

    @Test
    void platform_whose_keys_cannot_be_fetched_gets_a_clear_page() {
        FakeLms unreachable = FakeLms.start("http://localhost:" + port);
        try {
            platforms.register(unreachable.registration());
            unreachable.setJwksDown(true);
            LoginRedirect login = browser.login(unreachable, "student-1");
            String token = unreachable.sign(unreachable.claims("student-1", login.nonce()).build());
            assertRefused(browser.postLaunch(token, login.state()), 502, Refusal.PLATFORM_KEYS_UNAVAILABLE);
        } finally {
            unreachable.close();
        }
    }

    // --- the login step -------------------------------------------------------------------

    @Test
    void login_from_an_unregistered_platform_is_refused() {
        Response response = browser.get("/lti/login?iss=" + LtiBrowser.class.getSimpleName()
                + "&login_hint=x&target_link_uri=" + "http://localhost:" + port + "/lti/launch");
        assertRefused(response, 400, Refusal.LOGIN_UNKNOWN_PLATFORM);
    }

    @Test
    void login_without_required_parameters_is_refused() {
        assertRefused(browser.get("/lti/login?iss=" + lms.issuer()), 400, Refusal.LOGIN_MISSING_PARAMETER);
    }

    @Test
    void login_for_a_target_outside_cairn_is_refused() {
        Response response = browser.get("/lti/login?iss=" + lms.issuer() + "&client_id=" + FakeLms.CLIENT_ID
                + "&login_hint=student-1&target_link_uri=https://evil.example/steal");
        assertRefused(response, 400, Refusal.LOGIN_BAD_TARGET);
    }

    @Test
    void login_redirects_to_the_platform_with_the_oidc_parameters() {
        LoginRedirect login = browser.login(lms, "student-1");

        assertThat(login.response().status()).isEqualTo(302);
        assertThat(login.response().location()).startsWith(lms.issuer() + "/auth?");
        assertThat(login.params()).containsEntry("scope", "openid").containsEntry("response_type", "id_token")
                .containsEntry("response_mode", "form_post").containsEntry("prompt", "none")
                .containsEntry("client_id", FakeLms.CLIENT_ID).containsEntry("login_hint", "student-1")
                .containsEntry("redirect_uri", lms.launchUrl());
        assertThat(login.response().setCookies()).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("cairn_lti_" + login.state() + "=").contains("SameSite=None", "Secure", "Partitioned"));
        assertThat(login.response().startsSession()).isFalse();
    }

    @Test
    void login_by_post_works_too() {
        Response response = browser.post("/lti/login", Map.of("iss", lms.issuer(), "login_hint", "student-1",
                "target_link_uri", lms.launchUrl(), "client_id", FakeLms.CLIENT_ID));
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.location()).startsWith(lms.issuer() + "/auth?");
    }

    @Test
    void login_with_platform_storage_keeps_the_secret_in_the_lms_frame() {
        Response response = browser.get("/lti/login?iss=" + lms.issuer() + "&client_id=" + FakeLms.CLIENT_ID
                + "&login_hint=student-1&target_link_uri=" + lms.launchUrl() + "&lti_storage_target=post_message_forwarding");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("lti.put_data", "post_message_forwarding");
    }

    @Test
    void without_cookie_a_storage_login_asks_the_lms_frame_and_accepts_the_stored_secret() {
        Response login = browser.get("/lti/login?iss=" + lms.issuer() + "&client_id=" + FakeLms.CLIENT_ID
                + "&login_hint=student-1&target_link_uri=" + lms.launchUrl() + "&lti_storage_target=_parent");
        String state = browser.cookies().keySet().stream().filter(n -> n.startsWith("cairn_lti_")).findFirst()
                .orElseThrow().substring("cairn_lti_".length());
        String secret = browser.cookies().get("cairn_lti_" + state);
        assertThat(login.body()).contains(secret);
        var stored = db.selectFrom(cairn.schema.Tables.LTI_LOGIN).where(cairn.schema.Tables.LTI_LOGIN.STATE.eq(state))
                .fetchSingle();
        browser.clearCookies();
        String token = lms.sign(lms.claims("student-1", stored.getNonce()).build());

        Response check = browser.postLaunch(token, state);
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.body()).contains("lti.get_data");
        assertThat(check.startsSession()).isFalse();

        Response wrong = browser.post("/lti/launch", Map.of("id_token", token, "state", state,
                "lti_storage_secret", "guessed"));
        assertThat(wrong.status()).isEqualTo(401);

        Response verified = browser.post("/lti/launch", Map.of("id_token", token, "state", state,
                "lti_storage_secret", secret));
        assertThat(verified.status()).isEqualTo(303);
        assertThat(verified.location()).endsWith("/student");
    }

    @Test
    void jwks_publishes_cairns_public_key_with_kid_and_no_private_parts() {
        Response response = browser.get("/lti/jwks");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"kid\"", "\"kty\":\"RSA\"", "\"alg\":\"RS256\"")
                .doesNotContain("\"d\":", "\"p\":", "\"q\":");
    }

    @Test
    void canvas_developer_key_json_carries_this_cairns_urls() {
        Response response = browser.get("/lti/canvas.json");

        assertThat(response.status()).isEqualTo(200);
        String base = "http://localhost:" + port;
        assertThat(response.body()).contains("\"oidc_initiation_url\":\"" + base + "/lti/login\"",
                "\"target_link_uri\":\"" + base + "/lti/launch\"", "\"public_jwk_url\":\"" + base + "/lti/jwks\"",
                "contextmembership.readonly", "course_navigation", "LtiResourceLinkRequest");
        // Units are placed by deep linking from modules and assignments; the course menu opens the course home.
        assertThat(response.body()).contains("\"link_selection\"", "\"assignment_selection\"", "LtiDeepLinkingRequest",
                "\"cairn_link\":\"home\"");
    }

    @Test
    void pages_can_be_framed_by_the_lms() {
        browser.launch(lms, "teacher-1");
        Response page = browser.get("/teacher");
        assertThat(page.headers()).doesNotContainKey("X-Frame-Options");
    }

    // --- helpers --------------------------------------------------------------------------

    private JWTClaimsSet claims(LoginRedirect login) {
        return claimsBuilder(login).build();
    }

    private JWTClaimsSet.Builder claimsBuilder(LoginRedirect login) {
        assertThat(login.response().status()).as(login.response().body()).isEqualTo(302);
        return lms.claims("student-1", login.nonce());
    }

    private void assertRefused(Response response, int status, Refusal refusal) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains(message(refusal), refusal.name(), "What to do");
        assertThat(response.startsSession()).as("a refused launch starts no session").isFalse();
        assertThat(rowCounts()).as("a refused launch writes no person, course or enrollment").isEqualTo(rowsBefore);
    }

    private String message(Refusal refusal) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(
                messages.getMessage(refusal.messageKey(), null, Locale.ENGLISH));
    }

    private Map<String, Integer> rowCounts() {
        return Map.of("person", db.fetchCount(PERSON), "course", db.fetchCount(COURSE),
                "enrollment", db.fetchCount(ENROLLMENT));
    }

    private String enrollmentRole(String subject) {
        return db.select(ENROLLMENT.ROLE).from(ENROLLMENT).join(PERSON).on(PERSON.ID.eq(ENROLLMENT.PERSON_ID))
                .join(COURSE).on(COURSE.ID.eq(ENROLLMENT.COURSE_ID))
                .where(PERSON.SUBJECT.eq(subject), COURSE.CONTEXT_ID.eq(lms.courseContextId()))
                .fetchSingle(ENROLLMENT.ROLE);
    }
}
