package app.cairn.deeplinking;

import static cairn.schema.Tables.GRADEBOOK_ITEM;
import static cairn.schema.Tables.LTI_RESOURCE_LINK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import app.cairn.course.CourseDirectory;
import app.cairn.lti.PlatformRegistry;
import app.cairn.rubric.RubricTestData;
import app.cairn.standards.StandardsLibrary;
import app.cairn.testing.CairnSpringTest;
import app.cairn.testing.FakeLms;
import app.cairn.testing.LaunchedViewer;
import app.cairn.testing.LtiBrowser;
import app.cairn.testing.TestLaunch;
import app.cairn.unit.Continuum;
import app.cairn.unit.Pacing;
import app.cairn.unit.Unit;
import app.cairn.unit.UnitLink;
import app.cairn.unit.UnitTestData;
import app.cairn.unit.Units;

/**
 * Resource link launches over loopback HTTP: a link opens the unit its {@code cairn_unit_id}
 * names (tied at the first launch, whoever makes it); a link not set up yet lets the teacher pick
 * and tells students to wait; bad keys and other courses' ids change nothing.
 */
@CairnSpringTest
@ExtendWith(OutputCaptureExtension.class)
class LinkPlacementIT {

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
    StandardsLibrary library;
    @Autowired
    CourseDirectory courses;

