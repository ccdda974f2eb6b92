package app.cairn.demo;

import static cairn.schema.Tables.COURSE;
import static cairn.schema.Tables.ENROLLMENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import app.cairn.testing.LtiBrowser;

/** The built-in demo LMS, switched on: the whole real launch, and the demo class roster. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cairn.demo.enabled=true")
@ActiveProfiles("test")
class DemoPlatformIT {

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;

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
    void the_demo_page_offers_both_launches() {
        LtiBrowser.Response page = new LtiBrowser("http://localhost:" + port).get("/demo");

        assertThat(page.body()).contains("launch-demo-teacher", "launch-demo-student", "never switch it on in production");
    }

    private static String field(String html, String name) {
        var matcher = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as(name).isTrue();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(matcher.group(1));
    }
}
