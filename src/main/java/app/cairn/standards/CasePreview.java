package app.cairn.standards;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A parsed CASE package, not saved yet: the tree under the CFDocument and the item types the
 * teacher maps onto levels before confirming.
 *
 * @param items every CFItem in tree order (parents before children)
 */
public record CasePreview(String documentIdentifier, String title, @Nullable String subject, List<Node> items,
                          List<ItemType> itemTypes) {

    /**
     * @param parentIdentifier null for the document's top level
     * @param typeKey          which {@link ItemType} this item counts under
     * @param depth            1 for the document's top level
     */
    public record Node(String identifier, @Nullable String parentIdentifier, @Nullable String code, String statement,
                       @Nullable String notes, String typeKey, int depth) {
    }

    /**
     * An item type found in the file. Items without a CFItemType are grouped by depth instead.
     *
     * @param key       {@code type:<CFItemType>} or {@code depth:<n>}
     * @param name      the CFItemType, or null for items without one
     * @param suggested the level guessed from the depth where the type first appears
     */
    public record ItemType(String key, @Nullable String name, int depth, int count, Level suggested) {
    }

    /** The top-level items, in order. */
    public List<Node> roots() {
        return items.stream().filter(node -> node.parentIdentifier() == null).toList();
    }

    public List<Node> childrenOf(String identifier) {
        return items.stream().filter(node -> identifier.equals(node.parentIdentifier())).toList();
    }

    /** The suggested level for every item type; an empty value means "skip". */
    public Map<String, Optional<Level>> suggestedMapping() {
        Map<String, Optional<Level>> mapping = new LinkedHashMap<>();
        itemTypes.forEach(type -> mapping.put(type.key(), Optional.of(type.suggested())));
        return mapping;
    }
}
