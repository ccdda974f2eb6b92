package app.cairn.evidence.ui;

import java.util.List;

import com.vaadin.flow.component.Component;

import app.cairn.evidence.EvidenceConflictException;
import app.cairn.evidence.EvidenceProblem;
import app.cairn.evidence.EvidenceRejectedException;

/** Refusals as the person reads them: each problem's message in the viewer's language. */
final class Problems {

    private Problems() {
    }

    static String text(Component in, EvidenceRejectedException refused) {
        List<String> lines = refused.problems().stream().map(p -> message(in, p)).distinct().toList();
        return String.join(" ", lines);
    }

    static String text(Component in, EvidenceConflictException conflict) {
        return in.getTranslation(conflict.messageKey());
    }

    static String message(Component in, EvidenceProblem problem) {
        return in.getTranslation(problem.messageKey(), problem.args().toArray());
    }
}
