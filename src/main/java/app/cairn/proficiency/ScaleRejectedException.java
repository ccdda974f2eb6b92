package app.cairn.proficiency;

import java.util.List;

/** A scale draft broke one or more rules; nothing was saved. */
public class ScaleRejectedException extends RuntimeException {

    private final List<ScaleProblem> problems;

    ScaleRejectedException(List<ScaleProblem> problems) {
        super("Scale refused: " + problems);
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in level order, so the editor can show them all at once. */
    public List<ScaleProblem> problems() {
        return problems;
    }
}
