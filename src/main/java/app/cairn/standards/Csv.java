package app.cairn.standards;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader and writer. Fields are separated by commas; a field holding a comma, a
 * quote or a line break is quoted, and a quote inside it is doubled. The reader accepts CRLF, LF
 * and CR line ends and remembers on which line each record starts, so refusals can name it.
 */
final class Csv {

    private Csv() {
    }

    /** One record: its cells and the 1-based line where it starts. */
    record Row(int line, List<String> cells) {

        String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    /** The text is not CSV: a quote opens or closes in the wrong place. {@code cell} is 0-based. */
    static final class Malformed extends Exception {
        final int line;
        final int cell;

        Malformed(int line, int cell) {
            super("Malformed CSV at line " + line + ", cell " + (cell + 1), null, false, false);
            this.line = line;
            this.cell = cell;
        }
    }

    /** Reads every record; blank lines between records are skipped. */
    static List<Row> read(String text) throws Malformed {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int i = 0;
        int n = text.length();
        boolean quoted = false;       // inside a quoted field
        boolean afterQuote = false;   // a quoted field just closed; only a separator may follow
        boolean fieldStarted = false; // the current record has any content
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    afterQuote = true;
                } else {
                    if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    cell.append(c);
                }
                i++;
                continue;
            }
            if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                afterQuote = false;
                fieldStarted = true;
                i++;
            } else if (c == '\r' || c == '\n') {
                if (fieldStarted || !cell.isEmpty() || afterQuote) {
                    cells.add(cell.toString());
                    rows.add(new Row(recordLine, List.copyOf(cells)));
                }
                cells.clear();
                cell.setLength(0);
                afterQuote = false;
                fieldStarted = false;
                i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                line++;
                recordLine = line;
            } else if (afterQuote) {
                throw new Malformed(line, cells.size());
            } else if (c == '"') {
                if (!cell.isEmpty()) {
                    throw new Malformed(line, cells.size()); // a quote inside an unquoted field
                }
                quoted = true;
                fieldStarted = true;
                i++;
            } else {
                cell.append(c);
                i++;
            }
        }
        if (quoted) {
            throw new Malformed(recordLine, cells.size()); // the closing quote never came
        }
        if (fieldStarted || !cell.isEmpty() || afterQuote) {
            cells.add(cell.toString());
            rows.add(new Row(recordLine, List.copyOf(cells)));
        }
        return rows;
    }

    /** Writes one record, quoting only where needed, ending it with CRLF. */
    static void write(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
