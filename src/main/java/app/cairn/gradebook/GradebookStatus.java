package app.cairn.gradebook;

/**
 * Whether the course's LMS offered its gradebook, and how many latest scores are in each state.
 *
 * @param available   false when no launch carried an Assignment and Grade Services endpoint
 * @param canSendScores false when the LMS did not grant the score scope
 */
public record GradebookStatus(boolean available, boolean canSendScores, int pending, int sent, int failed) {
}
