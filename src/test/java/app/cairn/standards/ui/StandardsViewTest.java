package app.cairn.standards.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;

import app.cairn.standards.Level;
import app.cairn.standards.StandardItem;
import app.cairn.testing.KaribuTest;

class StandardsViewTest extends KaribuTest {

    static final Path FIXTURES = Path.of(System.getProperty("user.dir")).resolve(Path.of("..", "shared", "fixtures", "case"))
            .normalize();

    @Test
    void teacher_finds_the_library_in_a_tab_and_an_honest_empty_state() {
        launchAsTeacher(newCourse());

        UI.getCurrent().navigate(StandardsView.class);

        assertThat(_get(Anchor.class, spec -> spec.withId("nav-standards")).getHref()).isEqualTo("standards");
        assertThat(text("standards-message")).contains("No frameworks yet");
        assertThat(_get(TextField.class, spec -> spec.withId("standards-filter")).getLabel()).isEqualTo("Filter");
    }

    @Test
    void teacher_creates_a_framework_then_a_standard_and_an_indicator_under_it() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(StandardsView.class);

        click("standards-new-framework");
        _get(TextField.class, spec -> spec.withId("standards-framework-title")).setValue("Science");
        click("standards-framework-create");
        click("standards-add");
        _get(TextField.class, spec -> spec.withId("standards-item-code")).setValue("SCI.1");
        _get(TextArea.class, spec -> spec.withId("standards-item-statement")).setValue("Investigates ecosystems.");
        click("standards-item-save");
        click("standards-add-child");
        assertThat(_get(Dialog.class).getHeaderTitle()).as("says where the item goes").isEqualTo("Add under selected");
        assertThat(this.<Level>select("standards-item-level").getValue()).isEqualTo(Level.INDICATOR);
        _get(TextArea.class, spec -> spec.withId("standards-item-statement")).setValue("Models energy flow.");
        click("standards-item-save");

