package app.cairn.proficiency;

/** One line of a course's visible level-to-gradebook conversion: this level sends these points. */
public record GradeRow(LevelView level, double gradePoints, double gradeMaximum) {
}
