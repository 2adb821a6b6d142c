package se.lots.shared;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors while a command is checked, then throws them all at once. */
public final class Validation {

    private final List<FieldError> errors = new ArrayList<>();

    public Validation reject(String field, String messageKey, Object... arguments) {
        errors.add(new FieldError(field, messageKey, arguments));
        return this;
    }

    public Validation require(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            reject(field, "validation.required");
        }
        return this;
    }

    public Validation maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            reject(field, "validation.tooLong", max);
        }
        return this;
    }

    public boolean hasErrors(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
