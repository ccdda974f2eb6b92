package app.cairn.rubric;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import app.cairn.rubric.RubricProblem.Field;

/**
 * Everything a rubric draft must satisfy, checked before anything is written. Every cell needs a
 * descriptor: a blank cell would leave students guessing what work at that level looks like.
 */
final class RubricRules {

    static final int MAX_TITLE = 300;
    static final int MAX_TEXT = 5000;
    static final int MAX_URL = 2000;

    private RubricRules() {
    }

    static List<RubricProblem> check(RubricDraft draft, int levels, Set<Long> visibleIndicators) {
        List<RubricProblem> problems = new ArrayList<>();
        String title = draft.title() == null ? "" : draft.title().strip();
        if (title.isEmpty()) {
            problems.add(new RubricProblem("rubric.error.title-blank", Field.TITLE, null, null));
        } else if (title.length() > MAX_TITLE) {
            problems.add(new RubricProblem("rubric.error.title-long", Field.TITLE, null, null));
        }
        if (draft.criteria().isEmpty()) {
            problems.add(new RubricProblem("rubric.error.no-criteria", Field.CRITERIA, null, null));
        }
        for (int row = 0; row < draft.criteria().size(); row++) {
            RubricDraft.Criterion criterion = draft.criteria().get(row);
            String criterionTitle = criterion.title() == null ? "" : criterion.title().strip();
            if (criterionTitle.isEmpty()) {
                problems.add(new RubricProblem("rubric.error.criterion-title-blank", Field.CRITERION_TITLE, row, null));
            } else if (criterionTitle.length() > MAX_TITLE) {
                problems.add(new RubricProblem("rubric.error.title-long", Field.CRITERION_TITLE, row, null));
            }
            if (criterion.indicatorId() == null) {
                problems.add(new RubricProblem("rubric.error.no-indicator", Field.INDICATOR, row, null));
            } else if (!visibleIndicators.contains(criterion.indicatorId())) {
                problems.add(new RubricProblem("rubric.error.indicator-unknown", Field.INDICATOR, row, null));
            }
            if (criterion.descriptors().size() > levels) {
                problems.add(new RubricProblem("rubric.error.levels-changed", Field.CRITERIA, row, null));
            }
            for (int level = 0; level < levels; level++) {
                String descriptor = level < criterion.descriptors().size() ? criterion.descriptors().get(level) : null;
                if (descriptor == null || descriptor.isBlank()) {
                    problems.add(new RubricProblem("rubric.error.descriptor-blank", Field.DESCRIPTOR, row, level));
                } else if (descriptor.strip().length() > MAX_TEXT) {
                    problems.add(new RubricProblem("rubric.error.text-long", Field.DESCRIPTOR, row, level));
                }
            }
            checkExemplars(criterion.exemplars(), row, problems);
        }
        checkExemplars(draft.exemplars(), null, problems);
        return problems;
    }

    private static void checkExemplars(List<Exemplar> exemplars, @Nullable Integer row, List<RubricProblem> problems) {
        for (int i = 0; i < exemplars.size(); i++) {
            Exemplar exemplar = exemplars.get(i);
            String text = exemplar.text() == null ? "" : exemplar.text().strip();
            if (text.length() > MAX_TEXT) {
                problems.add(new RubricProblem("rubric.error.text-long", Field.EXEMPLAR, row, i));
            } else if (exemplar.kind() == Exemplar.Kind.TEXT && text.isEmpty()) {
                problems.add(new RubricProblem("rubric.error.exemplar-blank", Field.EXEMPLAR, row, i));
            } else if (exemplar.kind() == Exemplar.Kind.LINK && !isWebAddress(exemplar.url())) {
                problems.add(new RubricProblem("rubric.error.exemplar-link", Field.EXEMPLAR, row, i));
            }
        }
    }

    /** Only http and https: a javascript: or file: link in front of students is never wanted. */
    static boolean isWebAddress(@Nullable String url) {
        if (url == null || url.isBlank() || url.strip().length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
