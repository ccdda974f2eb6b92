package app.cairn.unit;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A performance indicator the course may use as a learning target, with its learning objectives. */
public record IndicatorOption(long id, @Nullable String code, String statement, String framework,
                              List<String> objectives) {

    /** "CODE statement", or the statement alone. */
    public String label() {
        return code == null ? statement : code + " " + statement;
    }
}
