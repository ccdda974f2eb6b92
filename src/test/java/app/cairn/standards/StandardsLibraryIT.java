package app.cairn.standards;

import static cairn.schema.Tables.STANDARDS_FRAMEWORK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import app.cairn.course.CourseDirectory;
import app.cairn.lti.PlatformRegistry;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;
import app.cairn.testing.CairnSpringTest;
import app.cairn.testing.TestLaunch;

@CairnSpringTest
class StandardsLibraryIT {

    @Autowired
    StandardsLibrary library;
    @Autowired
    CourseDirectory courses;
    @Autowired
    PlatformRegistry platforms;
    @Autowired
    DSLContext db;

    TestLaunch launch;
    String course;

    @BeforeEach
    void launchAsTeacher() {
        launch = new TestLaunch(courses, platforms);
        course = TestLaunch.newCourse();
        launch.teacherOf(course);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void teacher_builds_a_framework_from_attribute_to_objective() {
        StandardsFramework framework = library.createFramework("  District profile  ");
        StandardItem attribute = library.addItem(framework.id(), null,
                ItemDraft.of(Level.GRADUATE_ATTRIBUTE, null, "Critical thinker")).item();
        StandardItem standard = library.addItem(framework.id(), null, new ItemDraft(Level.STANDARD, Kind.CONTENT_AREA,
                "Science", "SCI.1", "Students investigate ecosystems.", null)).item();
        StandardItem indicator = library.addItem(framework.id(), standard.id(),
                ItemDraft.of(Level.INDICATOR, "SCI.1.a", "Models energy flow.")).item();
        StandardItem objective = library.addItem(framework.id(), indicator.id(),
                ItemDraft.of(Level.OBJECTIVE, null, "Draws a food web.")).item();

        assertThat(framework.title()).isEqualTo("District profile");
        assertThat(framework.shared()).isFalse();
        assertThat(library.items(framework.id(), false)).extracting(StandardItem::statement)
                .containsExactly("Critical thinker", "Students investigate ecosystems.", "Models energy flow.",
                        "Draws a food web.");
        assertThat(standard.kind()).isEqualTo(Kind.CONTENT_AREA);
        assertThat(standard.subject()).isEqualTo("Science");
        assertThat(standard.position()).isEqualTo(1);
        assertThat(objective.parentId()).isEqualTo(indicator.id());
        assertThat(objective.revision()).isEqualTo(1);
        assertThat(attribute.level()).isEqualTo(Level.GRADUATE_ATTRIBUTE);
    }

    @Test
    void empty_statement_is_refused() {
        StandardsFramework framework = library.createFramework("F");

        assertThatThrownBy(() -> library.addItem(framework.id(), null, ItemDraft.of(Level.STANDARD, "X", "   ")))
                .isInstanceOfSatisfying(StandardsRefusal.class, refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("standards.error.empty-statement");
                    assertThat(refusal.field()).isEqualTo("statement");
                });
        assertThat(library.items(framework.id(), true)).isEmpty();
    }

    @Test
    void duplicate_code_within_a_framework_is_refused_but_fine_in_another() {
        StandardsFramework first = library.createFramework("First");
        StandardsFramework second = library.createFramework("Second");
        library.addItem(first.id(), null, ItemDraft.of(Level.STANDARD, "COM.1", "Communicates clearly."));

        assertThatThrownBy(() -> library.addItem(first.id(), null, ItemDraft.of(Level.STANDARD, "COM.1", "Other.")))
                .isInstanceOfSatisfying(StandardsRefusal.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("standards.error.duplicate-code"));
        assertThat(library.addItem(second.id(), null, ItemDraft.of(Level.STANDARD, "COM.1", "Same code, other framework.")))
                .isNotNull();
    }

    @Test
    void a_seventh_graduate_attribute_is_saved_with_a_warning() {
        StandardsFramework framework = library.createFramework("Profile");
        for (int i = 1; i <= 6; i++) {
            assertThat(library.addItem(framework.id(), null, ItemDraft.of(Level.GRADUATE_ATTRIBUTE, null, "Attribute " + i))
                    .warnings()).isEmpty();
        }

        Saved seventh = library.addItem(framework.id(), null, ItemDraft.of(Level.GRADUATE_ATTRIBUTE, null, "Attribute 7"));

        assertThat(seventh.warnings()).containsExactly(Saved.Warning.MORE_THAN_SIX_GRADUATE_ATTRIBUTES);
        assertThat(library.items(framework.id(), false)).hasSize(7);
    }

