package app.cairn.standards;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The library refused a change or an import. {@link #messageKey()} and {@link #args()} make the
 * message in the viewer's language; {@link #field()} and {@link #identifier()} say what broke it,
 * and for a CSV file {@link #line()} and {@link #column()} say where.
 */
public class StandardsRefusal extends RuntimeException {

    private final String messageKey;
    private final List<Object> args;
    private final @Nullable String field;
    private final @Nullable String identifier;
    private final @Nullable Integer line;
    private final @Nullable String column;

    StandardsRefusal(String messageKey, @Nullable String field, @Nullable String identifier, @Nullable Integer line,
                     @Nullable String column, Object... args) {
        super(messageKey + (line == null ? "" : " line=" + line) + (column == null ? "" : " column=" + column)
                + (field == null ? "" : " field=" + field) + (identifier == null ? "" : " identifier=" + identifier));
        this.messageKey = messageKey;
        this.args = List.of(args);
        this.field = field;
        this.identifier = identifier;
        this.line = line;
        this.column = column;
    }

    StandardsRefusal(String messageKey, @Nullable String field, @Nullable String identifier, Object... args) {
        this(messageKey, field, identifier, null, null, args);
    }

    StandardsRefusal(String messageKey, Object... args) {
        this(messageKey, null, null, null, null, args);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> args() {
        return args;
    }

    public @Nullable String field() {
        return field;
    }

    public @Nullable String identifier() {
        return identifier;
    }

    /** The 1-based line of the file where the problem starts, when the file has lines. */
    public @Nullable Integer line() {
        return line;
    }

    /** The spreadsheet column (A, B, ...) of the problem, when it is in one cell. */
    public @Nullable String column() {
        return column;
    }
}