    @BeforeEach
    void setUp() {
        if (lms == null) {
            lms = FakeLms.start("http://localhost:" + port);
        }
        platforms.register(lms.registration());
        lms.useCourse("links-course-" + UUID.randomUUID());
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
    void a_link_made_for_a_unit_opens_it_and_is_tied_at_its_first_launch_even_by_a_student() {
        Unit unit = unitAsTeacher("Ecosystems", false);
        String key = keys.get(unit.id());
        String link = lms.linkHint("lms-link-" + UUID.randomUUID(), "Ecosystems", Map.of("cairn_unit_id", key));

        assertThat(launch("student-1", link).location()).as("a draft is not open yet").isEqualTo(Placements.NOT_OPEN_YET);
        assertThat(launch("teacher-1", link).location()).as("the builder of a draft").isEqualTo("/units/" + unit.id());
        assertThat(db.select(LTI_RESOURCE_LINK.UNIT_ID).from(LTI_RESOURCE_LINK)
                .where(LTI_RESOURCE_LINK.REQUESTED_UNIT_KEY.eq(key)).fetch(LTI_RESOURCE_LINK.UNIT_ID)).containsExactly(unit.id());

        LaunchedViewer.signIn(db, lms, "teacher-1");
        units.publish(unit.id(), units.unit(unit.id()).revision());
        assertThat(launch("teacher-1", link).location()).isEqualTo("/units/" + unit.id() + "/board");
        assertThat(launch("student-1", link).location()).isEqualTo("/units/" + unit.id() + "/path");
    }

    @Test
    void a_link_not_set_up_lets_the_teacher_pick_and_tells_students_to_wait() {
        Unit unit = unitAsTeacher("Cells", true);
        String link = lms.linkHint("lms-link-" + UUID.randomUUID(), "Week 3", Map.of());

        assertThat(launch("student-1", link).location()).isEqualTo(Placements.NOT_SET_UP);
        String teacher = launch("teacher-1", link).location();
        assertThat(teacher).matches("/links/\\d+");
        long linkId = Long.parseLong(teacher.substring("/links/".length()));

        LaunchedViewer.signIn(db, lms, "teacher-1");
        assertThat(placements.linkToSetUp(linkId)).get().satisfies(l -> {
            assertThat(l.title()).isEqualTo("Week 3");
            assertThat(l.unitMissing()).isFalse();
        });
        assertThat(placements.tieLink(linkId, unit.id())).isEqualTo("/units/" + unit.id() + "/board");

        assertThat(placements.linkToSetUp(linkId)).as("set up now").isEmpty();
        String key = keys.get(unit.id());
        assertThat(db.fetchExists(GRADEBOOK_ITEM, GRADEBOOK_ITEM.RESOURCE_ID.eq(key))).isTrue();
        assertThat(launch("student-1", link).location()).isEqualTo("/units/" + unit.id() + "/path");
        assertThat(launch("teacher-1", link).location()).isEqualTo("/units/" + unit.id() + "/board");
    }

    @Test
    void a_link_can_be_made_the_course_home() {
        String link = lms.linkHint("lms-menu-" + UUID.randomUUID(), "Cairn", Map.of());
        long linkId = Long.parseLong(launch("teacher-1", link).location().substring("/links/".length()));
        LaunchedViewer.signIn(db, lms, "teacher-1");

        assertThat(placements.useLinkForCourseHome(linkId)).isEqualTo("/teacher");

        assertThat(launch("student-1", link).location()).isEqualTo("/student");
        assertThat(launch("teacher-1", link).location()).isEqualTo("/teacher");
    }

    @Test
    void a_link_for_a_unit_cairn_cannot_find_gives_the_teacher_the_picker_with_a_notice_and_a_log_line(CapturedOutput output) {
        String unknown = UUID.randomUUID().toString();
        String link = lms.linkHint("lms-link-" + UUID.randomUUID(), "Lost", Map.of("cairn_unit_id", unknown));

        assertThat(launch("student-1", link).location()).isEqualTo(Placements.NOT_SET_UP);
        String teacher = launch("teacher-1", link).location();

        assertThat(teacher).matches("/links/\\d+");
        LaunchedViewer.signIn(db, lms, "teacher-1");
        assertThat(placements.linkToSetUp(Long.parseLong(teacher.substring(7)))).get()
                .extracting(LinkToSetUp::unitMissing).isEqualTo(true);
        assertThat(output).contains("names a unit Cairn cannot find", unknown);
    }

    @Test
    void a_malformed_unit_key_is_ignored_and_logged(CapturedOutput output) {
        String link = lms.linkHint("lms-link-" + UUID.randomUUID(), "Odd", Map.of("cairn_unit_id", "1 OR 1=1"));

        String teacher = launch("teacher-1", link).location();

        assertThat(teacher).matches("/links/\\d+");
        assertThat(output).contains("malformed unit key");
        assertThat(db.select(LTI_RESOURCE_LINK.REQUESTED_UNIT_KEY).from(LTI_RESOURCE_LINK)
                .where(LTI_RESOURCE_LINK.ID.eq(Long.parseLong(teacher.substring(7)))).fetchSingle().value1()).isNull();
    }

    @Test
    void a_unit_of_another_platform_is_neither_opened_nor_offered_for_copy() {
        new TestLaunch(courses, platforms).teacherOf(TestLaunch.newCourse());
        String foreignKey = units.inMyCourse(units.create("Elsewhere").id()).orElseThrow().key();
        SecurityContextHolder.clearContext();
        String link = lms.linkHint("lms-link-" + UUID.randomUUID(), "Elsewhere", Map.of("cairn_unit_id", foreignKey));

        String teacher = launch("teacher-1", link).location();

        assertThat(teacher).as("not the copy offer").matches("/links/\\d+");
        LaunchedViewer.signIn(db, lms, "teacher-1");
        long linkId = Long.parseLong(teacher.substring(7));
        assertThat(placements.copyOffer(linkId)).isEmpty();
        assertThat(placements.linkToSetUp(linkId)).get().extracting(LinkToSetUp::unitMissing).isEqualTo(true);
        assertThatThrownBy(() -> placements.copyForLink(linkId)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void another_courses_links_and_units_answer_like_missing_ones() {
        Unit mine = unitAsTeacher("Mine", true);
        String link = lms.linkHint("lms-link-" + UUID.randomUUID(), "Mine", Map.of());
        long myLink = Long.parseLong(launch("teacher-1", link).location().substring(7));

        lms.useCourse("links-other-" + UUID.randomUUID());
        String otherLink = lms.linkHint("lms-link-" + UUID.randomUUID(), "Theirs", Map.of());
        long theirLink = Long.parseLong(launch("teacher-1", otherLink).location().substring(7));
        LaunchedViewer.signIn(db, lms, "teacher-1");

        assertThat(placements.linkToSetUp(myLink)).isEmpty();
        assertThatThrownBy(() -> placements.tieLink(myLink, mine.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> placements.tieLink(theirLink, mine.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(db.select(LTI_RESOURCE_LINK.UNIT_ID).from(LTI_RESOURCE_LINK).where(LTI_RESOURCE_LINK.ID.in(myLink, theirLink))
                .fetch(LTI_RESOURCE_LINK.UNIT_ID)).containsOnlyNulls();
    }

    @Test
    void students_cannot_set_links_up() {
        String link = lms.linkHint("lms-link-" + UUID.randomUUID(), "Week 1", Map.of());
        long linkId = Long.parseLong(launch("teacher-1", link).location().substring(7));
        launch("student-1", link);
        LaunchedViewer.signIn(db, lms, "student-1");

        assertThatThrownBy(() -> placements.useLinkForCourseHome(linkId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> placements.linkToSetUp(linkId)).isInstanceOf(AccessDeniedException.class);
    }

    // --- helpers ---

    private final Map<Long, String> keys = new java.util.HashMap<>();

    private LtiBrowser.Response launch(String subject, String messageHint) {
        LtiBrowser.Response response = new LtiBrowser("http://localhost:" + port).launch(lms, subject, messageHint);
        assertThat(response.status()).as(response.body()).isEqualTo(303);
        return response;
    }

    /** The teacher launches the course home, then makes a unit with one target there, published or not. */
    private Unit unitAsTeacher(String title, boolean published) {
        assertThat(new LtiBrowser("http://localhost:" + port).launch(lms, "teacher-1").location()).isEqualTo("/teacher");
        LaunchedViewer.signIn(db, lms, "teacher-1");
        var standards = RubricTestData.standards(library);
        Unit unit = units.create(title);
        unit = units.save(unit.id(), UnitTestData.draft(unit, Pacing.SELF_PACED, Continuum.PARTICIPANT,
                UnitTestData.target(standards.indicator(), null, UnitTestData.formative("Check", UnitTestData.option("Essay")))));
        if (published) {
            unit = units.publish(unit.id(), unit.revision());
        }
        UnitLink link = units.inMyCourse(unit.id()).orElseThrow();
        assertThat(link.gradebookResourceId()).isEqualTo(link.key());
        keys.put(unit.id(), link.key());
        SecurityContextHolder.clearContext();
        return unit;
    }
}