        TreeGrid<StandardItem> tree = tree();
        assertThat(tree.getTreeData().getRootItems()).extracting(StandardItem::code).containsExactly("SCI.1");
        assertThat(tree.getTreeData().getChildren(tree.getTreeData().getRootItems().getFirst()))
                .extracting(StandardItem::statement).containsExactly("Models energy flow.");
        assertThat(text("standards-message")).isEqualTo("Saved.");
    }

    @Test
    void an_empty_statement_is_refused_with_what_to_do() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(StandardsView.class);
        click("standards-new-framework");
        _get(TextField.class, spec -> spec.withId("standards-framework-title")).setValue("F");
        click("standards-framework-create");

        click("standards-add");
        click("standards-item-save");

        assertThat(text("standards-item-error")).isEqualTo("Write a statement: every item needs one.");
        assertThat(tree().getTreeData().getRootItems()).isEmpty();
    }

    @Test
    void filter_keeps_matching_items_and_their_parents() throws IOException {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(StandardsView.class);
        importFixture("opensalt-framework-20c5134f-423d-4097-a971-3dd5152bf507.json");

        _get(TextField.class, spec -> spec.withId("standards-filter")).setValue("6.RP.A.3c");

        TreeGrid<StandardItem> tree = tree();
        StandardItem root = tree.getTreeData().getRootItems().getFirst();
        assertThat(tree.getTreeData().getRootItems()).extracting(StandardItem::code).containsExactly("CCSS.Math.Content.6.RP.A");
        StandardItem standard = tree.getTreeData().getChildren(root).getFirst();
        assertThat(standard.code()).isEqualTo("CCSS.Math.Content.6.RP.A.3");
        assertThat(tree.getTreeData().getChildren(standard)).extracting(StandardItem::code)
                .containsExactly("CCSS.Math.Content.6.RP.A.3c");
    }

    @Test
    void move_buttons_are_labelled_for_screen_readers_and_reorder_siblings() throws IOException {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(StandardsView.class);
        importFixture("SequenceNumberFramework.json");
        TreeGrid<StandardItem> tree = tree();
        assertThat(tree.getTreeData().getRootItems()).extracting(StandardItem::code).containsExactly("SNT.2", "SNT.1");

        tree.select(tree.getTreeData().getRootItems().get(1));
        click("standards-up");

        assertThat(tree().getTreeData().getRootItems()).extracting(StandardItem::code).containsExactly("SNT.1", "SNT.2");
        assertThat(_get(Button.class, spec -> spec.withId("standards-up")).getAriaLabel())
                .contains("Move the selected item up");
        assertThat(_get(Button.class, spec -> spec.withId("standards-down")).getAriaLabel())
                .contains("Move the selected item down");
    }

    @Test
    void archiving_hides_the_item() throws IOException {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(StandardsView.class);
        importFixture("SequenceNumberFramework.json");

        tree().select(tree().getTreeData().getRootItems().getFirst());
        click("standards-archive");

        assertThat(tree().getTreeData().getRootItems()).extracting(StandardItem::code).containsExactly("SNT.1");
        assertThat(text("standards-message")).startsWith("Archived.");
    }

    @Test
    void import_wizard_previews_lets_the_teacher_map_types_and_saves_only_on_confirm() throws IOException {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(StandardsView.class);
        click("standards-import");
        CaseImportDialog dialog = _get(CaseImportDialog.class);

        dialog.showPreview(fixture("opensalt-framework-20c5134f-423d-4097-a971-3dd5152bf507.json"));

        assertThat(text("case-preview-summary")).contains("What Standards Could Be", "16 items", "Nothing is saved");
        Select<Optional<Level>> cluster = select("case-type-0");
        assertThat(cluster.getLabel()).contains("Cluster", "2 items");
        assertThat(cluster.getValue()).contains(Level.STANDARD);
        assertThat(_find(Select.class, spec -> spec.withId("case-type-2"))).hasSize(1);
        // Still nothing saved: the library lists no framework.
        assertThat(_find(Select.class, spec -> spec.withId("standards-framework"))).isEmpty();

        cluster.setValue(Optional.empty());
        this.<Optional<Level>>select("case-type-1").setValue(Optional.of(Level.STANDARD));
        this.<Optional<Level>>select("case-type-2").setValue(Optional.of(Level.INDICATOR));
        click("case-import-confirm");

        assertThat(text("standards-message")).isEqualTo("Imported \u201CWhat Standards Could Be\u201D: 14 new, 0 updated, 0 archived.");
        List<StandardItem> roots = tree().getTreeData().getRootItems();
        assertThat(roots).hasSize(6).allMatch(item -> item.level() == Level.STANDARD);
    }

    @Test
    void a_broken_file_is_refused_with_the_field_and_item_and_confirm_stays_off() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(StandardsView.class);
        click("standards-import");

        _get(CaseImportDialog.class).showPreview(new ByteArrayInputStream("""
                {"CFDocument": {"identifier": "doc", "title": "T"}, "CFItems": [{"identifier": "item-7"}]}"""
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(text("case-import-error")).contains("fullStatement", "Item: item-7.", "Nothing was imported");
        assertThat(_get(Button.class, spec -> spec.withId("case-import-confirm")).isEnabled()).isFalse();
    }

    @Test
    void teacher_has_the_canvas_csv_import_beside_case_and_an_export_link_once_a_framework_exists() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(StandardsView.class);
        Anchor export = _get(Anchor.class, spec -> spec.withId("standards-export-canvas"));
        assertThat(export.getText()).isEqualTo("Export as Canvas outcomes CSV");
        assertThat(export.isEnabled()).isFalse();
        assertThat(_get(Button.class, spec -> spec.withId("standards-import-canvas")).getText())
                .isEqualTo("Import Canvas outcomes CSV");

        click("standards-import-canvas");
        _get(CanvasCsvImportDialog.class).showPreview(new ByteArrayInputStream((
                "vendor_guid,object_type,title,description,display_name,calculation_method,calculation_int,"
                + "workflow_state,parent_guids,ratings,,,\n"
                + "g,group,Reading,,RD,,,active,,,,,\n"
                + "o,outcome,\"Infers meaning, with evidence\",,RD.1,latest,,active,g,3,Great,1,Okay\n")
                .getBytes(StandardCharsets.UTF_8)), "Reading.csv");
        assertThat(text("canvas-preview-summary")).contains("Reading", "2 items");
        assertThat(text("canvas-scoring-note")).contains("1 outcomes", "proficiency scale");
        assertThat(this.<Optional<Level>>select("canvas-type-0").getLabel()).contains("Canvas groups at level 1");
        click("canvas-import-confirm");

        assertThat(text("standards-message")).isEqualTo("Imported \u201CReading\u201D: 2 new, 0 updated, 0 archived.");
        assertThat(tree().getTreeData().getRootItems()).extracting(StandardItem::code).containsExactly("RD");
        export = _get(Anchor.class, spec -> spec.withId("standards-export-canvas"));
        assertThat(export.isEnabled()).isTrue();
        assertThat(export.getHref()).isNotBlank();
        assertThat(export.getElement().hasAttribute("download")).isTrue();
    }

    @Test
    void a_broken_csv_is_refused_with_line_and_column_and_confirm_stays_off() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(StandardsView.class);
        click("standards-import-canvas");

        _get(CanvasCsvImportDialog.class).showPreview(new ByteArrayInputStream(
                "vendor_guid,object_type,title,parent_guids\na,outcome,A,nowhere\n".getBytes(StandardCharsets.UTF_8)),
                "bad.csv");

        assertThat(text("canvas-import-error")).startsWith("Line 2, column D (parent_guids): ")
                .contains("nowhere", "Nothing was imported");
        assertThat(_get(Button.class, spec -> spec.withId("canvas-import-confirm")).isEnabled()).isFalse();
    }

    @Test
    void teacher_links_a_standard_to_two_attributes_sees_them_and_is_warned_at_the_seventh_attribute() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(StandardsView.class);
        click("standards-new-framework");
        _get(TextField.class, spec -> spec.withId("standards-framework-title")).setValue("Profile");
        click("standards-framework-create");
        addAttribute("Critical thinker");
        addAttribute("Collaborator");

        click("standards-add");
        _get(TextField.class, spec -> spec.withId("standards-item-code")).setValue("COM.1");
        _get(TextArea.class, spec -> spec.withId("standards-item-statement")).setValue("Communicates clearly.");
        MultiSelectComboBox<StandardItem> attributes = attributes();
        assertThat(attributes.getLabel()).isEqualTo("Graduate profile attributes this standard serves");
        attributes.setValue(Set.copyOf(attributes.getListDataView().getItems().toList()));
        click("standards-item-save");

        StandardItem standard = tree().getTreeData().getRootItems().stream()
                .filter(item -> "COM.1".equals(item.code())).findFirst().orElseThrow();
        assertThat(tree().getColumnByKey("attributes").getHeaderText()).isEqualTo("Graduate profile attributes");
        assertThat(GridKt._getFormatted(tree().getColumnByKey("attributes"), standard))
                .isEqualTo("Critical thinker, Collaborator");
        tree().select(standard);
        click("standards-edit");
        assertThat(attributes().getValue()).extracting(StandardItem::statement)
                .containsExactlyInAnyOrder("Critical thinker", "Collaborator");
        _get(Dialog.class).close();

        for (int i = 3; i <= 6; i++) {
            addAttribute("Attribute " + i);
            assertThat(text("standards-message")).isEqualTo("Saved.");
        }
        addAttribute("Attribute 7");
        assertThat(text("standards-message")).contains("more than six graduate profile attributes");
        tree().select(standard);
        click("standards-edit");
        assertThat(attributes().getHelperText()).contains("7 graduate profile attributes", "about six");
    }

    @Test
    void share_asks_first_and_is_offered_for_the_course_own_frameworks_only() {
        launchAsTeacher(newCourse());
        UI.getCurrent().navigate(StandardsView.class);
        assertThat(_get(Button.class, spec -> spec.withId("standards-share")).isEnabled()).isFalse();
        click("standards-new-framework");
        _get(TextField.class, spec -> spec.withId("standards-framework-title")).setValue("Science");
        click("standards-framework-create");

        Button share = _get(Button.class, spec -> spec.withId("standards-share"));
        assertThat(share.getText()).isEqualTo("Share with every course");
        assertThat(share.isEnabled()).isTrue();
        click("standards-share");
        assertThat(text("standards-share-explanation")).contains("read-only copy", "\u201CScience\u201D");
        click("standards-share-cancel");

        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(this.<app.cairn.standards.StandardsFramework>select("standards-framework").getListDataView()
                .getItems().filter(app.cairn.standards.StandardsFramework::shared)).isEmpty();
    }

    private void addAttribute(String statement) {
        click("standards-add");
        this.<Level>select("standards-item-level").setValue(Level.GRADUATE_ATTRIBUTE);
        _get(TextArea.class, spec -> spec.withId("standards-item-statement")).setValue(statement);
        click("standards-item-save");
    }

    @SuppressWarnings("unchecked")
    private static MultiSelectComboBox<StandardItem> attributes() {
        return _get(MultiSelectComboBox.class, spec -> spec.withId("standards-item-attributes"));
    }

    @Test
    void the_library_speaks_spanish_to_a_spanish_launch() {
        launchAs(app.cairn.shared.Role.TEACHER, newCourse(), "es-" + newCourse(), "Lucía",
                java.util.Locale.forLanguageTag("es"));

        UI.getCurrent().navigate(StandardsView.class);

        assertThat(_get(Anchor.class, spec -> spec.withId("nav-standards")).getText()).isEqualTo("Estándares");
        assertThat(text("standards-message")).startsWith("Aún no hay marcos");
    }

    @Test
    void students_have_no_standards_tab_and_cannot_open_the_library() {
        launchAsStudent(newCourse());
        UI.getCurrent().navigate("student");

        assertThat(_find(Anchor.class, spec -> spec.withId("nav-standards"))).isEmpty();
        assertThatThrownBy(() -> UI.getCurrent().navigate(StandardsView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    private void importFixture(String file) throws IOException {
        click("standards-import");
        _get(CaseImportDialog.class).showPreview(fixture(file));
        click("case-import-confirm");
    }

    private static InputStream fixture(String file) throws IOException {
        return new ByteArrayInputStream(Files.readAllBytes(FIXTURES.resolve(file)));
    }

    private static void click(String id) {
        ButtonKt._click(_get(Button.class, spec -> spec.withId(id)));
    }

    private static String text(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getText();
    }

    @SuppressWarnings("unchecked")
    private static <T> Select<T> select(String id) {
        return _get(Select.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static TreeGrid<StandardItem> tree() {
        return _get(TreeGrid.class, spec -> spec.withId("standards-tree"));
    }
}
