package app.cairn.unit;

import java.util.List;

/** A unit change or a student's action broke one or more rules; nothing was saved. */
public class UnitRejectedException extends RuntimeException {

    private final List<UnitProblem> problems;

    UnitRejectedException(List<UnitProblem> problems) {
        super("Refused: " + problems);
        this.problems = List.copyOf(problems);
    }

    UnitRejectedException(String messageKey, UnitProblem.Field field) {
        this(List.of(UnitProblem.of(messageKey, field)));
    }

    /** Every problem found, so the view can show them all at once. */
    public List<UnitProblem> problems() {
        return problems;
    }
}
