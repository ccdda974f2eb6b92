package app.cairn.proficiency;

/**
 * Someone else changed the course's scale since this teacher loaded it; nothing was saved.
 * The editor tells the teacher to reload ({@link #MESSAGE_KEY}).
 */
public class ScaleConflictException extends RuntimeException {

    public static final String MESSAGE_KEY = "scale.error.conflict";

    ScaleConflictException() {
        super("The course's scale changed since it was loaded");
    }
}
