package app.cairn.standards.ui;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.server.streams.UploadHandler;

import app.cairn.standards.ImportPreview;
import app.cairn.standards.ImportResult;
import app.cairn.standards.Level;
import app.cairn.standards.StandardsRefusal;

/**
 * An import wizard: upload, look at the tree, map each item type to a level (or skip it),
 * confirm. Nothing is saved before Confirm. Subclasses say how to read and save their format.
 * Component ids start with the format's prefix ({@code case-}, {@code canvas-}).
 */
abstract class ImportWizard<P extends ImportPreview> extends Dialog {

    /** Told the new framework's id and a summary line once an import is saved. */
    interface Imported {
        void imported(long frameworkId, String summary);
    }

    private final Imported onImported;
    private final String prefix;
    private final VerticalLayout previewArea = new VerticalLayout();
    private final Paragraph error = new Paragraph();
    private final Button confirm = new Button();
    private final Map<String, Select<Optional<Level>>> mapping = new LinkedHashMap<>();
    private @Nullable P preview;

    /**
     * @param prefix   the start of every component id
     * @param keys     the start of the format's message keys: {@code .title}, {@code .upload},
     *                 {@code .drop} and {@code .too-large} follow
     * @param accepted file types the upload offers
     */
    ImportWizard(Imported onImported, String prefix, String keys, int maxMb, String... accepted) {
        this.onImported = onImported;
        this.prefix = prefix;
        setHeaderTitle(getTranslation(keys + ".title"));
        setWidth("min(48rem, 95vw)");
        setId(prefix + "-import-dialog");

        UI ui = UI.getCurrent();
        Upload upload = new Upload();
        upload.setId(prefix + "-upload");
        upload.setMaxFileSize(maxMb * 1024 * 1024);
        upload.setAcceptedFileTypes(accepted);
        upload.setDropLabel(new Span(getTranslation(keys + ".drop")));
        upload.getElement().setAttribute("aria-label", getTranslation(keys + ".upload"));
        upload.setUploadHandler(UploadHandler.inMemory((metadata, data) ->
                ui.access(() -> showPreview(new ByteArrayInputStream(data), metadata.fileName()))));
        upload.addFileRejectedListener(event -> error.setText(getTranslation(keys + ".too-large", maxMb)));

        error.setId(prefix + "-import-error");
        error.getElement().setAttribute("role", "alert");
        previewArea.setPadding(false);
        previewArea.setId(prefix + "-preview");

        confirm.setText(getTranslation("standards.import.confirm"));
        confirm.setId(prefix + "-import-confirm");
        confirm.setEnabled(false);
        confirm.addClickListener(event -> confirm());
        Button cancel = new Button(getTranslation("standards.import.cancel"), event -> close());
        cancel.setId(prefix + "-import-cancel");

        add(new VerticalLayout(new Paragraph(getTranslation(keys + ".upload")), upload, error, previewArea));
        getFooter().add(cancel, confirm);
    }

    /** Reads the file into a preview, or refuses it. */
    abstract P read(InputStream data, @Nullable String fileName);

    /** Saves the preview with the teacher's mapping. */
    abstract ImportResult save(P preview, Map<String, Optional<Level>> chosen);

    /** The label of an item type's level choice. */
    abstract String typeLabel(ImportPreview.ItemType type);

    /** What else the teacher should know before confirming; nothing by default. */
    @Nullable Component note(P preview) {
        return null;
    }

    void showPreview(InputStream data) {
        showPreview(data, null);
    }

