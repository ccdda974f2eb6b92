package app.cairn.standards;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The library refused a change or an import. {@link #messageKey()} and {@link #args()} make the
 * message in the viewer's language; {@link #field()} and {@link #identifier()} say what broke it.
 */
public class StandardsRefusal extends RuntimeException {

    private final String messageKey;
    private final List<Object> args;
    private final @Nullable String field;
    private final @Nullable String identifier;

    StandardsRefusal(String messageKey, @Nullable String field, @Nullable String identifier, Object... args) {
        super(messageKey + (field == null ? "" : " field=" + field) + (identifier == null ? "" : " identifier=" + identifier));
        this.messageKey = messageKey;
        this.args = List.of(args);
        this.field = field;
        this.identifier = identifier;
    }

    StandardsRefusal(String messageKey, Object... args) {
        this(messageKey, null, null, args);
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
}
