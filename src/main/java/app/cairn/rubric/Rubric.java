package app.cairn.rubric;

/**
 * A rubric as the viewer may see it, with its current (latest) version.
 *
 * @param shared   shared with every course of the platform; read-only from any course
 * @param editable the viewer is a teacher of the course that owns it
 * @param revision hand it back in a {@link RubricDraft}, so a concurrent save is noticed
 */
public record Rubric(long id, String title, boolean shared, boolean editable, boolean archived, int revision,
                     RubricVersion current) {

    /** This rubric's current content as a draft, ready to edit. */
    public RubricDraft toDraft() {
        return new RubricDraft(title, revision, current.criteria().stream()
                .map(c -> new RubricDraft.Criterion(c.title(), c.indicatorId(), c.description(), c.descriptors(),
                        c.exemplars()))
                .toList(), current.exemplars());
    }
}
