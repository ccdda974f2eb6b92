package app.cairn.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
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
class CanvasOutcomesCsvIT {

    static final String HEADER = "vendor_guid,object_type,title,description,display_name,calculation_method,"
            + "calculation_int,workflow_state,parent_guids,ratings,,,,\r\n";

    /** Groups, nested outcomes, quoted commas, quotes and line breaks, accents, a BOM and CRLF line ends. */
    static final String SCIENCE = "\uFEFF" + HEADER
            + "sci,group,Ciencias naturales,\"Área de ciencias, grados 6–8\",SCI,,,active,,,,,,\r\n"
            + "sci-eco,group,Ecosistemas,,SCI.1,,,active,sci,,,,,\r\n"
            + "sci-eco-1,outcome,\"Explica el flujo de energía, con \"\"cadenas\"\" tróficas\",\"Primera línea\nsegunda línea\","
            + "SCI.1.a,decaying_average,65,active,sci-eco,4,Excede,3,Competente\r\n"
            + "sci-eco-2,outcome,Modela ciclos de materia,,SCI.1.b,highest,,active,sci-eco,4,Excede,3,Competente\r\n"
            + "sci-lab,outcome,Trabaja con seguridad en el laboratorio,,SCI.2,,,active,sci,,,,,\r\n";

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
    void groups_and_nested_outcomes_import_with_quoted_fields_and_accents() {
        CanvasCsvPreview preview = library.previewCanvasCsv(stream(SCIENCE), "Ciencias 2025.csv");

        assertThat(preview.title()).isEqualTo("Ciencias 2025");
        assertThat(preview.items()).hasSize(5);
        assertThat(preview.itemTypes()).extracting(ImportPreview.ItemType::key, ImportPreview.ItemType::count,
                ImportPreview.ItemType::suggested).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("group:1", 1, Level.STANDARD),
                        org.assertj.core.groups.Tuple.tuple("group:2", 1, Level.INDICATOR),
                        org.assertj.core.groups.Tuple.tuple("outcome:2", 1, Level.INDICATOR),
                        org.assertj.core.groups.Tuple.tuple("outcome:3", 2, Level.OBJECTIVE));
        assertThat(preview.outcomesWithScoring()).isEqualTo(2);
        assertThat(preview.outcomes().getFirst().ratings()).extracting(CanvasCsvPreview.Rating::description)
                .containsExactly("Excede", "Competente");

        ImportResult result = library.importCanvasCsv(preview, preview.suggestedMapping());

