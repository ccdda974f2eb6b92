package app.cairn.standards;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A parsed Canvas outcomes CSV file, not saved yet. Groups and outcomes form the tree; what Canvas
 * says about scoring (ratings, calculation method) is shown to the teacher but not saved, because
 * a Cairn course scores on its own proficiency scale.
 *
 * @param lines      the line each vendor_guid's row starts on, for refusals found at confirm time
 * @param codeColumn the spreadsheet column of display_name (the items' codes), if the file has one
 * @param outcomes   the scoring facts of each active outcome, in tree order
 */
public record CanvasCsvPreview(String title, List<Node> items, List<ItemType> itemTypes, Map<String, Integer> lines,
                               @Nullable String codeColumn, List<Outcome> outcomes) implements ImportPreview {

    public CanvasCsvPreview {
        items = List.copyOf(items);
        itemTypes = List.copyOf(itemTypes);
        lines = Map.copyOf(lines);
        outcomes = List.copyOf(outcomes);
    }

    /** What Canvas would score an outcome with. Cairn keeps none of it. */
    public record Outcome(String vendorGuid, @Nullable String calculationMethod, @Nullable Integer calculationInt,
                          List<Rating> ratings) {
    }

    /** One rating of an outcome: points, then its description. */
    public record Rating(java.math.BigDecimal points, String description) {
    }

    /** How many outcomes bring their own ratings or calculation method, which the import leaves behind. */
    public long outcomesWithScoring() {
        return outcomes.stream().filter(o -> !o.ratings().isEmpty() || o.calculationMethod() != null).count();
    }
}
