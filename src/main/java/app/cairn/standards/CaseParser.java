package app.cairn.standards;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a CASE 1.0 or 1.1 package (JSON) into a {@link CasePreview}. Tolerant where the meaning is
 * clear (identifiers that are not UUIDs, missing optional fields, no CFItemType, associations to
 * other documents that are not isChildOf); refuses with the field and identifier where it is not.
 */
final class CaseParser {

    static final int MAX_BYTES = 20 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseParser() {
    }

    static CasePreview parse(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new StandardsRefusal("standards.case.error.unreadable");
        }
        if (bytes.length > MAX_BYTES) {
            throw new StandardsRefusal("standards.case.error.too-large", MAX_BYTES / (1024 * 1024));
        }
        return parse(bytes);
    }

    static CasePreview parse(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw new StandardsRefusal("standards.case.error.not-json");
        }
        if (root == null || !root.isObject()) {
            throw new StandardsRefusal("standards.case.error.not-json");
        }
        // Some servers wrap the package as {"CFPackage": {...}}.
        if (root.path("CFPackage").isObject()) {
            root = root.get("CFPackage");
        }
        JsonNode document = root.get("CFDocument");
        if (document == null || !document.isObject()) {
            throw refusal("standards.case.error.missing", "CFDocument", null);
        }
        String documentId = text(document, "identifier");
        if (documentId == null) {
            throw refusal("standards.case.error.missing", "CFDocument.identifier", null);
        }
        String title = text(document, "title");
        if (title == null) {
            title = documentId;
        }

        Map<String, JsonNode> items = new LinkedHashMap<>();
        JsonNode itemArray = root.path("CFItems");
        for (int i = 0; i < itemArray.size(); i++) {
            JsonNode item = itemArray.get(i);
            String id = text(item, "identifier");
            if (id == null) {
                throw refusal("standards.case.error.missing", "CFItems[" + i + "].identifier", null);
            }
            if (text(item, "fullStatement") == null) {
                throw refusal("standards.case.error.missing", "fullStatement", id);
            }
            if (items.putIfAbsent(id, item) != null) {
                throw refusal("standards.case.error.duplicate", "identifier", id);
            }
        }

        // isChildOf: the origin is the child, the destination the parent (an item or the document).
        Map<String, String> parentOf = new HashMap<>();
        Map<String, Double> sequence = new HashMap<>();
        JsonNode associations = root.path("CFAssociations");
        for (int i = 0; i < associations.size(); i++) {
            JsonNode association = associations.get(i);
            if (!"isChildOf".equals(text(association, "associationType"))) {
                continue; // exactMatchOf, precedes... may point at other documents; the tree does not need them.
            }
            String child = text(association.path("originNodeURI"), "identifier");
            String parent = text(association.path("destinationNodeURI"), "identifier");
            if (child == null || !items.containsKey(child)) {
                throw refusal("standards.case.error.unknown-item", "originNodeURI", child == null ? "" : child);
            }
            if (parent == null || (!parent.equals(documentId) && !items.containsKey(parent))) {
                throw refusal("standards.case.error.unknown-item", "destinationNodeURI", parent == null ? "" : parent);
            }
            if (parent.equals(child)) {
                throw refusal("standards.case.error.cycle", "CFAssociations", child);
            }
            // An item reused under several parents appears once, under the first.
            if (parentOf.putIfAbsent(child, parent) == null) {
                JsonNode seq = association.get("sequenceNumber");
                if (seq != null && seq.isNumber()) {
                    sequence.put(child, seq.doubleValue());
                } else if (seq != null && seq.isString()) {
                    try {
                        sequence.put(child, Double.parseDouble(seq.stringValue().trim()));
                    } catch (NumberFormatException ignored) {
                        // Order then falls back to the file's order.
                    }
                }
            }
        }
        for (String id : items.keySet()) {
            Set<String> seen = new HashSet<>();
            String at = id;
            while (at != null && !at.equals(documentId)) {
                if (!seen.add(at)) {
                    throw refusal("standards.case.error.cycle", "CFAssociations", id);
                }
                at = parentOf.get(at);
            }
        }

        // Children by parent, ordered by sequenceNumber, then by the file's order.
        List<String> fileOrder = new ArrayList<>(items.keySet());
        Map<String, List<String>> children = new HashMap<>();
        for (String id : fileOrder) {
            // Items no isChildOf places hang under the document rather than getting lost.
            children.computeIfAbsent(parentOf.getOrDefault(id, documentId), key -> new ArrayList<>()).add(id);
        }
        Comparator<String> order = Comparator.<String>comparingDouble(
                id -> sequence.getOrDefault(id, Double.MAX_VALUE)).thenComparingInt(fileOrder::indexOf);
        children.values().forEach(list -> list.sort(order));

        List<CasePreview.Node> nodes = new ArrayList<>();
        Map<String, int[]> typeCounts = new LinkedHashMap<>();
        Map<String, @Nullable String> typeNames = new HashMap<>();
        walk(documentId, documentId, 1, items, children, nodes, typeCounts, typeNames);

        List<CasePreview.ItemType> types = typeCounts.entrySet().stream()
                .map(entry -> new CasePreview.ItemType(entry.getKey(), typeNames.get(entry.getKey()),
                        entry.getValue()[1], entry.getValue()[0], guess(entry.getValue()[1])))
                .sorted(Comparator.comparingInt(CasePreview.ItemType::depth))
                .toList();
        String subject = null;
        JsonNode subjects = document.path("subject");
        if (subjects.isArray() && !subjects.isEmpty() && subjects.get(0).isString()) {
            subject = subjects.get(0).stringValue();
        }
        return new CasePreview(documentId, title, subject, List.copyOf(nodes), types);
    }

    private static void walk(String parent, String documentId, int depth, Map<String, JsonNode> items,
                             Map<String, List<String>> children, List<CasePreview.Node> out,
                             Map<String, int[]> typeCounts, Map<String, @Nullable String> typeNames) {
        for (String id : children.getOrDefault(parent, List.of())) {
            JsonNode item = items.get(id);
            String type = text(item, "CFItemType");
            String key = type == null ? "depth:" + depth : "type:" + type;
            typeNames.put(key, type);
            int[] count = typeCounts.computeIfAbsent(key, k -> new int[] {0, Integer.MAX_VALUE});
            count[0]++;
            count[1] = Math.min(count[1], depth);
            String statement = text(item, "fullStatement");
            out.add(new CasePreview.Node(id, parent.equals(documentId) ? null : parent, text(item, "humanCodingScheme"),
                    statement == null ? "" : statement, text(item, "notes"), key, depth));
            walk(id, documentId, depth + 1, items, children, out, typeCounts, typeNames);
        }
    }

    /** Top level under the document is a standard, the next an indicator, deeper an objective. */
    static Level guess(int depth) {
        return depth <= 1 ? Level.STANDARD : depth == 2 ? Level.INDICATOR : Level.OBJECTIVE;
    }

    /** A non-blank string field, or null: blank and non-string values count as missing. */
    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            return null;
        }
        return value.stringValue().strip();
    }

    private static StandardsRefusal refusal(String key, String field, @Nullable String identifier) {
        return new StandardsRefusal(key, field, identifier, field, identifier == null ? "" : identifier);
    }
}
