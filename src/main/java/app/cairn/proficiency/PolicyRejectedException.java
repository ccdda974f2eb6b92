package app.cairn.proficiency;

import java.util.List;

/** A proficiency policy broke one or more rules; nothing was saved. */
public class PolicyRejectedException extends RuntimeException {

    private final List<String> messageKeys;

    PolicyRejectedException(List<String> messageKeys) {
        super("Proficiency policy refused: " + messageKeys);
        this.messageKeys = List.copyOf(messageKeys);
    }

    /** i18n keys of every problem found, so the view can show them all at once. */
    public List<String> messageKeys() {
        return messageKeys;
    }
}
