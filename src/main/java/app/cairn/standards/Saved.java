package app.cairn.standards;

import java.util.List;

/** A saved item and what the teacher should know about it, though the save went through. */
public record Saved(StandardItem item, List<Warning> warnings) {

    public enum Warning {
        /** A graduate profile has at most about six attributes; more dilutes it. */
        MORE_THAN_SIX_GRADUATE_ATTRIBUTES
    }
}