    @Test
    void editing_an_item_counts_a_revision_only_when_something_changed() {
        StandardsFramework framework = library.createFramework("F");
        StandardItem item = library.addItem(framework.id(), null, ItemDraft.of(Level.STANDARD, "A", "Old")).item();

        StandardItem same = library.updateItem(item.id(), ItemDraft.of(Level.STANDARD, "A", "Old")).item();
        StandardItem changed = library.updateItem(item.id(), ItemDraft.of(Level.STANDARD, "A", "New")).item();

        assertThat(same.revision()).isEqualTo(1);
        assertThat(changed.revision()).isEqualTo(2);
        assertThat(changed.statement()).isEqualTo("New");
    }

    @Test
    void moving_up_and_down_swaps_siblings_and_stops_at_the_ends() {
        StandardsFramework framework = library.createFramework("F");
        long a = library.addItem(framework.id(), null, ItemDraft.of(Level.STANDARD, "A", "A")).item().id();
        long b = library.addItem(framework.id(), null, ItemDraft.of(Level.STANDARD, "B", "B")).item().id();
        long c = library.addItem(framework.id(), null, ItemDraft.of(Level.STANDARD, "C", "C")).item().id();

        library.move(c, true);
        library.move(a, true);
        assertThat(codes(framework)).containsExactly("A", "C", "B");
        library.move(a, false);
        assertThat(codes(framework)).containsExactly("C", "A", "B");
        library.move(b, false);
        assertThat(codes(framework)).containsExactly("C", "A", "B");
    }

    @Test
    void archived_item_and_its_children_are_kept_but_hidden() {
        StandardsFramework framework = library.createFramework("F");
        StandardItem standard = library.addItem(framework.id(), null, ItemDraft.of(Level.STANDARD, "S", "Standard")).item();
        library.addItem(framework.id(), standard.id(), ItemDraft.of(Level.INDICATOR, "S.1", "Indicator"));
        library.addItem(framework.id(), null, ItemDraft.of(Level.STANDARD, "T", "Another"));

        library.archive(standard.id());

        assertThat(codes(framework)).containsExactly("T");
        assertThat(library.items(framework.id(), true)).hasSize(3)
                .filteredOn(StandardItem::archived).extracting(StandardItem::code).containsExactlyInAnyOrder("S", "S.1");
        // The code of an archived item may be used again.
        assertThat(library.addItem(framework.id(), null, ItemDraft.of(Level.STANDARD, "S", "Standard, rewritten")))
                .isNotNull();
    }

    @Test
    void standards_link_to_graduate_profile_attributes() {
        StandardsFramework framework = library.createFramework("F");
        long attribute = library.addItem(framework.id(), null, ItemDraft.of(Level.GRADUATE_ATTRIBUTE, null, "Collaborator"))
                .item().id();
        long standard = library.addItem(framework.id(), null, ItemDraft.of(Level.STANDARD, "S", "Works in teams")).item().id();

        library.linkAttributes(standard, Set.of(attribute));

        assertThat(library.linkedAttributes(standard)).containsExactly(attribute);
        assertThatThrownBy(() -> library.linkAttributes(attribute, Set.of(standard))).isInstanceOf(StandardsRefusal.class);
    }

