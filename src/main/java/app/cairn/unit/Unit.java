package app.cairn.unit;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A unit as the viewer may see it.
 *
 * @param revision hand it back in a {@link UnitDraft}, so a concurrent save is noticed
 */
public record Unit(long id, String title, @Nullable String description, Pacing pacing, Continuum continuum,
                   UnitStatus status, int revision, List<Target> targets) {

    /** A learning target: a performance indicator of the standards library, with its learning objectives. */
    public record Target(long id, int position, long indicatorId, @Nullable String indicatorCode,
                         String indicatorStatement, List<String> objectives, @Nullable LocalDate suggestedDate,
                         List<Assessment> assessments) {

        /** "CODE statement", or the statement alone. */
        public String label() {
            return indicatorCode == null ? indicatorStatement : indicatorCode + " " + indicatorStatement;
        }
    }

    /** An assessment of a target, with its menu of learning options. */
    public record Assessment(long id, String title, AssessmentKind kind, @Nullable Long rubricId, ChoiceRule choiceRule,
                             List<LearningOption> options) {
    }

    /** One way to show the learning. {@code mentorOrSite} is set for WORK_BASED options. */
    public record LearningOption(long id, String title, @Nullable String description, Modality modality,
                                 List<String> links, @Nullable Integer estimatedMinutes, @Nullable String mentorOrSite) {
    }


    /** This unit's content as a draft, ready to edit. */
    public UnitDraft toDraft() {
        return new UnitDraft(title, description, pacing, continuum, revision, targets.stream()
                .map(t -> new UnitDraft.TargetDraft(t.id(), t.indicatorId(), t.suggestedDate(), t.assessments().stream()
                        .map(a -> new UnitDraft.AssessmentDraft(a.id(), a.title(), a.kind(), a.rubricId(), a.choiceRule(),
                                a.options().stream().map(o -> new UnitDraft.OptionDraft(o.id(), o.title(), o.description(),
                                        o.modality(), o.links(), o.estimatedMinutes(), o.mentorOrSite())).toList()))
                        .toList()))
                .toList());
    }
}
