package app.cairn.rubric;

import org.jspecify.annotations.Nullable;

/** A performance indicator the course may align a criterion to. */
public record IndicatorChoice(long id, @Nullable String code, String statement, String framework) {

    /** "CODE statement", or the statement alone. */
    public String label() {
        return code == null ? statement : code + " " + statement;
    }
}
