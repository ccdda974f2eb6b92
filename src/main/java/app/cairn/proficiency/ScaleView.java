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

    /** Tolerance for comparing a calculated proficiency with a level's points. */
    private static final double EPSILON = 1e-9;

    /**
     * The level a proficiency reaches: the highest level whose points it meets (3.48 on 1–4 reaches
     * 3, not 4: a level is reached, never rounded up to), or the lowest level below that.
     */
    public LevelView levelFor(double proficiency) {
        LevelView reached = levels.getFirst();
        for (LevelView level : levels) {
            if (level.points().doubleValue() <= proficiency + EPSILON) {
                reached = level;
            }
        }
        return reached;
    }

    /** The mastery level (a saved scale has exactly one). */
    public LevelView masteryLevel() {
        return levels.stream().filter(LevelView::mastery).findFirst().orElse(levels.getLast());
    }

    public double masteryPoints() {
        return masteryLevel().points().doubleValue();
    }

    /** Whether a proficiency is at or above the mastery level. */
    public boolean reachesMastery(double proficiency) {
        return proficiency + EPSILON >= masteryPoints();
    }

    /** The points of the level just below mastery (just under mastery when it is the lowest level). */
    public double belowMasteryPoints() {
        int mastery = levels.indexOf(masteryLevel());
        return mastery > 0 ? levels.get(mastery - 1).points().doubleValue() : Math.nextDown(masteryPoints());
    }

    /** The top level, whose points a linear grade mapping divides by. */
    public LevelView topLevel() {
        return levels.getLast();
    }

    /** A draft of this scale, ready to edit and save as the course's own. */
    public ScaleDraft toDraft() {
        return new ScaleDraft(name, courseOwn ? revision : null, levels.stream().map(LevelView::toDraft).toList());
    }
}
