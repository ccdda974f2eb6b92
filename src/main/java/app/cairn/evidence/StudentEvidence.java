package app.cairn.evidence;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A student's body of evidence in the teacher's course: everything handed in, newest first, each
 * with the score that counts and the teacher's latest words.
 *
 * @param studentName as the LMS shared it, if it did
 */
public record StudentEvidence(long studentPersonId, @Nullable String studentName, List<Item> items) {

    public StudentEvidence {
        items = List.copyOf(items);
    }

    /**
     * One piece of evidence.
     *
     * @param score    the score that counts (summative, scored), with its level per criterion
     * @param lastWord the latest feedback, score comment or reason for a return
     */
    public record Item(EvidenceSummary evidence, @Nullable HistoryEntry score, @Nullable HistoryEntry lastWord) {
    }
}