        assertThat(result.created()).isEqualTo(5);
        assertThat(result.framework().source()).isEqualTo(FrameworkSource.CANVAS_CSV);
        assertThat(result.framework().title()).isEqualTo("Ciencias 2025");
        List<StandardItem> items = library.items(result.framework().id(), false);
        assertThat(items).extracting(StandardItem::code).containsExactly("SCI", "SCI.1", "SCI.1.a", "SCI.1.b", "SCI.2");
        StandardItem root = byCode(items, "SCI");
        assertThat(root.statement()).isEqualTo("Ciencias naturales");
        assertThat(root.description()).isEqualTo("Área de ciencias, grados 6–8");
        assertThat(root.sourceIdentifier()).isEqualTo("sci");
        StandardItem energy = byCode(items, "SCI.1.a");
        assertThat(energy.statement()).isEqualTo("Explica el flujo de energía, con \"cadenas\" tróficas");
        assertThat(energy.description()).isEqualTo("Primera línea\nsegunda línea");
        assertThat(energy.parentId()).isEqualTo(byCode(items, "SCI.1").id());
        assertThat(energy.level()).isEqualTo(Level.OBJECTIVE);
        assertThat(byCode(items, "SCI.2").parentId()).isEqualTo(root.id());
        assertThat(byCode(items, "SCI.2").level()).isEqualTo(Level.INDICATOR);
    }

    @Test
    void the_teacher_maps_groups_and_outcomes_onto_levels_and_skips_the_root() {
        CanvasCsvPreview preview = library.previewCanvasCsv(stream(SCIENCE), "science.csv");

        ImportResult result = library.importCanvasCsv(preview, Map.of("group:1", Optional.empty(),
                "group:2", Optional.of(Level.STANDARD), "outcome:2", Optional.of(Level.STANDARD),
                "outcome:3", Optional.of(Level.INDICATOR)));

        List<StandardItem> items = library.items(result.framework().id(), false);
        assertThat(items).filteredOn(item -> item.parentId() == null).extracting(StandardItem::code)
                .containsExactly("SCI.1", "SCI.2");
        assertThat(items).filteredOn(item -> item.level() == Level.INDICATOR).extracting(StandardItem::code)
                .containsExactly("SCI.1.a", "SCI.1.b");
    }

    @Test
    void reimporting_updates_in_place_archives_what_left_and_never_duplicates() {
        CanvasCsvPreview first = library.previewCanvasCsv(stream(SCIENCE), "science.csv");
        ImportResult created = library.importCanvasCsv(first, first.suggestedMapping());

        ImportResult same = library.importCanvasCsv(first, first.suggestedMapping());
        assertThat(same.framework().id()).isEqualTo(created.framework().id());
        assertThat(same.created()).isZero();
        assertThat(same.updated()).isZero();

        // Another file name, one title changed, one outcome deleted, one new: still the same framework.
        String edited = SCIENCE.replace("Modela ciclos de materia", "Modela ciclos de materia y energía")
                .replace("sci-lab,outcome,Trabaja con seguridad en el laboratorio,,SCI.2,,,active",
                        "sci-lab,outcome,Trabaja con seguridad en el laboratorio,,SCI.2,,,deleted")
                + "sci-new,outcome,Diseña un experimento,,SCI.3,,,active,sci,,,,,\r\n";
        CanvasCsvPreview second = library.previewCanvasCsv(stream(edited), "science (1).csv");
        ImportResult updated = library.importCanvasCsv(second, second.suggestedMapping());

        assertThat(updated.framework().id()).isEqualTo(created.framework().id());
        assertThat(updated.framework().title()).isEqualTo("science");
        assertThat(updated.created()).isEqualTo(1);
        assertThat(updated.updated()).isEqualTo(1);
        assertThat(updated.archived()).isEqualTo(1);
        assertThat(library.frameworks()).hasSize(1);
        List<StandardItem> live = library.items(created.framework().id(), false);
        assertThat(live).extracting(StandardItem::code).containsExactly("SCI", "SCI.1", "SCI.1.a", "SCI.1.b", "SCI.3");
        assertThat(byCode(live, "SCI.1.b").statement()).isEqualTo("Modela ciclos de materia y energía");
        assertThat(byCode(live, "SCI.1.b").revision()).isEqualTo(2);
        assertThat(library.items(created.framework().id(), true)).hasSize(6);
    }

    @Test
    void round_trip_import_export_import_into_another_course_gives_the_same_tree() {
        CanvasCsvPreview preview = library.previewCanvasCsv(stream(SCIENCE), "science.csv");
        ImportResult first = library.importCanvasCsv(preview, preview.suggestedMapping());
        List<Shape> before = shape(library.items(first.framework().id(), false));

        byte[] exported = library.exportCanvasCsv(first.framework().id());
        String csv = new String(exported, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("vendor_guid,object_type,title,description,display_name,calculation_method,"
                + "calculation_int,workflow_state,parent_guids,ratings,,,,,,,\r\n");
        // The course's default scale as ratings, highest first; groups carry none.
        assertThat(csv).contains("sci-eco-2,outcome,Modela ciclos de materia,,SCI.1.b,,,active,sci-eco,"
                + "4,Exceeding,3,Proficient,2,Developing,1,Beginning\r\n");
        assertThat(csv).contains("sci,group,Ciencias naturales,\"Área de ciencias, grados 6–8\",SCI,,,active,,,,,,,,,\r\n");
        assertThat(csv).contains("\"Explica el flujo de energía, con \"\"cadenas\"\" tróficas\",\"Primera línea\nsegunda línea\"");

        launch.teacherOf(TestLaunch.newCourse());
        CanvasCsvPreview again = library.previewCanvasCsv(new ByteArrayInputStream(exported), "science.csv");
        ImportResult second = library.importCanvasCsv(again, again.suggestedMapping());

        assertThat(second.framework().id()).isNotEqualTo(first.framework().id());
        assertThat(shape(library.items(second.framework().id(), false))).isEqualTo(before);
    }

    @Test
    void items_typed_in_cairn_export_with_stable_guids_and_import_elsewhere() {
        StandardsFramework framework = library.createFramework("Escritura");
        StandardItem standard = library.addItem(framework.id(), null, ItemDraft.of(Level.STANDARD, "ESC.1",
                "Escribe textos, claros")).item();
        library.addItem(framework.id(), standard.id(), new ItemDraft(Level.INDICATOR, null, null, "ESC.1.a",
                "Organiza ideas", "Con \"conectores\"\r\ny párrafos"));
        List<Shape> before = shape(library.items(framework.id(), false));

        byte[] exported = library.exportCanvasCsv(framework.id());
        assertThat(new String(exported, StandardCharsets.UTF_8)).contains("cairn-" + standard.id() + ",group,");
        launch.teacherOf(TestLaunch.newCourse());
        CanvasCsvPreview preview = library.previewCanvasCsv(new ByteArrayInputStream(exported), null);
        ImportResult imported = library.importCanvasCsv(preview, preview.suggestedMapping());

        assertThat(shape(library.items(imported.framework().id(), false))).isEqualTo(before);
    }

    // --- refusals: each names the line and column, and nothing is written ---

    @Test
    void a_header_without_vendor_guid_is_refused() {
        assertRefused("guid,object_type,title\r\na,group,A\r\n", "standards.csv.error.header-unknown", 1, "A", "guid");
        assertRefused("object_type,title\r\ngroup,A\r\n", "standards.csv.error.header-missing", 1, null, "vendor_guid");
    }

    @Test
    void a_named_column_after_ratings_is_refused() {
        assertRefused("vendor_guid,object_type,title,ratings,,description\r\n",
                "standards.csv.error.header-ratings-last", 1, "F", "description");
    }

    @Test
    void an_unknown_parent_guid_is_refused_at_its_row() {
        assertRefused(HEADER + "g,group,G,,,,,active,,,,,,\r\no,outcome,O,,,,,active,ghost,,,,,\r\n",
                "standards.csv.error.unknown-parent", 3, "I", "parent_guids");
    }

    @Test
    void a_cycle_of_parents_is_refused() {
        assertRefused(HEADER + "a,group,A,,,,,active,b,,,,,\r\nb,group,B,,,,,active,a,,,,,\r\n",
                "standards.csv.error.cycle", 2, "I", "parent_guids");
    }

    @Test
    void an_empty_title_is_refused() {
        assertRefused(HEADER + "a,group,A,,,,,active,,,,,,\r\nb,outcome,  ,,,,,active,a,,,,,\r\n",
                "standards.csv.error.empty-title", 3, "C", "title");
    }

    @Test
    void a_duplicate_vendor_guid_is_refused_at_its_second_row() {
        assertRefused(HEADER + "a,group,A,,,,,active,,,,,,\r\n"
                        + "b,outcome,\"B, with\nthree\nlines\",,,,,active,a,,,,,\r\n"
                        + "a,outcome,Again,,,,,active,,,,,,\r\n",
                "standards.csv.error.duplicate-guid", 6, "A", "vendor_guid");
    }

    @Test
    void an_unclosed_quote_is_refused_as_not_csv() {
        assertRefused(HEADER + "a,group,A,,,,,active,,,,,,\r\nb,outcome,\"Never closed,,,,,active,a\r\n",
                "standards.csv.error.not-csv", 3, "C", null);
        assertRefused(HEADER + "a,group,Half \"quoted\",,,,,active,,,,,,\r\n", "standards.csv.error.not-csv", 2, "C", null);
    }

    @Test
    void a_file_that_is_not_utf8_is_refused_at_the_line_of_the_first_bad_byte() {
        byte[] latin1 = (HEADER + "a,group,Matemáticas,,,,,active,,,,,,\r\n").getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(latin1, "standards.csv.error.not-utf8", 2, null, null);
    }

    @Test
    void bad_scoring_cells_are_refused() {
        assertRefused(HEADER + "o,outcome,O,,,median,,active,,,,,,\r\n",
                "standards.csv.error.calculation-method", 2, "F", "calculation_method");
        assertRefused(HEADER + "o,outcome,O,,,decaying_average,120,active,,,,,,\r\n",
                "standards.csv.error.calculation-int", 2, "G", "calculation_int");
        assertRefused(HEADER + "o,outcome,O,,,,,active,,4,Great,three,Good\r\n",
                "standards.csv.error.rating-points", 2, "L", "ratings");
        assertRefused(HEADER + "o,thing,O,,,,,active,,,,,,\r\n", "standards.csv.error.object-type", 2, "B", "object_type");
        assertRefused(HEADER + "o,outcome,O,,,,,archived,,,,,,\r\n",
                "standards.csv.error.workflow-state", 2, "H", "workflow_state");
    }

    @Test
    void a_file_over_the_size_limit_is_refused() {
        byte[] huge = new byte[CanvasCsvParser.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertThatThrownBy(() -> library.previewCanvasCsv(new ByteArrayInputStream(huge), "big.csv"))
                .isInstanceOfSatisfying(StandardsRefusal.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("standards.csv.error.too-large"));
        assertThat(library.frameworks()).isEmpty();
    }

    @Test
    void duplicate_codes_refuse_the_import_at_confirm_and_write_nothing() {
        CanvasCsvPreview preview = library.previewCanvasCsv(stream(HEADER
                + "a,group,A,,X.1,,,active,,,,,,\r\nb,outcome,B,,X.1,,,active,a,,,,,\r\n"), "dup.csv");

        assertThatThrownBy(() -> library.importCanvasCsv(preview, preview.suggestedMapping()))
                .isInstanceOfSatisfying(StandardsRefusal.class, refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("standards.csv.error.duplicate-code");
                    assertThat(refusal.line()).isEqualTo(3);
                    assertThat(refusal.column()).isEqualTo("E");
                    assertThat(refusal.field()).isEqualTo("display_name");
                });
        assertThat(library.frameworks()).isEmpty();
    }

    @Test
    void students_can_neither_import_nor_export() {
        CanvasCsvPreview preview = library.previewCanvasCsv(stream(SCIENCE), "science.csv");
        ImportResult result = library.importCanvasCsv(preview, preview.suggestedMapping());
        launch.studentOf(TestLaunch.newCourse());

        assertThatThrownBy(() -> library.previewCanvasCsv(stream(SCIENCE), "s.csv")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.importCanvasCsv(preview, preview.suggestedMapping()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.exportCanvasCsv(result.framework().id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void another_course_cannot_export_this_courses_framework() {
        CanvasCsvPreview preview = library.previewCanvasCsv(stream(SCIENCE), "science.csv");
        ImportResult result = library.importCanvasCsv(preview, preview.suggestedMapping());
        launch.teacherOf(TestLaunch.newCourse());

        assertThatThrownBy(() -> library.exportCanvasCsv(result.framework().id())).isInstanceOf(AccessDeniedException.class);
    }

    /** What a round trip must keep: code, statement, description, level and the path of parents' codes. */
    record Shape(@Nullable String code, String statement, @Nullable String description, Level level, List<String> path) {
    }

    private static List<Shape> shape(List<StandardItem> items) {
        Map<Long, StandardItem> byId = new HashMap<>();
        items.forEach(item -> byId.put(item.id(), item));
        List<Shape> shapes = new ArrayList<>();
        for (StandardItem item : items) {
            List<String> path = new ArrayList<>();
            for (Long at = item.parentId(); at != null; at = byId.get(at).parentId()) {
                path.addFirst(byId.get(at).statement());
            }
            shapes.add(new Shape(item.code(), item.statement(), item.description(), item.level(), path));
        }
        return shapes;
    }

    private void assertRefused(String csv, String key, int line, @Nullable String column, @Nullable String field) {
        assertRefused(csv.getBytes(StandardCharsets.UTF_8), key, line, column, field);
    }

    private void assertRefused(byte[] csv, String key, int line, @Nullable String column, @Nullable String field) {
        assertThatThrownBy(() -> {
            CanvasCsvPreview preview = library.previewCanvasCsv(new ByteArrayInputStream(csv), "bad.csv");
            library.importCanvasCsv(preview, preview.suggestedMapping());
        }).isInstanceOfSatisfying(StandardsRefusal.class, refusal -> {
            assertThat(refusal.messageKey()).isEqualTo(key);
            assertThat(refusal.line()).isEqualTo(line);
            assertThat(refusal.column()).isEqualTo(column);
            assertThat(refusal.field()).isEqualTo(field);
        });
        assertThat(library.frameworks()).isEmpty();
    }

    private static ByteArrayInputStream stream(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static StandardItem byCode(List<StandardItem> items, String code) {
        return items.stream().filter(item -> code.equals(item.code())).findFirst().orElseThrow();
    }
}
