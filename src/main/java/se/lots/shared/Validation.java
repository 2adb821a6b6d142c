package se.lots.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

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

    /** A constant of {@code type} by its name, any case; null (and an error if required) when blank or unknown. */
    public <E extends Enum<E>> E enumValue(String field, String value, Class<E> type, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                reject(field, "validation.required");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            reject(field, "validation.invalidValue");
            return null;
        }
    }

    /** An ISO date (ÅÅÅÅ-MM-DD); null (and an error if required) when blank; after {@code notAfter} is an error. */
    public LocalDate date(String field, String value, boolean required, LocalDate notAfter) {
        if (value == null || value.isBlank()) {
            if (required) {
                reject(field, "validation.required");
            }
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value.strip());
            if (notAfter != null && d.isAfter(notAfter)) {
                reject(field, "validation.dateInFuture");
            }
            return d;
        } catch (DateTimeParseException e) {
            reject(field, "validation.date");
            return null;
        }
    }

    /** The value {@code parse} makes of the text, or null and the value type's own error when it refuses it. */
    public <T> T value(String field, String text, Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (InvalidValueException e) {
            reject(field, e.messageKey(), e.arguments());
            return null;
        }
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
