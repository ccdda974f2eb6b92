package app.cairn.standards;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Reads a Canvas outcomes CSV file (Canvas's "Outcomes CSV format") into a {@link CanvasCsvPreview}.
 * Columns are found by their header name, so their order may vary, except that {@code ratings}
 * comes last: it and the unnamed columns after it hold points, description, points, description...
 * Every refusal names the line and column that broke the file.
 */
final class CanvasCsvParser {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 10_000;

    static final String VENDOR_GUID = "vendor_guid";
    static final String OBJECT_TYPE = "object_type";
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String DISPLAY_NAME = "display_name";
    static final String CALCULATION_METHOD = "calculation_method";
    static final String CALCULATION_INT = "calculation_int";
    static final String MASTERY_POINTS = "mastery_points";
    static final String WORKFLOW_STATE = "workflow_state";
    static final String PARENT_GUIDS = "parent_guids";
    static final String RATINGS = "ratings";

    /** The header Cairn writes, before the unnamed rating columns. */
    static final List<String> HEADER = List.of(VENDOR_GUID, OBJECT_TYPE, TITLE, DESCRIPTION, DISPLAY_NAME,
            CALCULATION_METHOD, CALCULATION_INT, WORKFLOW_STATE, PARENT_GUIDS, RATINGS);

    private static final Set<String> REQUIRED = Set.of(VENDOR_GUID, OBJECT_TYPE, TITLE);
    private static final Set<String> KNOWN = Set.of(VENDOR_GUID, OBJECT_TYPE, TITLE, DESCRIPTION, DISPLAY_NAME,
            CALCULATION_METHOD, CALCULATION_INT, MASTERY_POINTS, WORKFLOW_STATE, PARENT_GUIDS, RATINGS);
    private static final Set<String> METHODS = Set.of("decaying_average", "n_mastery", "latest", "highest", "average");

    private CanvasCsvParser() {
    }

    private record Row(int line, String guid, boolean group, boolean deleted, String title, @Nullable String code,
                       @Nullable String description, List<String> parents, CanvasCsvPreview.@Nullable Outcome outcome) {
    }

    static CanvasCsvPreview parse(InputStream in, @Nullable String fileName) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new StandardsRefusal("standards.csv.error.unreadable");
        }
        if (bytes.length > MAX_BYTES) {
            throw new StandardsRefusal("standards.csv.error.too-large", MAX_BYTES / (1024 * 1024));
        }
        return parse(bytes, fileName);
    }

    static CanvasCsvPreview parse(byte[] bytes, @Nullable String fileName) {
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            throw at("standards.csv.error.not-csv", lineOf(text, text.indexOf('\0')), -1, null, null);
        }
        List<Csv.Row> rows;
        try {
            rows = Csv.read(text);
        } catch (Csv.Malformed e) {
            throw at("standards.csv.error.not-csv", e.line, e.cell, null, null);
        }
        rows = rows.stream().filter(row -> row.cells().stream().anyMatch(cell -> !cell.isBlank())).toList();
        if (rows.isEmpty()) {
            throw new StandardsRefusal("standards.csv.error.empty");
        }
        if (rows.size() - 1 > MAX_ROWS) {
            throw new StandardsRefusal("standards.csv.error.too-many-rows", MAX_ROWS);
        }

        // The header: known names, each once, the required ones present, ratings last.
        Csv.Row headerRow = rows.getFirst();
        List<String> header = headerRow.cells().stream().map(cell -> cell.strip().toLowerCase(Locale.ROOT)).toList();
        Map<String, Integer> columns = new HashMap<>();
        int lastNamed = -1;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                continue;
            }
            if (!KNOWN.contains(name)) {
                throw at("standards.csv.error.header-unknown", headerRow.line(), i, name, null, name);
            }
            if (columns.putIfAbsent(name, i) != null) {
                throw at("standards.csv.error.header-twice", headerRow.line(), i, name, null, name);
            }
            if (lastNamed >= 0 && header.get(lastNamed).equals(RATINGS)) {
                throw at("standards.csv.error.header-ratings-last", headerRow.line(), i, name, null);
            }
            if (lastNamed < i - 1 && lastNamed >= 0) {
                // an unnamed column between named ones: only the rating columns after "ratings" go unnamed
                throw at("standards.csv.error.header-blank", headerRow.line(), i - 1, null, null);
            }
            lastNamed = i;
        }
        for (String required : HEADER) {
            if (REQUIRED.contains(required) && !columns.containsKey(required)) {
                throw at("standards.csv.error.header-missing", headerRow.line(), -1, required, null, required);
            }
        }
        Integer ratingsColumn = columns.get(RATINGS);

        List<Row> parsed = new ArrayList<>();
        Map<String, Row> byGuid = new LinkedHashMap<>();
        for (Csv.Row csv : rows.subList(1, rows.size())) {
            int line = csv.line();
            if (ratingsColumn == null) {
                for (int i = header.size(); i < csv.cells().size(); i++) {
                    if (!csv.cell(i).isBlank()) {
                        throw at("standards.csv.error.extra-cell", line, i, null, null);
                    }
                }
            }
            String guid = cell(csv, columns, VENDOR_GUID);
            if (guid == null) {
                throw at("standards.csv.error.missing", line, columns.get(VENDOR_GUID), VENDOR_GUID, null, VENDOR_GUID);
            }
            String type = cell(csv, columns, OBJECT_TYPE);
            String typeName = type == null ? "" : type.toLowerCase(Locale.ROOT);
            if (!typeName.equals("group") && !typeName.equals("outcome")) {
                throw at("standards.csv.error.object-type", line, columns.get(OBJECT_TYPE), OBJECT_TYPE, guid,
                        type == null ? "" : type);
            }
            boolean group = typeName.equals("group");
            String title = cell(csv, columns, TITLE);
            if (title == null) {
                throw at("standards.csv.error.empty-title", line, columns.get(TITLE), TITLE, guid);
            }
            String state = cell(csv, columns, WORKFLOW_STATE);
            String stateName = state == null ? "active" : state.toLowerCase(Locale.ROOT);
            if (!stateName.equals("active") && !stateName.equals("deleted")) {
                throw at("standards.csv.error.workflow-state", line, columns.get(WORKFLOW_STATE), WORKFLOW_STATE, guid,
                        state == null ? "" : state);
            }
            String parentCell = cell(csv, columns, PARENT_GUIDS);
            List<String> parents = parentCell == null ? List.of() : List.of(parentCell.split("\\s+"));

            CanvasCsvPreview.Outcome outcome = null;
            if (!group) {
                String method = cell(csv, columns, CALCULATION_METHOD);
                if (method != null && !METHODS.contains(method.toLowerCase(Locale.ROOT))) {
                    throw at("standards.csv.error.calculation-method", line, columns.get(CALCULATION_METHOD),
                            CALCULATION_METHOD, guid, method);
                }
                Integer calculationInt = calculationInt(csv, columns, method, line, guid);
                outcome = new CanvasCsvPreview.Outcome(guid, method == null ? null : method.toLowerCase(Locale.ROOT),
                        calculationInt, ratings(csv, ratingsColumn, line, guid));
            }
            Row row = new Row(line, guid, group, stateName.equals("deleted"), title, cell(csv, columns, DISPLAY_NAME),
                    cell(csv, columns, DESCRIPTION), parents, outcome);
            if (byGuid.putIfAbsent(guid, row) != null) {
                throw at("standards.csv.error.duplicate-guid", line, columns.get(VENDOR_GUID), VENDOR_GUID, guid, guid);
            }
            parsed.add(row);
        }

        // Parents: known, groups, no loops. An outcome in several groups appears once, under the first.
        Map<String, @Nullable String> parentOf = new HashMap<>();
        for (Row row : parsed) {
            for (String parent : row.parents()) {
                Row found = byGuid.get(parent);
                if (found == null) {
                    throw at("standards.csv.error.unknown-parent", row.line(), columns.get(PARENT_GUIDS), PARENT_GUIDS,
                            row.guid(), parent);
                }
                if (!found.group()) {
                    throw at("standards.csv.error.parent-not-group", row.line(), columns.get(PARENT_GUIDS), PARENT_GUIDS,
                            row.guid(), parent);
                }
            }
            parentOf.put(row.guid(), row.parents().isEmpty() ? null : row.parents().getFirst());
        }
        for (Row row : parsed) {
            Set<String> seen = new HashSet<>();
            for (String at = row.guid(); at != null; at = parentOf.get(at)) {
                if (!seen.add(at)) {
                    throw at("standards.csv.error.cycle", row.line(), columns.get(PARENT_GUIDS), PARENT_GUIDS, row.guid());
                }
            }
        }

        // The tree of active rows: a deleted group's children move up to its nearest active ancestor.
        Map<@Nullable String, List<Row>> children = new HashMap<>();
        for (Row row : parsed) {
            if (row.deleted()) {
                continue;
            }
            String parent = parentOf.get(row.guid());
            while (parent != null && byGuid.get(parent).deleted()) {
                parent = parentOf.get(parent);
            }
            children.computeIfAbsent(parent, key -> new ArrayList<>()).add(row);
        }
        List<ImportPreview.Node> nodes = new ArrayList<>();
        Map<String, int[]> typeCounts = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        List<CanvasCsvPreview.Outcome> outcomes = new ArrayList<>();
        walk(null, 1, children, nodes, typeCounts, lines, outcomes);

        List<ImportPreview.ItemType> types = typeCounts.entrySet().stream()
                .map(entry -> {
                    boolean group = entry.getKey().startsWith("group:");
                    int depth = entry.getValue()[1];
                    return new ImportPreview.ItemType(entry.getKey(), group ? "group" : "outcome", depth,
                            entry.getValue()[0], guess(group, depth));
                })
                .sorted(Comparator.comparingInt(ImportPreview.ItemType::depth)
                        .thenComparing(type -> type.key().startsWith("outcome:")))
                .toList();
        Integer codeCell = columns.get(DISPLAY_NAME);
        return new CanvasCsvPreview(title(fileName), nodes, types, lines, codeCell == null ? null : columnName(codeCell),
                outcomes);
    }

    private static void walk(@Nullable String parent, int depth, Map<@Nullable String, List<Row>> children,
                             List<ImportPreview.Node> out, Map<String, int[]> typeCounts, Map<String, Integer> lines,
                             List<CanvasCsvPreview.Outcome> outcomes) {
        for (Row row : children.getOrDefault(parent, List.of())) {
            String key = (row.group() ? "group:" : "outcome:") + depth;
            int[] count = typeCounts.computeIfAbsent(key, k -> new int[] {0, depth});
            count[0]++;
            out.add(new ImportPreview.Node(row.guid(), parent, row.code(), row.title(), row.description(), key, depth));
            lines.put(row.guid(), row.line());
            if (row.outcome() != null) {
                outcomes.add(row.outcome());
            }
            walk(row.guid(), depth + 1, children, out, typeCounts, lines, outcomes);
        }
    }

    /**
     * Groups by depth as for CASE (standard, indicator, then objective); outcomes are what students
     * are scored on, so at least performance indicators, objectives under an indicator group.
     */
    static Level guess(boolean group, int depth) {
        Level byDepth = CaseParser.guess(depth);
        return group || byDepth == Level.OBJECTIVE ? byDepth : Level.INDICATOR;
    }

    private static @Nullable Integer calculationInt(Csv.Row csv, Map<String, Integer> columns, @Nullable String method,
                                                    int line, String guid) {
        String value = cell(csv, columns, CALCULATION_INT);
        if (value == null) {
            return null;
        }
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw at("standards.csv.error.calculation-int", line, columns.get(CALCULATION_INT), CALCULATION_INT, guid, value);
        }
        String name = method == null ? "" : method.toLowerCase(Locale.ROOT);
        boolean fits = switch (name) {
            case "decaying_average" -> number >= 1 && number <= 99;
            case "n_mastery" -> number >= 1 && number <= 10;
            default -> false; // the other methods take no number
        };
        if (!fits) {
            throw at("standards.csv.error.calculation-int", line, columns.get(CALCULATION_INT), CALCULATION_INT, guid, value);
        }
        return number;
    }

    /** Points then description, pair by pair, from the ratings column to the end of the row. */
    private static List<CanvasCsvPreview.Rating> ratings(Csv.Row csv, @Nullable Integer from, int line, String guid) {
        if (from == null) {
            return List.of();
        }
        int end = csv.cells().size();
        while (end > from && csv.cell(end - 1).isBlank()) {
            end--;
        }
        List<CanvasCsvPreview.Rating> ratings = new ArrayList<>();
        for (int i = from; i < end; i += 2) {
            String points = csv.cell(i).strip();
            try {
                ratings.add(new CanvasCsvPreview.Rating(new BigDecimal(points), csv.cell(i + 1).strip()));
            } catch (NumberFormatException e) {
                throw at("standards.csv.error.rating-points", line, i, RATINGS, guid, points);
            }
        }
        return ratings;
    }

    private static @Nullable String cell(Csv.Row row, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        if (index == null) {
            return null;
        }
        String value = row.cell(index).strip();
        return value.isEmpty() ? null : value;
    }

    private static String title(@Nullable String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "Canvas outcomes";
        }
        String name = fileName.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            name = name.substring(0, name.length() - 4);
        }
        return name.isBlank() ? "Canvas outcomes" : name.strip();
    }

    /** Strict UTF-8: a file in another encoding is refused at the line of its first bad byte. */
    private static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(buffer).toString();
        } catch (CharacterCodingException e) {
            int bad = buffer.position();
            int line = 1;
            for (int i = 0; i < bad && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw at("standards.csv.error.not-utf8", line, -1, null, null);
        }
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** A refusal at a line and (0-based) cell; a negative cell means the whole line. */
    static StandardsRefusal at(String key, int line, @Nullable Integer cell, @Nullable String field,
                               @Nullable String identifier, Object... args) {
        String column = cell == null || cell < 0 ? null : columnName(cell);
        return new StandardsRefusal(key, field, identifier, line, column, args);
    }

    /** A spreadsheet's column name: A, B, ... Z, AA, AB ... */
    static String columnName(int cell) {
        StringBuilder name = new StringBuilder();
        for (int n = cell + 1; n > 0; n = (n - 1) / 26) {
            name.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return name.toString();
    }
}
