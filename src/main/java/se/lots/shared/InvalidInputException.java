package se.lots.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/** Input that cannot be saved; every wrong field is named, so the user can mend all at once. */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("invalid input: " + errors.stream().map(FieldError::field).toList());
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String messageKey, Object... arguments) {
        this(List.of(new FieldError(field, messageKey, arguments)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Field name to message in the user's language, for forms that mark each wrong field. */
    public Map<String, String> texts(MessageSource messages, Locale locale) {
        var texts = new LinkedHashMap<String, String>();
        errors.forEach(e -> texts.putIfAbsent(e.field(), messages.getMessage(e.messageKey(), e.arguments(), locale)));
        return texts;
    }
}