    @Test
    void student_reads_their_course_library_but_cannot_change_it() {
        StandardsFramework framework = library.createFramework("F");
        StandardItem item = library.addItem(framework.id(), null, ItemDraft.of(Level.STANDARD, "S", "Visible")).item();

        launch.studentOf(course);

        assertThat(library.frameworks()).extracting(StandardsFramework::id).containsExactly(framework.id());
        assertThat(library.items(framework.id(), false)).extracting(StandardItem::statement).containsExactly("Visible");
        assertThatThrownBy(() -> library.createFramework("Mine")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.archive(item.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.updateItem(item.id(), ItemDraft.of(Level.STANDARD, "S", "Changed")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void another_course_can_neither_see_nor_touch_a_private_framework() {
        StandardsFramework framework = library.createFramework("Private");
        StandardItem item = library.addItem(framework.id(), null, ItemDraft.of(Level.STANDARD, "S", "Mine")).item();

        launch.teacherOf(TestLaunch.newCourse());

        assertThat(library.frameworks()).isEmpty();
        assertThatThrownBy(() -> library.items(framework.id(), false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.addItem(framework.id(), null, ItemDraft.of(Level.STANDARD, "X", "Intruder")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.archive(item.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.move(item.id(), true)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_framework_shared_with_the_platform_is_read_only_for_its_courses_and_invisible_elsewhere() {
        // A platform of its own, so the shared framework shows up in no other test.
        String district = "https://district-lms.example";
        Viewer teacher = launch.as(Role.TEACHER, district, course);
        LocalDateTime now = LocalDateTime.of(2026, 1, 5, 8, 0);
        long shared = db.insertInto(STANDARDS_FRAMEWORK).set(STANDARDS_FRAMEWORK.PLATFORM_ID, teacher.platformId())
                .set(STANDARDS_FRAMEWORK.TITLE, "District graduation standards").set(STANDARDS_FRAMEWORK.SOURCE, "MANUAL")
                .set(STANDARDS_FRAMEWORK.CREATED_AT, now).set(STANDARDS_FRAMEWORK.UPDATED_AT, now)
                .returning(STANDARDS_FRAMEWORK.ID).fetchSingle().getId();

        launch.as(Role.STUDENT, district, TestLaunch.newCourse());
        assertThat(library.frameworks()).filteredOn(StandardsFramework::shared).extracting(StandardsFramework::id)
                .contains(shared);
        assertThat(library.items(shared, false)).isEmpty();

        launch.as(Role.TEACHER, district, TestLaunch.newCourse());
        assertThatThrownBy(() -> library.addItem(shared, null, ItemDraft.of(Level.STANDARD, "X", "Local edit")))
                .isInstanceOf(AccessDeniedException.class);

        launch.as(Role.TEACHER, "https://other-lms.example", TestLaunch.newCourse());
        assertThat(library.frameworks()).extracting(StandardsFramework::id).doesNotContain(shared);
        assertThatThrownBy(() -> library.items(shared, false)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_course_framework_shared_with_the_platform_is_a_read_only_copy_for_its_other_courses_only() {
        // A platform of its own, so the shared copy shows up in no other test.
        String district = "https://district-" + java.util.UUID.randomUUID() + ".example";
        launch.as(Role.TEACHER, district, course);
        StandardsFramework original = library.createFramework("District profile");
        StandardItem thinker = library.addItem(original.id(), null,
                ItemDraft.of(Level.GRADUATE_ATTRIBUTE, "GA.1", "Critical thinker")).item();
        StandardItem collaborator = library.addItem(original.id(), null,
                ItemDraft.of(Level.GRADUATE_ATTRIBUTE, "GA.2", "Collaborator")).item();
        StandardItem standard = library.addItem(original.id(), null, new ItemDraft(Level.STANDARD, Kind.CROSS_CURRICULAR,
                null, "COM.1", "Communicates clearly.", "Across every subject.")).item();
        StandardItem first = library.addItem(original.id(), standard.id(), ItemDraft.of(Level.INDICATOR, "COM.1.a", "Writes.")).item();
        library.addItem(original.id(), standard.id(), ItemDraft.of(Level.INDICATOR, "COM.1.b", "Speaks."));
        library.addItem(original.id(), first.id(), ItemDraft.of(Level.OBJECTIVE, null, "Drafts a letter."));
        StandardItem gone = library.addItem(original.id(), null, ItemDraft.of(Level.STANDARD, "OLD", "Archived one")).item();
        library.archive(gone.id());
        library.move(collaborator.id(), true);
        library.linkAttributes(standard.id(), Set.of(thinker.id(), collaborator.id()));

        StandardsFramework shared = library.shareFrameworkWithPlatform(original.id());

        assertThat(shared.shared()).isTrue();
        assertThat(shared.title()).isEqualTo("District profile");
        assertThat(library.frameworks()).extracting(StandardsFramework::id).contains(original.id(), shared.id());

        launch.as(Role.TEACHER, district, TestLaunch.newCourse());
        assertThat(library.frameworks()).filteredOn(StandardsFramework::shared).extracting(StandardsFramework::id)
                .containsExactly(shared.id());
        List<StandardItem> copy = library.items(shared.id(), false);
        assertThat(copy).extracting(StandardItem::code)
                .containsExactly("GA.2", "GA.1", "COM.1", "COM.1.a", null, "COM.1.b");
        assertThat(copy).extracting(StandardItem::statement).doesNotContain("Archived one");
        StandardItem copiedStandard = copy.get(2);
        assertThat(copiedStandard.kind()).isEqualTo(Kind.CROSS_CURRICULAR);
        assertThat(copiedStandard.description()).isEqualTo("Across every subject.");
        assertThat(copiedStandard.sourceIdentifier()).isEqualTo("cairn-" + standard.id());
        assertThat(copy.get(3).parentId()).isEqualTo(copiedStandard.id());
        assertThat(copy.get(4).parentId()).isEqualTo(copy.get(3).id());
        assertThat(copy.get(4).level()).isEqualTo(Level.OBJECTIVE);
        assertThat(library.linkedAttributes(copiedStandard.id())).containsExactlyInAnyOrder(copy.get(0).id(), copy.get(1).id());
        assertThat(library.attributeLinks(shared.id()).get(copiedStandard.id())).extracting(StandardItem::code)
                .containsExactly("GA.2", "GA.1");
        assertThatThrownBy(() -> library.addItem(shared.id(), null, ItemDraft.of(Level.STANDARD, "X", "Local edit")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.updateItem(copiedStandard.id(), ItemDraft.of(Level.STANDARD, "X", "Changed")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.linkAttributes(copiedStandard.id(), Set.of()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.shareFrameworkWithPlatform(shared.id())).as("already shared")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.shareFrameworkWithPlatform(original.id())).as("another course's")
                .isInstanceOf(AccessDeniedException.class);

        launch.as(Role.STUDENT, district, TestLaunch.newCourse());
        assertThat(library.items(shared.id(), false)).hasSize(6);

        launch.as(Role.TEACHER, "https://other-lms.example", TestLaunch.newCourse());
        assertThat(library.frameworks()).extracting(StandardsFramework::id).doesNotContain(shared.id());
        assertThatThrownBy(() -> library.items(shared.id(), false)).isInstanceOf(AccessDeniedException.class);

        // The course's own framework stays editable and independent of the copy.
        launch.as(Role.TEACHER, district, course);
        library.updateItem(standard.id(), ItemDraft.of(Level.STANDARD, "COM.1", "Communicates with purpose."));
        library.linkAttributes(standard.id(), Set.of(thinker.id()));
        library.archive(first.id());
        assertThat(library.items(original.id(), false)).hasSize(4);
        assertThat(library.items(shared.id(), false)).hasSize(6)
                .extracting(StandardItem::statement).contains("Communicates clearly.");
        assertThat(library.linkedAttributes(copiedStandard.id())).hasSize(2);
    }

    @Test
    void students_cannot_share_and_sharing_twice_or_the_same_case_document_is_refused() {
        String district = "https://district-" + java.util.UUID.randomUUID() + ".example";
        launch.as(Role.TEACHER, district, course);
        StandardsFramework empty = library.createFramework("Empty");
        StandardsFramework framework = library.createFramework("Science");
        library.addItem(framework.id(), null, ItemDraft.of(Level.STANDARD, "SCI.1", "Investigates."));
        db.update(STANDARDS_FRAMEWORK).set(STANDARDS_FRAMEWORK.CASE_IDENTIFIER, "case-doc-1")
                .where(STANDARDS_FRAMEWORK.ID.eq(framework.id())).execute();

        launch.as(Role.STUDENT, district, course);
        assertThatThrownBy(() -> library.shareFrameworkWithPlatform(framework.id())).isInstanceOf(AccessDeniedException.class);

        launch.as(Role.TEACHER, district, course);
        assertThatThrownBy(() -> library.shareFrameworkWithPlatform(empty.id())).isInstanceOfSatisfying(
                StandardsRefusal.class, refusal -> assertThat(refusal.messageKey()).isEqualTo("standards.share.error.empty"));
        library.shareFrameworkWithPlatform(framework.id());
        assertThatThrownBy(() -> library.shareFrameworkWithPlatform(framework.id())).isInstanceOfSatisfying(
                StandardsRefusal.class, refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("standards.share.error.case-exists");
                    assertThat(refusal.args()).containsExactly("Science");
                });
        StandardsFramework manual = library.createFramework("Typed in");
        library.addItem(manual.id(), null, ItemDraft.of(Level.STANDARD, "T.1", "Typed."));
        library.shareFrameworkWithPlatform(manual.id());
        assertThatThrownBy(() -> library.shareFrameworkWithPlatform(manual.id())).isInstanceOfSatisfying(
                StandardsRefusal.class,
                refusal -> assertThat(refusal.messageKey()).isEqualTo("standards.share.error.already-shared"));
        assertThat(library.frameworks()).filteredOn(StandardsFramework::shared).hasSize(2);
    }

    @Test
    void nobody_without_a_launch_reads_the_library() {
        SecurityContextHolder.clearContext();

        assertThatThrownBy(() -> library.frameworks()).isInstanceOf(AccessDeniedException.class);
    }

    private List<String> codes(StandardsFramework framework) {
        return library.items(framework.id(), false).stream().map(StandardItem::code).toList();
    }
}
