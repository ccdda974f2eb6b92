package app.cairn.rubric;

import java.util.List;

/**
 * What scoring needs of a rubric's current version, and no more: its criteria with their
 * indicators, and its levels (lowest first). Descriptors and exemplars are for the teacher's eyes,
 * and the scoring page has them already.
 */
public record ScoringRubric(long versionId, List<Criterion> criteria, List<RubricVersion.Level> levels) {

    public ScoringRubric {
        criteria = List.copyOf(criteria);
        levels = List.copyOf(levels);
    }

    /** A row of the rubric: scored at one level, counted for its indicator. */
    public record Criterion(long id, String title, long indicatorId) {
    }
}
