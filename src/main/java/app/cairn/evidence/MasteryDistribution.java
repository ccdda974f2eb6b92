package app.cairn.evidence;

import java.util.List;

import app.cairn.proficiency.LevelView;

/**
 * How a class spreads over the levels of a unit's proficiency.
 *
 * @param levels   every level of the course's scale, lowest first, with how many students reach it
 * @param notYet   students without a unit proficiency yet
 * @param students the class's current students
 */
public record MasteryDistribution(List<LevelCount> levels, int notYet, int students) {

    public MasteryDistribution {
        levels = List.copyOf(levels);
    }

    /** A level and the students whose unit proficiency is at it. */
    public record LevelCount(LevelView level, int students) {
    }
}
