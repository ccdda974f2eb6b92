package app.cairn.standards;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A parsed file, not saved yet: the tree of items and the item types the teacher maps onto levels
 * before confirming. CASE packages and Canvas outcomes CSV files both preview this way.
 */
public interface ImportPreview {

    /** The framework's title as the file gives it. */
    String title();

    /** Every item in tree order (parents before children). */
    List<Node> items();

    List<ItemType> itemTypes();

    /**
     * One item of the file.
     *
     * @param identifier       the file's identifier (CASE identifier, Canvas vendor_guid), kept as
     *                         the item's source identifier so a re-import updates it in place
     * @param parentIdentifier null for the top level
     * @param typeKey          which {@link ItemType} this item counts under
     * @param depth            1 for the top level
     */
    record Node(String identifier, @Nullable String parentIdentifier, @Nullable String code, String statement,
                @Nullable String notes, String typeKey, int depth) {
    }

    /**
     * An item type found in the file.
     *
     * @param key       {@code type:<CFItemType>} or {@code depth:<n>} for CASE; {@code group:<n>} or
     *                  {@code outcome:<n>} for Canvas
     * @param name      the CFItemType or Canvas object_type, or null for CASE items without a type
     * @param suggested the level guessed from the depth where the type first appears
     */
    record ItemType(String key, @Nullable String name, int depth, int count, Level suggested) {
    }

    /** The top-level items, in order. */
    default List<Node> roots() {
        return items().stream().filter(node -> node.parentIdentifier() == null).toList();
    }

    default List<Node> childrenOf(String identifier) {
        return items().stream().filter(node -> identifier.equals(node.parentIdentifier())).toList();
    }

    /** The suggested level for every item type; an empty value means "skip". */
    default Map<String, Optional<Level>> suggestedMapping() {
        Map<String, Optional<Level>> mapping = new LinkedHashMap<>();
        itemTypes().forEach(type -> mapping.put(type.key(), Optional.of(type.suggested())));
        return mapping;
    }
}
