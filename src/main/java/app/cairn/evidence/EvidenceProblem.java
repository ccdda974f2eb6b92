package app.cairn.evidence;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One reason an evidence action was refused, for the view to show at the right field: an i18n key
 * (in {@code i18n/evidence}) with its arguments.
 *
 * @param criterionId for a missing or unknown level: the rubric criterion concerned
 */
public record EvidenceProblem(String messageKey, Field field, List<Object> args, @Nullable Long criterionId) {

    public EvidenceProblem {
        args = List.copyOf(args);
    }

    static EvidenceProblem of(String messageKey, Field field, Object... args) {
        return new EvidenceProblem(messageKey, field, List.of(args), null);
    }

    /** Which input a problem is about. */
    public enum Field {
        WAY, TEXT, LINKS, FILES, PERFORMED_ON, STATUS, COMMENT, LEVELS, REASON, STUDENT
    }
}
