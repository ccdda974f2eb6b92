package app.cairn.standards;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A parsed CASE package, not saved yet: the tree under the CFDocument and the item types the
 * teacher maps onto levels before confirming.
 *
 * @param items every CFItem in tree order (parents before children)
 */
public record CasePreview(String documentIdentifier, String title, @Nullable String subject, List<Node> items,
                          List<ItemType> itemTypes) implements ImportPreview {
}
