package app.cairn.proficiency;

/**
 * Another teacher saved the course's proficiency policy since this teacher loaded it; nothing was
 * saved. The view tells the teacher to reload ({@link #MESSAGE_KEY}).
 */
public class PolicyConflictException extends RuntimeException {

    public static final String MESSAGE_KEY = "proficiency.policy.error.conflict";

    PolicyConflictException() {
        super("The course's proficiency policy changed since it was loaded");
    }
}
