package app.cairn.rubric;

import java.util.List;

/** A rubric draft broke one or more rules; nothing was saved. */
public class RubricRejectedException extends RuntimeException {

    private final List<RubricProblem> problems;

    RubricRejectedException(List<RubricProblem> problems) {
        super("Rubric refused: " + problems);
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, row by row, so the builder can show them all at once. */
    public List<RubricProblem> problems() {
        return problems;
    }
}
