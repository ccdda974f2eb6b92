package app.cairn.deeplinking;

import static cairn.schema.Tables.COURSE;
import static cairn.schema.Tables.ENROLLMENT;
import static cairn.schema.Tables.GRADEBOOK_ITEM;
import static cairn.schema.Tables.LTI_DEEP_LINKING_REQUEST;
import static cairn.schema.Tables.PERSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import app.cairn.lti.PlatformRegistry;
import app.cairn.rubric.RubricTestData;
import app.cairn.standards.StandardsLibrary;
import app.cairn.lti.ToolKeys;
import app.cairn.testing.CairnSpringTest;
import app.cairn.testing.FakeLms;
import app.cairn.testing.LaunchedViewer;
import app.cairn.testing.LtiBrowser;
import app.cairn.testing.LtiBrowser.Response;
import app.cairn.unit.Continuum;
import app.cairn.unit.Pacing;
import app.cairn.unit.Unit;
import app.cairn.unit.UnitLink;
import app.cairn.unit.UnitTestData;
import app.cairn.unit.Units;

/**
 * LTI Deep Linking 2.0 end to end over loopback HTTP: the fake LMS sends a signed deep linking
 * request, the teacher chooses through the service the picker uses, Cairn's page posts the signed
 * answer back, and the fake LMS checks it against Cairn's JWKS as a platform does. Then the LMS's
 * new links launch into the units they were made for.
 */
@CairnSpringTest
class DeepLinkingIT {

    private static FakeLms lms;

    @LocalServerPort
    int port;
    @Autowired
    PlatformRegistry platforms;
    @Autowired
    DSLContext db;
    @Autowired
    Placements placements;
    @Autowired
    Units units;
    @Autowired
    ToolKeys toolKeys;
    @Autowired
    MessageSource messages;
    @Autowired
    StandardsLibrary library;

    private LtiBrowser browser;

