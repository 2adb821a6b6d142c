package se.lots.shared;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one rule for text that reaches Lots from outside: stored in Unicode NFC with LF line breaks, and without
 * control or invisible formatting characters. A NUL cannot be stored by PostgreSQL (it answered with a 500), and a
 * right-to-left override or a zero-width space lets a displayed name look like another's. Tabs and line breaks are
 * kept, since notes and goals are written on several lines.
 */
public final class TextInput {

    public static final String MESSAGE_KEY = "validation.unsafeText";

    private TextInput() {
    }

    /** NFC, and CR LF or a lone CR as LF; null stays null. */
    public static String normalise(String value) {
        if (value == null) {
            return null;
        }
        String lines = value.indexOf('\r') < 0 ? value : value.replace("\r\n", "\n").replace('\r', '\n');
        return Normalizer.isNormalized(lines, Normalizer.Form.NFC) ? lines
                : Normalizer.normalize(lines, Normalizer.Form.NFC);
    }

    /** The first character that may not be stored, or -1 when there is none. */
    public static int firstRefused(String value) {
        if (value == null) {
            return -1;
        }
        return value.codePoints().filter(TextInput::refused).findFirst().orElse(-1);
    }

    /** The error for {@code field} when its value holds a refused character, as every edge reports it. */
    public static FieldError error(String field, int codePoint) {
        return new FieldError(field, MESSAGE_KEY, field, name(codePoint));
    }

    /** "U+202E", as a user can look it up. */
    public static String name(int codePoint) {
        return "U+" + String.format(Locale.ROOT, "%04X", codePoint);
    }

    private static boolean refused(int c) {
        if (c == '\n' || c == '\t') {
            return false;
        }
        return switch (Character.getType(c)) {
            // C0 and C1 controls (NUL, BEL, ESC …); bidi overrides and isolates, zero-width space, joiner and
            // non-joiner, word joiner, BOM, soft hyphen; line and paragraph separators; a lone UTF-16 half
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                Character.SURROGATE -> true;
            default -> false;
        };
    }
}
