package app.cairn.proficiency;

import java.util.List;

/**
 * A saved proficiency scale as a course sees it.
 *
 * @param courseOwn {@code true} when the course has its own scale, {@code false} when this is the
 *                  platform default
 * @param revision  the revision to hand back in a {@link ScaleDraft}, so a concurrent save is noticed
 * @param levels    lowest level first
 */
public record ScaleView(long id, String name, boolean courseOwn, int revision, List<LevelView> levels) {

    public ScaleView {
        levels = List.copyOf(levels);
    }

    /** A draft of this scale, ready to edit and save as the course's own. */
    public ScaleDraft toDraft() {
        return new ScaleDraft(name, courseOwn ? revision : null, levels.stream().map(LevelView::toDraft).toList());
    }
}