    @BeforeEach
    void setUp() {
        if (lms == null) {
            lms = FakeLms.start("http://localhost:" + port);
        }
        platforms.register(lms.registration());
        lms.useCourse("dl-course-" + UUID.randomUUID());
        browser = new LtiBrowser("http://localhost:" + port);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @AfterAll
    static void stopLms() {
        if (lms != null) {
            lms.close();
            lms = null;
        }
    }

    @Test
    void teacher_picks_units_and_the_lms_gets_a_signed_answer_with_links_line_items_and_its_data_back() {
        FakeLms.DeepLinking request = FakeLms.DeepLinking.standard();
        String requestId = openRequest(request);
        UnitLink ecosystems = placements.createUnit("Ecosystems");
        UnitLink cells = placements.createUnit("Cells");

        FakeLms.DeepLinkingReturn answer = answer(placements.placeUnits(requestId, List.of(ecosystems.id(), cells.id())));

        assertThat(answer.problems()).isEmpty();
        assertThat(answer.kid()).isEqualTo(toolKeys.signingKey().getKeyID());
        assertThat(answer.claims().getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data")).isEqualTo(request.data());
        assertThat((String) answer.claims().getClaim("nonce")).isNotBlank();
        List<Map<String, Object>> items = answer.contentItems();
        assertThat(items).extracting(i -> i.get("title")).containsExactly("Ecosystems", "Cells");
        assertThat(items.getFirst()).containsEntry("type", "ltiResourceLink").containsEntry("url", lms.launchUrl())
                .containsEntry("custom", Map.of("cairn_unit_id", ecosystems.key()));
        @SuppressWarnings("unchecked")
        Map<String, Object> lineItem = (Map<String, Object>) items.getFirst().get("lineItem");
        assertThat(lineItem).containsEntry("label", "Ecosystems")
                .containsEntry("scoreMaximum", 4.0).containsEntry("resourceId", ecosystems.key())
                .containsEntry("tag", Placements.LINE_ITEM_TAG);
        assertThat(ecosystems.key()).as("an opaque key, not the row id").matches("[0-9a-f-]{36}")
                .isNotEqualTo(String.valueOf(ecosystems.id()));
        long courseId = courseId();
        assertThat(db.select(GRADEBOOK_ITEM.RESOURCE_ID).from(GRADEBOOK_ITEM).where(GRADEBOOK_ITEM.COURSE_ID.eq(courseId))
                .fetch(GRADEBOOK_ITEM.RESOURCE_ID)).as("scores of the units go to the columns the LMS made")
                .containsExactlyInAnyOrder(ecosystems.key(), cells.key());
    }

    @Test
    void data_of_any_json_type_comes_back_exactly_and_no_data_means_none() {
        Map<String, Object> data = Map.of("placement", "module-7", "position", 3L, "tags", List.of("a", "b"));
        String requestId = openRequest(FakeLms.DeepLinking.standard().withData(data));
        UnitLink unit = placements.createUnit("Energy");
        FakeLms.DeepLinkingReturn answer = answer(placements.placeUnits(requestId, List.of(unit.id())));
        assertThat(answer.problems()).isEmpty();
        assertThat(answer.claims().getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data")).isEqualTo(data);

        String withoutData = openRequest(FakeLms.DeepLinking.standard().withData(null));
        FakeLms.DeepLinkingReturn second = answer(placements.placeUnits(withoutData, List.of(unit.id())));
        assertThat(second.problems()).isEmpty();
        assertThat(second.claims().getClaims()).doesNotContainKey("https://purl.imsglobal.org/spec/lti-dl/claim/data");
    }

    @Test
    void a_request_that_takes_one_item_gets_exactly_one_and_a_refused_choice_writes_nothing() {
        String requestId = openRequest(FakeLms.DeepLinking.standard().acceptingOne());
        UnitLink first = placements.createUnit("First");
        UnitLink second = placements.createUnit("Second");
        assertThat(placements.pickRequest(requestId)).get().extracting(PickRequest::acceptMultiple).isEqualTo(false);

        assertThatThrownBy(() -> placements.placeUnits(requestId, List.of(first.id(), second.id())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(placements.pickRequest(requestId)).as("still open").isPresent();
        assertThat(db.fetchCount(GRADEBOOK_ITEM, GRADEBOOK_ITEM.COURSE_ID.eq(courseId()))).isZero();

        FakeLms.DeepLinkingReturn answer = answer(placements.placeUnits(requestId, List.of(second.id())));
        assertThat(answer.problems()).isEmpty();
        assertThat(answer.contentItems()).singleElement().satisfies(item -> assertThat(item).containsEntry("title", "Second"));
    }

    @Test
    void no_line_item_goes_to_a_platform_that_ignores_them() {
        String requestId = openRequest(new FakeLms.DeepLinking(null, List.of("ltiResourceLink"), true, "d", false, true));
        UnitLink unit = placements.createUnit("Weather");
        FakeLms.DeepLinkingReturn answer = answer(placements.placeUnits(requestId, List.of(unit.id())));
        assertThat(answer.problems()).isEmpty();
        assertThat(answer.contentItems()).singleElement().satisfies(item -> assertThat(item).doesNotContainKey("lineItem"));
    }

    @Test
    void cancelling_sends_an_empty_answer_and_a_request_is_answered_only_once() {
        String requestId = openRequest(FakeLms.DeepLinking.standard());
        FakeLms.DeepLinkingReturn answer = answer(placements.cancelPlacing(requestId));

        assertThat(answer.problems()).isEmpty();
        assertThat(answer.contentItems()).isEmpty();
        assertThat(placements.pickRequest(requestId)).isEmpty();
        UnitLink unit = placements.createUnit("Late");
        assertThatThrownBy(() -> placements.placeUnits(requestId, List.of(unit.id())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_answer_page_is_only_for_the_teacher_who_made_the_request_and_units_only_from_their_course() {
        String requestId = openRequest(FakeLms.DeepLinking.standard());
        UnitLink mine = placements.createUnit("Mine");
        String path = placements.placeUnits(requestId, List.of(mine.id()));

        Response stranger = new LtiBrowser("http://localhost:" + port).get(path);
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.body()).doesNotContain("name=\"JWT\"")
                .contains(html("deeplinking.return.gone"));

        // Another course's teacher cannot place this course's units, nor answer this request.
        lms.useCourse("dl-other-" + UUID.randomUUID());
        String otherRequest = openRequest(FakeLms.DeepLinking.standard());
        assertThatThrownBy(() -> placements.placeUnits(otherRequest, List.of(mine.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(placements.pickRequest(requestId)).isEmpty();
    }

    @Test
    void the_answer_is_signed_with_the_current_key_after_a_rotation() {
        String requestId = openRequest(FakeLms.DeepLinking.standard());
        UnitLink unit = placements.createUnit("Rotated");
        String before = toolKeys.signingKey().getKeyID();
        String kid = toolKeys.rotate();
        try {
            FakeLms.DeepLinkingReturn answer = answer(placements.placeUnits(requestId, List.of(unit.id())));

            assertThat(answer.kid()).isEqualTo(kid);
            assertThat(answer.problems()).as("verified against the JWKS over HTTP").isEmpty();
        } finally {
            // As many active keys as before, for tests that count on it.
            toolKeys.retire(before);
        }
    }

    @Test
    void the_lms_check_catches_a_tampered_answer() {
        String requestId = openRequest(FakeLms.DeepLinking.standard());
        UnitLink unit = placements.createUnit("Tampered");
        LtiBrowser.PlatformForm form = LtiBrowser.form(browser.get(placements.placeUnits(requestId, List.of(unit.id()))));
        String[] parts = form.fields().get("JWT").split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("Tampered", "Tempered");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];

        Response atLms = browser.submit(new LtiBrowser.PlatformForm(form.action(), Map.of("JWT", forged)));

        assertThat(atLms.status()).isEqualTo(400);
        assertThat(lms.deepLinkingReturns().getLast().problems()).contains("signature does not verify");
    }

    @Test
    void a_student_sending_a_deep_linking_request_is_refused_with_no_session_and_no_rows() {
        Map<String, Integer> before = rowCounts();
        Response response = browser.launch(lms, "student-1", lms.deepLinkingHint(FakeLms.DeepLinking.standard()));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains(html("lti.refusal.deep_linking_not_teacher"), "DEEP_LINKING_NOT_TEACHER");
        assertThat(response.startsSession()).isFalse();
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void a_request_without_a_usable_return_address_is_refused() {
        Map<String, Integer> before = rowCounts();
        Response missing = browser.launch(lms, "teacher-1", lms.deepLinkingHint(FakeLms.DeepLinking.standard().withoutSettings()));
        Response script = new LtiBrowser("http://localhost:" + port).launch(lms, "teacher-1",
                lms.deepLinkingHint(FakeLms.DeepLinking.standard().withReturnUrl("javascript:alert(1)")));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("MISSING_DEEP_LINKING_SETTINGS");
        assertThat(script.status()).isEqualTo(400);
        assertThat(script.body()).contains(html("lti.refusal.bad_deep_link_return_url"), "BAD_DEEP_LINK_RETURN_URL");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void a_request_that_does_not_take_lti_links_is_refused() {
        Response response = browser.launch(lms, "teacher-1",
                lms.deepLinkingHint(FakeLms.DeepLinking.standard().withAcceptTypes(List.of("file", "html"))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains(html("lti.refusal.deep_linking_types_unsupported"),
                "DEEP_LINKING_TYPES_UNSUPPORTED");
        assertThat(response.startsSession()).isFalse();
    }

    @Test
    void the_new_links_open_their_unit_for_the_teacher_and_the_student() {
        String requestId = openRequest(FakeLms.DeepLinking.standard());
        UnitLink unit = publishedUnit("Forces");
        FakeLms.DeepLinkingReturn answer = answer(placements.placeUnits(requestId, List.of(unit.id())));
        @SuppressWarnings("unchecked")
        Map<String, String> custom = (Map<String, String>) answer.contentItems().getFirst().get("custom");
        String link = lms.linkHint("lms-link-" + UUID.randomUUID(), "Forces", custom);

        Response teacher = new LtiBrowser("http://localhost:" + port).launch(lms, "teacher-1", link);
        Response student = new LtiBrowser("http://localhost:" + port).launch(lms, "student-1", link);

        assertThat(teacher.location()).isEqualTo("/units/" + unit.id() + "/board");
        assertThat(student.location()).isEqualTo("/units/" + unit.id() + "/path");
    }

    // --- helpers ---

    /** A teacher's deep linking launch; leaves this thread signed in as that teacher. @return the request id */
    private String openRequest(FakeLms.DeepLinking request) {
        // The answer page checks the session, so this browser keeps the teacher's for answer().
        browser = new LtiBrowser("http://localhost:" + port);
        Response launched = browser.launch(lms, "teacher-1", lms.deepLinkingHint(request));
        assertThat(launched.status()).as(launched.body()).isEqualTo(303);
        assertThat(launched.location()).startsWith("/deep-linking/");
        LaunchedViewer.signIn(db, lms, "teacher-1");
        String requestId = launched.location().substring("/deep-linking/".length());
        assertThat(placements.pickRequest(requestId)).isPresent();
        return requestId;
    }

    /** Follows the picker's next step in the teacher's browser: Cairn's page, then its form to the LMS. */
    private FakeLms.DeepLinkingReturn answer(String path) {
        Response page = browser.get(path);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"continue\"", "document.getElementById('post').submit();");
        LtiBrowser.PlatformForm form = LtiBrowser.form(page);
        assertThat(form.fields()).containsOnlyKeys("JWT");
        int before = lms.deepLinkingReturns().size();
        Response atLms = browser.submit(form);
        assertThat(lms.deepLinkingReturns()).hasSize(before + 1);
        FakeLms.DeepLinkingReturn answer = lms.deepLinkingReturns().getLast();
        assertThat(atLms.status()).as(answer.problems().toString()).isEqualTo(answer.valid() ? 200 : 400);
        return answer;
    }

    private UnitLink publishedUnit(String title) {
        var standards = RubricTestData.standards(library);
        Unit unit = units.create(title);
        unit = units.save(unit.id(), UnitTestData.draft(unit, Pacing.SELF_PACED, Continuum.PARTICIPANT,
                UnitTestData.target(standards.indicator(), null)));
        units.publish(unit.id(), unit.revision());
        return units.inMyCourse(unit.id()).orElseThrow();
    }

    private long courseId() {
        return db.select(COURSE.ID).from(COURSE).where(COURSE.CONTEXT_ID.eq(lms.courseContextId())).fetchSingle(COURSE.ID);
    }

    private Map<String, Integer> rowCounts() {
        return Map.of("person", db.fetchCount(PERSON), "course", db.fetchCount(COURSE),
                "enrollment", db.fetchCount(ENROLLMENT), "request", db.fetchCount(LTI_DEEP_LINKING_REQUEST));
    }

    private String html(String key) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(messages.getMessage(key, null, Locale.ENGLISH));
    }
}
