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

import app.cairn.standards.CasePreview;
import app.cairn.standards.ImportResult;
import app.cairn.standards.Level;
import app.cairn.standards.StandardsLibrary;
import app.cairn.standards.StandardsRefusal;

/**
 * The CASE import wizard: upload, look at the tree, map each item type to a level (or skip it),
 * confirm. Nothing is saved before Confirm.
 */
class CaseImportDialog extends Dialog {

    /** Told the new framework's id and a summary line once an import is saved. */
    interface Imported {
        void imported(long frameworkId, String summary);
    }

    private static final int MAX_MB = 20;

    private final StandardsLibrary library;
    private final Imported onImported;
    private final VerticalLayout previewArea = new VerticalLayout();
    private final Paragraph error = new Paragraph();
    private final Button confirm = new Button();
    private final Map<String, Select<Optional<Level>>> mapping = new LinkedHashMap<>();
    private @Nullable CasePreview preview;

    CaseImportDialog(StandardsLibrary library, Imported onImported) {
        this.library = library;
        this.onImported = onImported;
        setHeaderTitle(getTranslation("standards.import.title"));
        setWidth("min(48rem, 95vw)");
        setId("case-import-dialog");

        UI ui = UI.getCurrent();
        Upload upload = new Upload();
        upload.setId("case-upload");
        upload.setMaxFileSize(MAX_MB * 1024 * 1024);
        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setDropLabel(new Span(getTranslation("standards.import.drop")));
        upload.getElement().setAttribute("aria-label", getTranslation("standards.import.upload"));
        upload.setUploadHandler(UploadHandler.inMemory((metadata, data) ->
                ui.access(() -> showPreview(new ByteArrayInputStream(data)))));
        upload.addFileRejectedListener(event -> error.setText(getTranslation("standards.case.error.too-large", MAX_MB)));

        error.setId("case-import-error");
        error.getElement().setAttribute("role", "alert");
        previewArea.setPadding(false);
        previewArea.setId("case-preview");

        confirm.setText(getTranslation("standards.import.confirm"));
        confirm.setId("case-import-confirm");
        confirm.setEnabled(false);
        confirm.addClickListener(event -> confirm());
        Button cancel = new Button(getTranslation("standards.import.cancel"), event -> close());
        cancel.setId("case-import-cancel");

        add(new VerticalLayout(new Paragraph(getTranslation("standards.import.upload")), upload, error, previewArea));
        getFooter().add(cancel, confirm);
    }

    /** Parses the upload into a preview; a refused file shows why and keeps Confirm off. */
    void showPreview(InputStream json) {
        previewArea.removeAll();
        mapping.clear();
        preview = null;
        confirm.setEnabled(false);
        error.setText("");
        CasePreview parsed;
        try {
            parsed = library.previewCase(json);
        } catch (StandardsRefusal refusal) {
            error.setText(translate(this, refusal));
            return;
        }
        preview = parsed;
        Paragraph summary = new Paragraph(getTranslation("standards.import.preview", parsed.items().size(), parsed.title()));
        summary.setId("case-preview-summary");

        TreeGrid<CasePreview.Node> tree = new TreeGrid<>();
        tree.setId("case-preview-tree");
        tree.addHierarchyColumn(CasePreview.Node::statement).setHeader(getTranslation("standards.column.statement"))
                .setFlexGrow(3);
        tree.addColumn(node -> node.code() == null ? "" : node.code()).setHeader(getTranslation("standards.column.code"))
                .setAutoWidth(true).setFlexGrow(0);
        TreeData<CasePreview.Node> data = new TreeData<>();
        Map<String, CasePreview.Node> byId = new LinkedHashMap<>();
        for (CasePreview.Node node : parsed.items()) { // parents come first
            data.addItem(node.parentIdentifier() == null ? null : byId.get(node.parentIdentifier()), node);
            byId.put(node.identifier(), node);
        }
        tree.setDataProvider(new TreeDataProvider<>(data));
        tree.expand(data.getRootItems());
        tree.setHeight("18rem");

        VerticalLayout selects = new VerticalLayout();
        selects.setPadding(false);
        selects.add(new H3(getTranslation("standards.import.mapping")));
        int index = 0;
        for (CasePreview.ItemType type : parsed.itemTypes()) {
            Select<Optional<Level>> select = new Select<>();
            select.setId("case-type-" + index++);
            select.setLabel(type.name() == null
                    ? getTranslation("standards.import.type-depth", type.depth(), type.count())
                    : getTranslation("standards.import.type-named", type.name(), type.count()));
            select.setItems(Optional.of(Level.GRADUATE_ATTRIBUTE), Optional.of(Level.STANDARD),
                    Optional.of(Level.INDICATOR), Optional.of(Level.OBJECTIVE), Optional.empty());
            select.setItemLabelGenerator(choice -> choice.map(level -> getTranslation("standards.level." + level.name()))
                    .orElseGet(() -> getTranslation("standards.import.skip")));
            select.setValue(Optional.of(type.suggested()));
            select.setWidthFull();
            mapping.put(type.key(), select);
            selects.add(select);
        }
        previewArea.add(summary, selects, tree);
        confirm.setEnabled(true);
    }

    private void confirm() {
        CasePreview current = preview;
        if (current == null) {
            return;
        }
        Map<String, Optional<Level>> chosen = new LinkedHashMap<>();
        mapping.forEach((key, select) -> chosen.put(key, select.getValue()));
        try {
            ImportResult result = library.importCase(current, chosen);
            close();
            onImported.imported(result.framework().id(), getTranslation("standards.import.done",
                    result.framework().title(), result.created(), result.updated(), result.archived()));
        } catch (StandardsRefusal refusal) {
            error.setText(translate(this, refusal));
        }
    }

    /** The refusal in the viewer's language, with the item that broke it when there is one. */
    static String translate(Component component, StandardsRefusal refusal) {
        String text = component.getTranslation(refusal.messageKey(), refusal.args().toArray());
        String identifier = refusal.identifier();
        if (identifier != null && refusal.messageKey().startsWith("standards.case.")) {
            text += " " + component.getTranslation("standards.case.error.item", identifier);
        }
        return text;
    }
}
