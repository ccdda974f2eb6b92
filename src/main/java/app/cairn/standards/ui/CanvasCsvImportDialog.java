package app.cairn.standards.ui;

import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;

import app.cairn.standards.CanvasCsvPreview;
import app.cairn.standards.ImportPreview;
import app.cairn.standards.ImportResult;
import app.cairn.standards.Level;
import app.cairn.standards.StandardsLibrary;

/**
 * The Canvas outcomes CSV import wizard: groups and outcomes by depth mapped onto levels. Says so
 * when the file's outcomes bring ratings or calculation methods, which Cairn does not keep.
 */
class CanvasCsvImportDialog extends ImportWizard<CanvasCsvPreview> {

    private static final int MAX_MB = 5;

    private final StandardsLibrary library;

    CanvasCsvImportDialog(StandardsLibrary library, Imported onImported) {
        super(onImported, "canvas", "standards.csv.import", MAX_MB, "text/csv", ".csv");
        this.library = library;
    }

    @Override
    CanvasCsvPreview read(InputStream data, @Nullable String fileName) {
        return library.previewCanvasCsv(data, fileName);
    }

    @Override
    ImportResult save(CanvasCsvPreview preview, Map<String, Optional<Level>> chosen) {
        return library.importCanvasCsv(preview, chosen);
    }

    @Override
    String typeLabel(ImportPreview.ItemType type) {
        return getTranslation("standards.csv.import.type-" + type.name(), type.depth(), type.count());
    }

    @Override
    @Nullable Component note(CanvasCsvPreview preview) {
        long scored = preview.outcomesWithScoring();
        if (scored == 0) {
            return null;
        }
        Paragraph note = new Paragraph(getTranslation("standards.csv.import.scoring-note", scored));
        note.setId("canvas-scoring-note");
        return note;
    }
}
