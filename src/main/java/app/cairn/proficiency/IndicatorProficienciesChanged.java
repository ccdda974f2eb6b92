package app.cairn.proficiency;

import java.util.List;

/**
 * Students' proficiencies on performance indicators in a course changed, all by one teacher's
 * action: one score (a change or two), or a policy change (the whole class at once, which is why
 * they travel together rather than as one event each). Published by the evidence feature inside the
 * transaction that saved them; the unit feature listens in the same transaction and opens the
 * mastery gate of the course's targets on each indicator where mastery was reached.
 */
public record IndicatorProficienciesChanged(long courseId, long byPersonId, List<IndicatorProficiencyChanged> changes) {

    public IndicatorProficienciesChanged {
        changes = List.copyOf(changes);
    }
}
