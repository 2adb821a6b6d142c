package se.lots.shared;

/**
 * The request clashes with what is already saved: a duplicate, or a stale version. {@code current} is what is saved
 * now, when the one who raised it has it, so that the user (or an API client) can compare instead of guessing.
 */
public class ConflictException extends RuntimeException {

    private final String messageKey;
    private final transient Object existingId;
    private final transient Object current;

    public ConflictException(String messageKey, Object existingId) {
        this(messageKey, existingId, null);
    }

    public ConflictException(String messageKey, Object existingId, Object current) {
        super(messageKey + " " + existingId);
        this.messageKey = messageKey;
        this.existingId = existingId;
        this.current = current;
    }

    /** The same conflict, carrying {@code current} as the caller shows it (e.g. as the API's GET returns it). */
    public ConflictException withCurrent(Object current) {
        return new ConflictException(messageKey, existingId, current);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object existingId() {
        return existingId;
    }

    public Object current() {
        return current;
    }
}
