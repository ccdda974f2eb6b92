package app.cairn.privacy;

/** A privacy request Cairn will not carry out; the message key says why and what to do. */
public class PrivacyRefusal extends RuntimeException {

    private final String messageKey;

    PrivacyRefusal(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
