/**
 * Evidence of learning and proficiency: students hand in evidence (text, links, files) for an
 * assessment they chose or proposed ({@link app.cairn.evidence.BodyOfEvidence}); teachers give
 * feedback, score it on the assessment's rubric or return it ({@link app.cairn.evidence.Scoring});
 * each score updates the student's stored proficiency per indicator, standard and unit, opens the
 * unit's gate and queues the unit's grade for the LMS; {@link app.cairn.evidence.Mastery} reads it
 * back (grids, "why this score", a standard across courses).
 */
@NullMarked
package app.cairn.evidence;

import org.jspecify.annotations.NullMarked;
