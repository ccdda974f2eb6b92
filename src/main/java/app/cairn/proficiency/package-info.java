/**
 * Proficiency scales: the ordered levels (points, label, description, colour, one mastery level)
 * that evidence is scored on. {@link app.cairn.proficiency.ProficiencyScales} is the way in.
 */
@NullMarked
package app.cairn.proficiency;

import org.jspecify.annotations.NullMarked;
