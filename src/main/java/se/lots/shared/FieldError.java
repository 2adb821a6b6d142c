package se.lots.shared;

/** A field whose value is wrong; {@code messageKey} names the Swedish/English text in the message bundles. */
public record FieldError(String field, String messageKey, Object... arguments) {
}
