package app.cairn.standards.ui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;

import app.cairn.shared.ui.CourseLayout;
import app.cairn.standards.ItemDraft;
import app.cairn.standards.Kind;
import app.cairn.standards.Level;
import app.cairn.standards.Saved;
import app.cairn.standards.StandardItem;
import app.cairn.standards.StandardsFramework;
import app.cairn.standards.StandardsLibrary;
import app.cairn.standards.StandardsRefusal;
import jakarta.annotation.security.RolesAllowed;

/**
 * The teacher's standards library: pick a framework, filter its tree, add, edit, reorder and
 * archive items, link standards to graduate profile attributes, import a CASE or Canvas outcomes CSV
 * file, export a framework as Canvas outcomes CSV, or share a read-only copy with every course of the
 * platform. A framework is a few hundred items at most, so the tree is
 * held in memory rather than loaded lazily.
 */
@Route(value = "standards", layout = CourseLayout.class)
@RolesAllowed("TEACHER")
public class StandardsView extends VerticalLayout implements HasDynamicTitle {

    private final StandardsLibrary library;
    private final Select<StandardsFramework> frameworks = new Select<>();
    private final TextField filter = new TextField();
    private final TreeGrid<StandardItem> tree = new TreeGrid<>();
    private final Paragraph message = new Paragraph();
    private final Paragraph sharedNote = new Paragraph();
    private final List<Button> editing = new ArrayList<>();
    private final Anchor exportCanvas = new Anchor();
    private final Button share;
    private List<StandardItem> items = List.of();
    /** The graduate profile attributes each standard of the shown framework serves, by standard id. */
    private Map<Long, List<StandardItem>> links = Map.of();
    /** The framework the export link writes; read by the download request, outside the UI lock. */
    private volatile @Nullable StandardsFramework exported;

    public StandardsView(StandardsLibrary library) {
        this.library = library;
        addClassName("cairn-standards");
        setPadding(false);
        H1 title = new H1(getTranslation("standards.title"));

        frameworks.setId("standards-framework");
        frameworks.setLabel(getTranslation("standards.framework"));
        frameworks.setItemLabelGenerator(StandardsFramework::title);
        frameworks.setEmptySelectionAllowed(false);
        frameworks.setMinWidth("16rem");
        frameworks.addValueChangeListener(event -> showFramework());
        Button newFramework = button("standards-new-framework", "standards.framework.new", this::openNewFramework);
        Button importCase = button("standards-import", "standards.import.open",
                () -> new CaseImportDialog(library, this::imported).open());
        Button importCanvas = button("standards-import-canvas", "standards.csv.import.open",
                () -> new CanvasCsvImportDialog(library, this::imported).open());
        exportCanvas.setId("standards-export-canvas");
        exportCanvas.setText(getTranslation("standards.csv.export"));
        exportCanvas.setHref(this::downloadCanvasCsv, AttachmentType.DOWNLOAD);
        enableExport(false);
        share = button("standards-share", "standards.share.open", this::confirmShare);
        share.setEnabled(false);

        filter.setId("standards-filter");
        filter.setLabel(getTranslation("standards.filter"));
        filter.setPlaceholder(getTranslation("standards.filter.placeholder"));
        filter.setClearButtonVisible(true);
        filter.setWidthFull();
        filter.setMaxWidth("30rem");
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(event -> refreshTree());

        tree.setId("standards-tree");
        tree.addHierarchyColumn(StandardItem::statement).setHeader(getTranslation("standards.column.statement"))
                .setFlexGrow(3);
        tree.addColumn(item -> item.code() == null ? "" : item.code()).setHeader(getTranslation("standards.column.code"))
                .setAutoWidth(true).setFlexGrow(0);
        tree.addColumn(item -> getTranslation("standards.level." + item.level().name()))
                .setHeader(getTranslation("standards.column.level")).setFlexGrow(1);
        tree.addColumn(item -> attributeNames(links.getOrDefault(item.id(), List.of())))
                .setHeader(getTranslation("standards.column.attributes")).setKey("attributes").setFlexGrow(1);
        tree.setWidthFull();
        // Statements are sentences: wrap them rather than cut them off in an 800 px LMS frame.
        tree.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);

