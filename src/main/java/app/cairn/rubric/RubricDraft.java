package app.cairn.rubric;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the builder sends to {@link Rubrics#save}: the whole rubric, replacing what was there.
 *
 * @param baseRevision the {@link Rubric#revision()} the teacher started from, so a concurrent save is noticed
 * @param exemplars    exemplars about the rubric as a whole
 */
public record RubricDraft(String title, int baseRevision, List<Criterion> criteria, List<Exemplar> exemplars) {

    public RubricDraft {
        criteria = List.copyOf(criteria);
        exemplars = List.copyOf(exemplars);
    }

    /**
     * One row of the rubric.
     *
     * @param indicatorId the performance indicator (a standards item) the criterion scores
     * @param descriptors one per level of the rubric's version, lowest level first
     */
    public record Criterion(String title, @Nullable Long indicatorId, @Nullable String description,
                            List<String> descriptors, List<Exemplar> exemplars) {

        public Criterion {
            descriptors = List.copyOf(descriptors);
            exemplars = List.copyOf(exemplars);
        }
    }
}
