package app.cairn.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import app.cairn.course.CourseDirectory;
import app.cairn.lti.PlatformRegistry;
import app.cairn.testing.CairnSpringTest;
import app.cairn.testing.TestLaunch;

@CairnSpringTest
class CaseImportIT {

    /** CI checks out ../shared beside the clone; Maven runs tests from the project root. */
    static final Path FIXTURES = Path.of(System.getProperty("user.dir")).resolve(Path.of("..", "shared", "fixtures", "case"))
            .normalize();
    static final String OPENSALT = "opensalt-framework-20c5134f-423d-4097-a971-3dd5152bf507.json";

    @Autowired
    StandardsLibrary library;
    @Autowired
    CourseDirectory courses;
    @Autowired
    PlatformRegistry platforms;

    TestLaunch launch;

    @BeforeEach
    void launchAsTeacher() {
        launch = new TestLaunch(courses, platforms);
        launch.teacherOf(TestLaunch.newCourse());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void every_fixture_imports_with_all_its_items() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(FIXTURES)) {
            files = list.filter(path -> path.toString().endsWith(".json") && !path.getFileName().toString().contains("schema"))
                    .sorted().toList();
        }
        assertThat(files).as("CASE fixtures in " + FIXTURES).hasSize(5);
        for (Path file : files) {
            // The four small OpenSALT test frameworks share one CFDocument identifier: one course each.
            launch.teacherOf(TestLaunch.newCourse());
            CasePreview preview = preview(file.getFileName().toString());
            ImportResult result = library.importCase(preview, preview.suggestedMapping());
            assertThat(library.items(result.framework().id(), false)).as(file.toString()).hasSize(preview.items().size());
            assertThat(result.created()).isEqualTo(preview.items().size());
        }
    }

    @Test
    void common_core_ratios_preview_shows_the_tree_and_guesses_levels_by_depth() throws IOException {
        CasePreview preview = preview(OPENSALT);

        assertThat(preview.title()).isEqualTo("What Standards Could Be");
        assertThat(preview.items()).hasSize(16);
        assertThat(preview.roots()).extracting(CasePreview.Node::code)
                .containsExactly("CCSS.Math.Content.6.RP.A", "CCSS.Math.Content.7.RP.A");
        assertThat(preview.childrenOf("edfce0e7-dbbf-40d5-af1a-baccabef85e9")).extracting(CasePreview.Node::code)
                .containsExactly("CCSS.Math.Content.6.RP.A.1", "CCSS.Math.Content.6.RP.A.2", "CCSS.Math.Content.6.RP.A.3");
        assertThat(preview.itemTypes()).extracting(CasePreview.ItemType::name, CasePreview.ItemType::count,
                CasePreview.ItemType::suggested).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Cluster", 2, Level.STANDARD),
                        org.assertj.core.groups.Tuple.tuple("Standard", 6, Level.INDICATOR),
                        org.assertj.core.groups.Tuple.tuple("Component", 8, Level.OBJECTIVE));
        assertThat(preview.items()).filteredOn(node -> "CCSS.Math.Content.6.RP.A.3a".equals(node.code())).singleElement()
                .satisfies(node -> {
                    assertThat(node.depth()).isEqualTo(3);
                    assertThat(node.statement()).startsWith("Make tables of equivalent ratios relating quantities");
                });
    }

    @Test
    void common_core_ratios_import_keeps_the_hierarchy_codes_and_statements() throws IOException {
        CasePreview preview = preview(OPENSALT);

        ImportResult result = library.importCase(preview, preview.suggestedMapping());

        List<StandardItem> items = library.items(result.framework().id(), false);
        assertThat(result.framework().source()).isEqualTo(FrameworkSource.CASE);
        assertThat(result.framework().caseIdentifier()).isEqualTo("20c5134f-423d-4097-a971-3dd5152bf507");
        assertThat(items).filteredOn(item -> item.level() == Level.STANDARD).hasSize(2);
        assertThat(items).filteredOn(item -> item.level() == Level.INDICATOR).hasSize(6);
        assertThat(items).filteredOn(item -> item.level() == Level.OBJECTIVE).hasSize(8);
        StandardItem component = byCode(items, "CCSS.Math.Content.6.RP.A.3a");
        StandardItem standard = byCode(items, "CCSS.Math.Content.6.RP.A.3");
        assertThat(component.parentId()).isEqualTo(standard.id());
        assertThat(component.sourceIdentifier()).startsWith("acc5bce4");
        assertThat(standard.statement()).startsWith("Use ratio and rate reasoning to solve real-world");
        assertThat(items.getFirst().code()).isEqualTo("CCSS.Math.Content.6.RP.A");
    }

    @Test
    void skipping_an_item_type_moves_its_children_up() throws IOException {
        CasePreview preview = preview(OPENSALT);

        ImportResult result = library.importCase(preview, Map.of("type:Cluster", Optional.empty(),
                "type:Standard", Optional.of(Level.STANDARD), "type:Component", Optional.of(Level.INDICATOR)));

        List<StandardItem> items = library.items(result.framework().id(), false);
        assertThat(items).hasSize(14);
        assertThat(items).filteredOn(item -> item.parentId() == null).extracting(StandardItem::code).containsExactly(
                "CCSS.Math.Content.6.RP.A.1", "CCSS.Math.Content.6.RP.A.2", "CCSS.Math.Content.6.RP.A.3",
                "CCSS.Math.Content.7.RP.A.1", "CCSS.Math.Content.7.RP.A.2", "CCSS.Math.Content.7.RP.A.3");
    }

    @Test
    void items_without_a_type_are_grouped_by_depth() throws IOException {
        CasePreview preview = preview("SmartLevelFramework.json");

        assertThat(preview.itemTypes()).extracting(CasePreview.ItemType::key, CasePreview.ItemType::count,
                CasePreview.ItemType::suggested).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("depth:1", 2, Level.STANDARD),
                        org.assertj.core.groups.Tuple.tuple("depth:2", 12, Level.INDICATOR));
        assertThat(preview.childrenOf("00000000-0000-0000-0000-000000000001")).extracting(CasePreview.Node::statement)
                .containsExactly("Item 1.1", "Item 1.2", "Item 1.3", "Item 1.4", "Item 1.5", "Item 1.6", "Item 1.7",
                        "Item 1.8", "Item 1.9", "Item 1.10");
    }

    @Test
    void sequence_numbers_order_siblings() throws IOException {
        CasePreview preview = preview("SequenceNumberFramework.json");

        ImportResult result = library.importCase(preview, preview.suggestedMapping());

        assertThat(library.items(result.framework().id(), false)).extracting(StandardItem::code)
                .containsExactly("SNT.2", "SNT.1");
    }

    @Test
    void item_type_fixture_offers_its_one_type() throws IOException {
        CasePreview preview = preview("ItemTypeTestFramework.json");

        assertThat(preview.itemTypes()).singleElement().satisfies(type -> {
            assertThat(type.name()).isEqualTo("Standard");
            assertThat(type.count()).isEqualTo(1);
        });
    }

    @Test
    void utf8_text_outside_the_basic_plane_survives_the_database() throws IOException {
        CasePreview preview = preview("Utf8TestFramework.json");

        ImportResult result = library.importCase(preview, preview.suggestedMapping());

        assertThat(result.framework().title()).isEqualTo("UTF8 \uD835\uDC51 Test");
        assertThat(library.frameworks()).extracting(StandardsFramework::title).containsExactly("UTF8 𝑑 Test");
        assertThat(library.items(result.framework().id(), false)).extracting(StandardItem::statement)
                .containsExactly("Item 𝑑 1");
    }

    @Test
    void reimporting_updates_in_place_without_duplicates() throws IOException {
        CasePreview first = preview(OPENSALT);
        ImportResult created = library.importCase(first, first.suggestedMapping());

        ImportResult again = library.importCase(first, first.suggestedMapping());
        assertThat(again.framework().id()).isEqualTo(created.framework().id());
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();

        String changed = fixture(OPENSALT).replace("Represent proportional relationships by equations.",
                "Represent proportional relationships by equations and graphs.");
        CasePreview edited = library.previewCase(stream(changed));
        ImportResult updated = library.importCase(edited, edited.suggestedMapping());

        assertThat(updated.framework().id()).isEqualTo(created.framework().id());
        assertThat(updated.created()).isZero();
        assertThat(updated.updated()).isEqualTo(1);
        assertThat(library.frameworks()).hasSize(1);
        List<StandardItem> items = library.items(created.framework().id(), true);
        assertThat(items).hasSize(16);
        assertThat(byCode(items, "CCSS.Math.Content.7.RP.A.2c").statement()).endsWith("equations and graphs.");
        assertThat(byCode(items, "CCSS.Math.Content.7.RP.A.2c").revision()).isEqualTo(2);
    }

    @Test
    void an_item_gone_from_the_file_is_archived_on_reimport() throws IOException {
        String two = fixture("SequenceNumberFramework.json");
        CasePreview before = library.previewCase(stream(two));
        ImportResult first = library.importCase(before, before.suggestedMapping());
        String one = """
                {"CFDocument": {"identifier": "d0000000-0000-0000-0000-000000000000", "title": "Sequence Number Test"},
                 "CFItems": [{"identifier": "e144c2e6-c0ea-11e7-95f7-5d664f4d8844", "humanCodingScheme": "SNT.1",
                              "fullStatement": "First Added Item"}]}""";

        CasePreview after = library.previewCase(stream(one));
        ImportResult second = library.importCase(after, after.suggestedMapping());

        assertThat(second.archived()).isEqualTo(1);
        assertThat(library.items(first.framework().id(), false)).extracting(StandardItem::code).containsExactly("SNT.1");
        assertThat(library.items(first.framework().id(), true)).hasSize(2);
    }

    @Test
    void a_file_that_is_not_json_is_refused() {
        assertRefused("this is { not json", "standards.case.error.not-json", null, null);
    }

    @Test
    void a_package_without_a_document_is_refused() {
        assertRefused("{\"CFItems\": []}", "standards.case.error.missing", "CFDocument", null);
    }

    @Test
    void an_item_without_a_full_statement_is_refused_with_its_identifier() {
        assertRefused("""
                {"CFDocument": {"identifier": "doc-1", "title": "T"},
                 "CFItems": [{"identifier": "item-1", "fullStatement": "Fine"}, {"identifier": "item-2"}]}""",
                "standards.case.error.missing", "fullStatement", "item-2");
    }

    @Test
    void a_child_of_an_unknown_item_is_refused_with_that_identifier() {
        assertRefused("""
                {"CFDocument": {"identifier": "doc-1", "title": "T"},
                 "CFItems": [{"identifier": "item-1", "fullStatement": "Fine"}],
                 "CFAssociations": [{"identifier": "a-1", "associationType": "isChildOf",
                   "originNodeURI": {"identifier": "item-1"}, "destinationNodeURI": {"identifier": "ghost-9"}}]}""",
                "standards.case.error.unknown-item", "destinationNodeURI", "ghost-9");
    }

    @Test
    void a_cycle_of_parents_is_refused() {
        assertRefused("""
                {"CFDocument": {"identifier": "doc-1", "title": "T"},
                 "CFItems": [{"identifier": "a", "fullStatement": "A"}, {"identifier": "b", "fullStatement": "B"}],
                 "CFAssociations": [
                   {"associationType": "isChildOf", "originNodeURI": {"identifier": "a"}, "destinationNodeURI": {"identifier": "b"}},
                   {"associationType": "isChildOf", "originNodeURI": {"identifier": "b"}, "destinationNodeURI": {"identifier": "a"}}]}""",
                "standards.case.error.cycle", "CFAssociations", "a");
    }

    @Test
    void a_file_over_twenty_megabytes_is_refused() {
        byte[] huge = new byte[CaseParser.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');

        assertThatThrownBy(() -> library.previewCase(new ByteArrayInputStream(huge)))
                .isInstanceOfSatisfying(StandardsRefusal.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("standards.case.error.too-large"));
    }

    @Test
    void duplicate_codes_refuse_the_import_and_write_nothing() {
        CasePreview preview = library.previewCase(stream("""
                {"CFDocument": {"identifier": "doc-dup", "title": "Dup"},
                 "CFItems": [{"identifier": "x1", "humanCodingScheme": "A.1", "fullStatement": "One"},
                             {"identifier": "x2", "humanCodingScheme": "A.1", "fullStatement": "Two"}]}"""));

        assertThatThrownBy(() -> library.importCase(preview, preview.suggestedMapping()))
                .isInstanceOfSatisfying(StandardsRefusal.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("humanCodingScheme");
                    assertThat(refusal.identifier()).isEqualTo("x2");
                });
        assertThat(library.frameworks()).isEmpty();
    }

    @Test
    void students_cannot_import() throws IOException {
        CasePreview preview = preview("Utf8TestFramework.json");
        launch.studentOf(TestLaunch.newCourse());

        assertThatThrownBy(() -> library.importCase(preview, preview.suggestedMapping()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.previewCase(stream(fixture(OPENSALT)))).isInstanceOf(AccessDeniedException.class);
    }

    private void assertRefused(String json, String key, String field, String identifier) {
        assertThatThrownBy(() -> library.previewCase(stream(json)))
                .isInstanceOfSatisfying(StandardsRefusal.class, refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo(key);
                    assertThat(refusal.field()).isEqualTo(field);
                    assertThat(refusal.identifier()).isEqualTo(identifier);
                });
        assertThat(library.frameworks()).isEmpty();
    }

    private CasePreview preview(String file) throws IOException {
        try (InputStream in = Files.newInputStream(FIXTURES.resolve(file))) {
            return library.previewCase(in);
        }
    }

    private static String fixture(String file) throws IOException {
        return Files.readString(FIXTURES.resolve(file), StandardCharsets.UTF_8);
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static StandardItem byCode(List<StandardItem> items, String code) {
        return items.stream().filter(item -> code.equals(item.code())).findFirst().orElseThrow();
    }
}
