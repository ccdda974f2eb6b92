package app.cairn.proficiency;

/**
 * The course's proficiency policy or scale changed, so every stored proficiency of the course must
 * be calculated again. Published inside the saving transaction; listeners run in it too, so the new
 * policy and the proficiencies it gives are committed together, or neither is.
 */
public record ProficiencyPolicyChanged(long courseId) {
}
