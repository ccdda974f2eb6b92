package app.cairn.demo;

import static cairn.schema.Tables.COURSE;
import static cairn.schema.Tables.ENROLLMENT;
import static cairn.schema.Tables.PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import app.cairn.deeplinking.Placements;
import app.cairn.shared.PlainPage;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;
import app.cairn.testing.LtiBrowser;
import app.cairn.unit.UnitLink;

/** The built-in demo LMS, switched on: the whole real launch, and the demo class roster. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cairn.demo.enabled=true")
@ActiveProfiles("test")
class DemoPlatformIT {

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;
    @Autowired
    Placements placements;

    @Test
    void launch_as_teacher_goes_through_the_real_login_and_brings_in_the_demo_class() throws InterruptedException {
        LtiBrowser browser = new LtiBrowser("http://localhost:" + port);

        LtiBrowser.Response start = browser.get("/demo/start?user=demo-teacher");
        LtiBrowser.Response login = browser.get(start.location());
        LtiBrowser.Response auth = browser.get(login.location());
        assertThat(auth.body()).contains("id_token");
        var form = new LtiBrowser.PlatformForm("/lti/launch", java.util.Map.of(
                "id_token", field(auth.body(), "id_token"), "state", field(auth.body(), "state")));
        LtiBrowser.Response launched = browser.submit(form);

        assertThat(launched.status()).isEqualTo(303);
        assertThat(launched.location()).endsWith("/teacher");
        long courseId = db.select(COURSE.ID).from(COURSE).where(COURSE.CONTEXT_ID.eq("demo-course")).fetchSingle(COURSE.ID);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (db.fetchCount(ENROLLMENT, ENROLLMENT.COURSE_ID.eq(courseId)) < 7 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(db.fetchCount(ENROLLMENT, ENROLLMENT.COURSE_ID.eq(courseId))).isEqualTo(7);
        assertThat(db.select(COURSE.ROSTER_SYNC_ERROR).from(COURSE).where(COURSE.ID.eq(courseId))
                .fetchSingle(COURSE.ROSTER_SYNC_ERROR)).isNull();
    }

    @Test
    void the_demo_page_offers_both_launches_and_adding_an_activity() {
        LtiBrowser.Response page = new LtiBrowser("http://localhost:" + port).get("/demo");

        assertThat(page.body()).contains("launch-demo-teacher", "launch-demo-student", "add-activity",
                "never switch it on in production");
    }

    @Test
    void add_cairn_activity_runs_deep_linking_and_the_received_activity_launches_into_its_unit() {
        LtiBrowser teacher = new LtiBrowser("http://localhost:" + port);
        LtiBrowser.Response picker = launch(teacher, "/demo/start?user=demo-teacher&link=demo-deep-linking");
        assertThat(picker.location()).startsWith("/deep-linking/");
        signInAs("demo-teacher");
        UnitLink unit = placements.createUnit("Demo unit " + java.util.UUID.randomUUID());

        LtiBrowser.Response answerPage = teacher.get(placements.placeUnits(picker.location().substring(14), List.of(unit.id())));
        LtiBrowser.Response received = teacher.submit(LtiBrowser.form(answerPage));

        assertThat(received.status()).as(received.body()).isEqualTo(200);
        assertThat(received.body()).contains("open-teacher-", "open-student-", PlainPage.escape(unit.title()));
        var link = java.util.regex.Pattern.compile("name=\"link\" value=\"(demo-activity-[^\"]+)\"[^<]*<p><button[^>]*>[^<]*"
                + java.util.regex.Pattern.quote(PlainPage.escape(unit.title()))).matcher(received.body());
        assertThat(link.find()).isTrue();
        assertThat(launch(new LtiBrowser("http://localhost:" + port), "/demo/start?user=demo-student&link=" + link.group(1))
                .location()).isEqualTo("/not-set-up?reason=unit-draft");
        assertThat(launch(new LtiBrowser("http://localhost:" + port), "/demo/start?user=demo-teacher&link=" + link.group(1))
                .location()).isEqualTo("/units/" + unit.id());
        SecurityContextHolder.clearContext();
    }

    /** Start, Cairn's login, the demo's authorization form, the launch: where Cairn sends the person. */
    private LtiBrowser.Response launch(LtiBrowser browser, String start) {
        LtiBrowser.Response login = browser.get(browser.get(start).location());
        LtiBrowser.Response auth = browser.get(login.location());
        LtiBrowser.Response launched = browser.submit(new LtiBrowser.PlatformForm("/lti/launch", java.util.Map.of(
                "id_token", field(auth.body(), "id_token"), "state", field(auth.body(), "state"))));
        assertThat(launched.status()).as(launched.body()).isEqualTo(303);
        return launched;
    }

    /** This thread acts as the demo person in the demo course, as their view would. */
    private void signInAs(String subject) {
        var person = db.selectFrom(PERSON).where(PERSON.SUBJECT.eq(subject)).orderBy(PERSON.ID.desc()).limit(1).fetchSingle();
        var course = db.selectFrom(COURSE).where(COURSE.CONTEXT_ID.eq("demo-course"), COURSE.PLATFORM_ID.eq(person.getPlatformId()))
                .fetchSingle();
        Viewer viewer = new Viewer(person.getId(), course.getId(), course.getPlatformId(), Role.TEACHER, person.getDisplayName(),
                java.util.Locale.ENGLISH);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(viewer, null,
                List.of(new SimpleGrantedAuthority(Role.TEACHER.authority()))));
    }

    private static String field(String html, String name) {
        var matcher = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as(name).isTrue();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(matcher.group(1));
    }
}
