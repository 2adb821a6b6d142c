package se.lots.shared.imports;

import java.util.Locale;

import org.springframework.context.MessageSource;

/** The texts an import shows, in the user's language. */
public record Texts(MessageSource messages, Locale locale) {

    public String get(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
