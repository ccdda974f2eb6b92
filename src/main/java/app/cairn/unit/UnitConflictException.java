package app.cairn.unit;

/**
 * Another teacher saved the unit since this teacher loaded it; nothing was saved. The builder tells
 * the teacher to reload ({@link #MESSAGE_KEY}).
 */
public class UnitConflictException extends RuntimeException {

    public static final String MESSAGE_KEY = "unit.error.conflict";

    UnitConflictException() {
        super("The unit changed since it was loaded");
    }
}