        Button add = button("standards-add", "standards.item.add", () -> openEditor(null, null));
        Button addChild = button("standards-add-child", "standards.item.add-child", () -> withSelected(
                selected -> openEditor(null, selected)));
        Button edit = button("standards-edit", "standards.item.edit", () -> withSelected(
                selected -> openEditor(selected, null)));
        Button up = button("standards-up", "standards.item.up", () -> withSelected(selected -> move(selected, true)));
        up.setAriaLabel(getTranslation("standards.item.up.aria"));
        Button down = button("standards-down", "standards.item.down", () -> withSelected(selected -> move(selected, false)));
        down.setAriaLabel(getTranslation("standards.item.down.aria"));
        Button archive = button("standards-archive", "standards.item.archive", () -> withSelected(this::archive));
        editing.addAll(List.of(add, addChild, edit, up, down, archive));

        message.setId("standards-message");
        message.getElement().setAttribute("role", "status");
        sharedNote.setId("standards-shared-note");

        // Wraps on narrow LMS iframes (800 px) instead of overflowing.
        FlexLayout frameworkRow = wrapping(frameworks, newFramework, importCase, importCanvas, exportCanvas, share);
        frameworkRow.setAlignItems(Alignment.END);
        FlexLayout actions = wrapping(add, addChild, edit, up, down, archive);
        add(title, frameworkRow, filter, sharedNote, actions, message, tree);
        loadFrameworks(null);
    }

    private static FlexLayout wrapping(com.vaadin.flow.component.Component... components) {
        FlexLayout row = new FlexLayout(components);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-s, 0.5rem)");
        return row;
    }

    private Button button(String id, String key, Runnable action) {
        Button button = new Button(getTranslation(key), event -> action.run());
        button.setId(id);
        return button;
    }

    private void loadFrameworks(@Nullable Long select) {
        List<StandardsFramework> all = library.frameworks();
        frameworks.setItems(all);
        frameworks.setVisible(!all.isEmpty());
        all.stream().filter(framework -> select == null || framework.id() == select).findFirst()
                .ifPresentOrElse(frameworks::setValue, this::showFramework);
        if (all.isEmpty()) {
            message.setText(getTranslation("standards.framework.none"));
        }
    }

    private void showFramework() {
        StandardsFramework framework = frameworks.getValue();
        items = framework == null ? List.of() : library.items(framework.id(), false);
        links = framework == null ? Map.of() : library.attributeLinks(framework.id());
        boolean editable = framework != null && !framework.shared();
        exported = framework;
        enableExport(framework != null);
        share.setEnabled(editable);
        editing.forEach(button -> button.setEnabled(editable));
        sharedNote.setText(framework != null && framework.shared() ? getTranslation("standards.framework.shared") : "");
        sharedNote.setVisible(framework != null && framework.shared());
        refreshTree();
    }

    /** Shows the items whose code or statement matches the filter, with their ancestors for context. */
    private void refreshTree() {
        String words = filter.getValue().strip().toLowerCase(Locale.ROOT);
        Map<Long, StandardItem> byId = new HashMap<>();
        items.forEach(item -> byId.put(item.id(), item));
        Set<Long> shown = new HashSet<>();
        for (StandardItem item : items) {
            if (words.isEmpty() || item.statement().toLowerCase(Locale.ROOT).contains(words)
                    || (item.code() != null && item.code().toLowerCase(Locale.ROOT).contains(words))) {
                for (StandardItem at = item; at != null && shown.add(at.id());
                     at = at.parentId() == null ? null : byId.get(at.parentId())) {
                    // walk up to the root
                }
            }
        }
        TreeData<StandardItem> data = new TreeData<>();
        for (StandardItem item : items) { // tree order: parents come first
            if (shown.contains(item.id())) {
                StandardItem parent = item.parentId() == null ? null : byId.get(item.parentId());
                data.addItem(parent != null && shown.contains(parent.id()) ? parent : null, item);
            }
        }
        tree.setDataProvider(new TreeDataProvider<>(data));
        tree.expandRecursively(data.getRootItems(), Integer.MAX_VALUE);
    }

    /** Writes the selected framework as a Canvas outcomes CSV file named after its title. */
    private void downloadCanvasCsv(DownloadEvent event) throws IOException {
        StandardsFramework framework = exported;
        if (framework == null) {
            event.getResponse().setStatus(404);
            return;
        }
        byte[] csv = library.exportCanvasCsv(framework.id());
        String name = framework.title().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        event.setFileName((name.isEmpty() ? "outcomes" : name) + ".csv");
        event.setContentType("text/csv; charset=UTF-8");
        event.setContentLength(csv.length);
        event.getOutputStream().write(csv);
    }

    /** Codes, or statements where there is no code, of the linked attributes. */
    private static String attributeNames(List<StandardItem> attributes) {
        return String.join(", ", attributes.stream()
                .map(attribute -> attribute.code() != null ? attribute.code() : attribute.statement()).toList());
    }

    /** Asks before sharing: other courses will read a copy they cannot change. */
    private void confirmShare() {
        StandardsFramework framework = frameworks.getValue();
        if (framework == null || framework.shared()) {
            return;
        }
        Dialog dialog = new Dialog(getTranslation("standards.share.title"));
        dialog.setWidth("min(32rem, 95vw)");
        Paragraph explanation = new Paragraph(getTranslation("standards.share.explanation", framework.title()));
        explanation.setId("standards-share-explanation");
        Button confirm = new Button(getTranslation("standards.share.confirm"), event -> {
            dialog.close();
            try {
                library.shareFrameworkWithPlatform(framework.id());
                loadFrameworks(framework.id());
                message.setText(getTranslation("standards.share.done", framework.title()));
            } catch (StandardsRefusal refusal) {
                message.setText(translate(refusal));
            }
        });
        confirm.setId("standards-share-confirm");
        Button cancel = new Button(getTranslation("standards.item.cancel"), event -> dialog.close());
        cancel.setId("standards-share-cancel");
        dialog.add(explanation);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    private void withSelected(java.util.function.Consumer<StandardItem> action) {
        StandardItem selected = tree.asSingleSelect().getValue();
        if (selected == null) {
            message.setText(getTranslation("standards.select-first"));
            return;
        }
        action.accept(selected);
    }

    private void move(StandardItem item, boolean up) {
        library.move(item.id(), up);
        reselect(item.id());
    }

    private void archive(StandardItem item) {
        library.archive(item.id());
        message.setText(getTranslation("standards.item.archived"));
        showFramework();
    }

    private void reselect(long itemId) {
        showFramework();
        items.stream().filter(item -> item.id() == itemId).findFirst().ifPresent(tree::select);
    }

    private void imported(long frameworkId, String summary) {
        loadFrameworks(frameworkId);
        message.setText(summary);
    }

    private void openNewFramework() {
        Dialog dialog = new Dialog(getTranslation("standards.framework.new"));
        TextField title = new TextField(getTranslation("standards.framework.title"));
        title.setId("standards-framework-title");
        title.setWidthFull();
        Paragraph error = new Paragraph();
        error.setId("standards-framework-error");
        Button create = new Button(getTranslation("standards.framework.create"), event -> {
            try {
                StandardsFramework framework = library.createFramework(title.getValue());
                dialog.close();
                loadFrameworks(framework.id());
            } catch (StandardsRefusal refusal) {
                error.setText(translate(refusal));
            }
        });
        create.setId("standards-framework-create");
        Button cancel = new Button(getTranslation("standards.item.cancel"), event -> dialog.close());
        dialog.add(new VerticalLayout(title, error));
        dialog.getFooter().add(cancel, create);
        dialog.open();
    }

    /** Edits {@code item}, or adds a new one under {@code parent} (top level when both are null). */
    private void openEditor(@Nullable StandardItem item, @Nullable StandardItem parent) {
        StandardsFramework framework = frameworks.getValue();
        if (framework == null) {
            message.setText(getTranslation("standards.framework.none"));
            return;
        }
        Dialog dialog = new Dialog(getTranslation(item != null ? "standards.item.edit"
                : parent != null ? "standards.item.add-child" : "standards.item.add"));
        dialog.setWidth("min(40rem, 95vw)");
        Select<Level> level = new Select<>();
        level.setId("standards-item-level");
        level.setLabel(getTranslation("standards.item.level"));
        level.setItems(Level.values());
        level.setItemLabelGenerator(value -> getTranslation("standards.level." + value.name()));
        level.setValue(item != null ? item.level() : parent == null ? Level.STANDARD : childLevel(parent.level()));
        Select<Kind> kind = new Select<>();
        kind.setId("standards-item-kind");
        kind.setLabel(getTranslation("standards.item.kind"));
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(value -> getTranslation("standards.kind." + value.name()));
        kind.setValue(item != null && item.kind() != null ? item.kind() : Kind.CONTENT_AREA);
        TextField subject = field("standards-item-subject", "standards.item.subject", item == null ? null : item.subject());
        TextField code = field("standards-item-code", "standards.item.code", item == null ? null : item.code());
        TextArea statement = new TextArea(getTranslation("standards.item.statement"));
        statement.setId("standards-item-statement");
        statement.setWidthFull();
        statement.setValue(item == null ? "" : item.statement());
        TextArea description = new TextArea(getTranslation("standards.item.description"));
        description.setId("standards-item-description");
        description.setWidthFull();
        description.setValue(item == null || item.description() == null ? "" : item.description());
        // Which graduate profile attributes of this framework the standard serves.
        List<StandardItem> frameworkAttributes = items.stream()
                .filter(candidate -> candidate.level() == Level.GRADUATE_ATTRIBUTE).toList();
        List<StandardItem> linked = item == null ? List.of() : links.getOrDefault(item.id(), List.of());
        MultiSelectComboBox<StandardItem> attributes = new MultiSelectComboBox<>(
                getTranslation("standards.item.attributes"));
        attributes.setId("standards-item-attributes");
        attributes.setWidthFull();
        attributes.setItems(frameworkAttributes);
        attributes.setItemLabelGenerator(StandardItem::label);
        attributes.setPlaceholder(getTranslation(frameworkAttributes.isEmpty() ? "standards.item.attributes.none"
                : "standards.item.attributes.placeholder"));
        attributes.setEnabled(!frameworkAttributes.isEmpty());
        if (frameworkAttributes.size() > 6) {
            attributes.setHelperText(getTranslation("standards.warning.attribute-count", frameworkAttributes.size()));
        }
        attributes.select(frameworkAttributes.stream().filter(attribute -> linked.stream()
                .anyMatch(link -> link.id() == attribute.id())).toList());
        Runnable standardOnly = () -> {
            kind.setVisible(level.getValue() == Level.STANDARD);
            subject.setVisible(level.getValue() == Level.STANDARD);
            attributes.setVisible(level.getValue() == Level.STANDARD);
        };
        level.addValueChangeListener(event -> standardOnly.run());
        standardOnly.run();
        Paragraph error = new Paragraph();
        error.setId("standards-item-error");
        error.getElement().setAttribute("role", "alert");

        Button save = new Button(getTranslation("standards.item.save"), event -> {
            ItemDraft draft = new ItemDraft(level.getValue(), kind.getValue(), subject.getValue(), code.getValue(),
                    statement.getValue(), description.getValue());
            try {
                Saved saved = item == null
                        ? library.addItem(framework.id(), parent == null ? null : parent.id(), draft)
                        : library.updateItem(item.id(), draft);
                if (saved.item().level() == Level.STANDARD && (!linked.isEmpty() || !attributes.getValue().isEmpty())) {
                    // Links to attributes outside this framework (not offered here) are kept.
                    Set<Long> attributeIds = new HashSet<>();
                    linked.stream().filter(link -> frameworkAttributes.stream().noneMatch(offered -> offered.id() == link.id()))
                            .forEach(link -> attributeIds.add(link.id()));
                    attributes.getValue().forEach(attribute -> attributeIds.add(attribute.id()));
                    library.linkAttributes(saved.item().id(), attributeIds);
                }
                dialog.close();
                message.setText(saved.warnings().isEmpty() ? getTranslation("standards.item.saved")
                        : getTranslation("standards.warning." + saved.warnings().getFirst().name()));
                reselect(saved.item().id());
            } catch (StandardsRefusal refusal) {
                error.setText(translate(refusal));
            }
        });
        save.setId("standards-item-save");
        Button cancel = new Button(getTranslation("standards.item.cancel"), event -> dialog.close());
        FlexLayout row = wrapping(level, kind, subject, code);
        dialog.add(new VerticalLayout(row, statement, description, attributes, error));
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    private TextField field(String id, String key, @Nullable String value) {
        TextField field = new TextField(getTranslation(key));
        field.setId(id);
        field.setValue(value == null ? "" : value);
        return field;
    }

    private static Level childLevel(Level parent) {
        return switch (parent) {
            case GRADUATE_ATTRIBUTE, STANDARD -> Level.INDICATOR;
            case INDICATOR, OBJECTIVE -> Level.OBJECTIVE;
        };
    }

    String translate(StandardsRefusal refusal) {
        return ImportWizard.translate(this, refusal);
    }

    /** A disabled link says so to assistive technology too (and is then exempt from contrast rules). */
    private void enableExport(boolean enabled) {
        exportCanvas.setEnabled(enabled);
        exportCanvas.getElement().setAttribute("aria-disabled", Boolean.toString(!enabled));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("standards.page-title");
    }
}
