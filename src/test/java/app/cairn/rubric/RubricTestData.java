package app.cairn.rubric;

import java.util.Collections;
import java.util.List;

import app.cairn.standards.ItemDraft;
import app.cairn.standards.Level;
import app.cairn.standards.StandardsLibrary;

/** Standards and drafts for rubric tests, made through the services as a teacher would. */
public final class RubricTestData {

    private RubricTestData() {
    }

    /** A framework of the signed-in teacher's course with one standard and two performance indicators under it. */
    public record Standards(long frameworkId, long standardId, long indicator, long otherIndicator) {
    }

    public static Standards standards(StandardsLibrary library) {
        long framework = library.createFramework("Science practices").id();
        long standard = library.addItem(framework, null, ItemDraft.of(Level.STANDARD, "SCI.1", "Investigates")).item().id();
        long indicator = library.addItem(framework, standard,
                ItemDraft.of(Level.INDICATOR, "SCI.1.a", "Plans a fair test")).item().id();
        long other = library.addItem(framework, standard,
                ItemDraft.of(Level.INDICATOR, "SCI.1.b", "Draws conclusions from data")).item().id();
        return new Standards(framework, standard, indicator, other);
    }

    /** One criterion with a descriptor in each of {@code levels} cells, named after the prefix. */
    public static RubricDraft.Criterion criterion(String title, long indicator, int levels, String prefix) {
        List<String> descriptors = new java.util.ArrayList<>();
        for (int i = 0; i < levels; i++) {
            descriptors.add(prefix + " at level " + (i + 1));
        }
        return new RubricDraft.Criterion(title, indicator, null, descriptors, List.of());
    }

    public static RubricDraft draft(Rubric rubric, RubricDraft.Criterion... criteria) {
        return new RubricDraft(rubric.title(), rubric.revision(), List.of(criteria), Collections.emptyList());
    }
}
