package app.cairn.evidence;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A teacher's score: a level for every criterion of the rubric version they scored on, and feedback.
 *
 * @param baseRevision    the evidence's revision when the teacher opened it (two teachers: the second is told)
 * @param rubricVersionId the rubric version shown to the teacher ({@code rubric.current().id()})
 * @param rubricRevision  the rubric's revision shown to the teacher ({@code rubric.revision()})
 * @param levels          level position (0 is the lowest) by rubric criterion id
 * @param comment         feedback for the student
 */
public record ScoreDraft(int baseRevision, long rubricVersionId, int rubricRevision, Map<Long, Integer> levels,
                         @Nullable String comment) {

    public ScoreDraft {
        levels = Map.copyOf(levels);
    }
}
