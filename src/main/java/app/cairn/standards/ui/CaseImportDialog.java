package app.cairn.standards.ui;

import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import app.cairn.standards.CasePreview;
import app.cairn.standards.ImportPreview;
import app.cairn.standards.ImportResult;
import app.cairn.standards.Level;
import app.cairn.standards.StandardsLibrary;

/** The CASE import wizard: a CASE JSON package, its item types mapped onto levels. */
class CaseImportDialog extends ImportWizard<CasePreview> {

    private static final int MAX_MB = 20;

    private final StandardsLibrary library;

    CaseImportDialog(StandardsLibrary library, Imported onImported) {
        super(onImported, "case", "standards.import", MAX_MB, "application/json", ".json");
        this.library = library;
    }

    @Override
    CasePreview read(InputStream data, @Nullable String fileName) {
        return library.previewCase(data);
    }

    @Override
    ImportResult save(CasePreview preview, Map<String, Optional<Level>> chosen) {
        return library.importCase(preview, chosen);
    }

    @Override
    String typeLabel(ImportPreview.ItemType type) {
        return type.name() == null
                ? getTranslation("standards.import.type-depth", type.depth(), type.count())
                : getTranslation("standards.import.type-named", type.name(), type.count());
    }
}