    /** Parses the upload into a preview; a refused file shows why and keeps Confirm off. */
    void showPreview(InputStream data, @Nullable String fileName) {
        previewArea.removeAll();
        mapping.clear();
        preview = null;
        confirm.setEnabled(false);
        error.setText("");
        P parsed;
        try {
            parsed = read(data, fileName);
        } catch (StandardsRefusal refusal) {
            error.setText(translate(this, refusal));
            return;
        }
        preview = parsed;
        Paragraph summary = new Paragraph(getTranslation("standards.import.preview", parsed.items().size(), parsed.title()));
        summary.setId(prefix + "-preview-summary");

        TreeGrid<ImportPreview.Node> tree = new TreeGrid<>();
        tree.setId(prefix + "-preview-tree");
        tree.addHierarchyColumn(ImportPreview.Node::statement).setHeader(getTranslation("standards.column.statement"))
                .setFlexGrow(3);
        tree.addColumn(node -> node.code() == null ? "" : node.code()).setHeader(getTranslation("standards.column.code"))
                .setAutoWidth(true).setFlexGrow(0);
        TreeData<ImportPreview.Node> data2 = new TreeData<>();
        Map<String, ImportPreview.Node> byId = new LinkedHashMap<>();
        for (ImportPreview.Node node : parsed.items()) { // parents come first
            data2.addItem(node.parentIdentifier() == null ? null : byId.get(node.parentIdentifier()), node);
            byId.put(node.identifier(), node);
        }
        tree.setDataProvider(new TreeDataProvider<>(data2));
        tree.expand(data2.getRootItems());
        tree.setHeight("18rem");

        VerticalLayout selects = new VerticalLayout();
        selects.setPadding(false);
        selects.add(new H3(getTranslation("standards.import.mapping")));
        int index = 0;
        for (ImportPreview.ItemType type : parsed.itemTypes()) {
            Select<Optional<Level>> select = new Select<>();
            select.setId(prefix + "-type-" + index++);
            select.setLabel(typeLabel(type));
            select.setItems(Optional.of(Level.GRADUATE_ATTRIBUTE), Optional.of(Level.STANDARD),
                    Optional.of(Level.INDICATOR), Optional.of(Level.OBJECTIVE), Optional.empty());
            select.setItemLabelGenerator(choice -> choice.map(level -> getTranslation("standards.level." + level.name()))
                    .orElseGet(() -> getTranslation("standards.import.skip")));
            select.setValue(Optional.of(type.suggested()));
            select.setWidthFull();
            mapping.put(type.key(), select);
            selects.add(select);
        }
        previewArea.add(summary);
        Component note = note(parsed);
        if (note != null) {
            previewArea.add(note);
        }
        previewArea.add(selects, tree);
        confirm.setEnabled(true);
    }

    private void confirm() {
        P current = preview;
        if (current == null) {
            return;
        }
        Map<String, Optional<Level>> chosen = new LinkedHashMap<>();
        mapping.forEach((key, select) -> chosen.put(key, select.getValue()));
        try {
            ImportResult result = save(current, chosen);
            close();
            onImported.imported(result.framework().id(), getTranslation("standards.import.done",
                    result.framework().title(), result.created(), result.updated(), result.archived()));
        } catch (StandardsRefusal refusal) {
            error.setText(translate(this, refusal));
        }
    }

    /**
     * The refusal in the viewer's language: where it is in a CSV file (line, column) first, and the
     * CASE item that broke it last, when there is one.
     */
    static String translate(Component component, StandardsRefusal refusal) {
        String text = component.getTranslation(refusal.messageKey(), refusal.args().toArray());
        Integer line = refusal.line();
        if (line != null) {
            String where;
            if (refusal.column() == null) {
                where = refusal.field() == null
                        ? component.getTranslation("standards.csv.error.at-line", String.valueOf(line))
                        : component.getTranslation("standards.csv.error.at-field", String.valueOf(line), refusal.field());
            } else {
                where = refusal.field() == null
                        ? component.getTranslation("standards.csv.error.at-cell", String.valueOf(line), refusal.column())
                        : component.getTranslation("standards.csv.error.at-named-cell", String.valueOf(line),
                                refusal.column(), refusal.field());
            }
            text = where + " " + text;
        }
        String identifier = refusal.identifier();
        if (identifier != null && refusal.messageKey().startsWith("standards.case.")) {
            text += " " + component.getTranslation("standards.case.error.item", identifier);
        }
        return text;
    }
}
