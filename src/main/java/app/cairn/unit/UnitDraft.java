package app.cairn.unit;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A whole unit as the builder sends it. Elements that already exist carry their id, so students'
 * choices, proposals and progress stay attached to them; elements left out are removed.
 *
 * @param baseRevision the revision the teacher started from
 */
public record UnitDraft(String title, @Nullable String description, Pacing pacing, Continuum continuum,
                        int baseRevision, List<TargetDraft> targets) {

    public record TargetDraft(@Nullable Long id, long indicatorId, @Nullable LocalDate suggestedDate,
                              List<AssessmentDraft> assessments) {
    }

    public record AssessmentDraft(@Nullable Long id, String title, AssessmentKind kind, @Nullable Long rubricId,
                                  ChoiceRule choiceRule, List<OptionDraft> options) {
    }

    public record OptionDraft(@Nullable Long id, String title, @Nullable String description, Modality modality,
                              List<String> links, @Nullable Integer estimatedMinutes, @Nullable String mentorOrSite) {
    }
}
