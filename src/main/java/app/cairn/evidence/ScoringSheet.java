package app.cairn.evidence;

import org.jspecify.annotations.Nullable;

import app.cairn.rubric.Rubric;

/**
 * What a teacher needs to answer one piece of evidence: the evidence and, for summative evidence,
 * the rubric as it is now (its current version and revision go back in the {@link ScoreDraft}).
 */
public record ScoringSheet(EvidenceView evidence, @Nullable Rubric rubric) {
}
