package app.cairn.rubric;

/**
 * Another teacher saved the rubric since this teacher loaded it; nothing was saved. The builder
 * tells the teacher to reload ({@link #MESSAGE_KEY}).
 */
public class RubricConflictException extends RuntimeException {

    public static final String MESSAGE_KEY = "rubric.error.conflict";

    RubricConflictException() {
        super("The rubric changed since it was loaded");
    }
}
