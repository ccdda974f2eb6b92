package app.cairn.evidence;

import java.util.List;

/** An evidence action broke one or more rules; nothing was saved. */
public class EvidenceRejectedException extends RuntimeException {

    private final List<EvidenceProblem> problems;

    EvidenceRejectedException(List<EvidenceProblem> problems) {
        super("Refused: " + problems);
        this.problems = List.copyOf(problems);
    }

    EvidenceRejectedException(EvidenceProblem problem) {
        this(List.of(problem));
    }

    /** Every problem found, so the view can show them all at once. */
    public List<EvidenceProblem> problems() {
        return problems;
    }
}
