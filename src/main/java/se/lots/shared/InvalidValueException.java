package se.lots.shared;

/**
 * A value type refused what it was given (a municipality code of three digits); {@code messageKey} names the
 * Swedish/English text, so that a service can name the wrong field and the API answers a body's wrong value as a
 * wrong field too.
 */
public class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final transient Object[] arguments;

    public InvalidValueException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
