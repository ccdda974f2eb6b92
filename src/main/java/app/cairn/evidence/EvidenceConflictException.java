package app.cairn.evidence;

/**
 * Nothing was saved because what the person was looking at is out of date: someone else changed the
 * evidence (another teacher scored it, or the student changed it in another window), or the rubric
 * changed since the teacher opened it. The view shows {@link #messageKey()} and reloads.
 */
public class EvidenceConflictException extends RuntimeException {

    /** Someone else scored or changed this evidence since it was opened. */
    public static final String CHANGED = "evidence.error.conflict";
    /** The rubric changed since the teacher opened the evidence (a new version, or edited). */
    public static final String RUBRIC_OUTDATED = "evidence.error.rubric-outdated";

    private final String messageKey;

    EvidenceConflictException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
