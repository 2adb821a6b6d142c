package se.lots.shared;

/** The request clashes with what is already saved: a duplicate, or a stale version. */
public class ConflictException extends RuntimeException {

    private final String messageKey;
    private final transient Object existingId;

    public ConflictException(String messageKey, Object existingId) {
        super(messageKey + " " + existingId);
        this.messageKey = messageKey;
        this.existingId = existingId;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object existingId() {
        return existingId;
    }
}
