package se.lots.federation.money;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

import se.lots.shared.Validation;

/**
 * Amounts in kronor as people type them: "12 500", "12500,50", "12 500.5" (spaces as thousands separators, comma or
 * point before the öre); at most two decimals, never negative, at most what numeric(14,2) holds.
 */
final class Amounts {

    static final BigDecimal MAX = new BigDecimal("999999999999.99");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+([.,][0-9]+)?");

    private Amounts() {
    }

    /** A parsed amount, or the message key (and arguments) of what is wrong with the text. */
    record Parsed(BigDecimal amount, String errorKey, Object... arguments) {
    }

    /** The amount, or null after an error on {@code field} (or when empty and not required). */
    static BigDecimal parse(Validation v, String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                v.reject(field, "validation.required");
            }
            return null;
        }
        Parsed p = parse(text);
        if (p.errorKey() != null) {
            v.reject(field, p.errorKey(), p.arguments());
        }
        return p.amount();
    }

    /** A non-blank text as an amount. */
    static Parsed parse(String text) {
        String s = text.strip().replaceAll("[\\s\\u00a0\\u202f]", "");
        if (s.toLowerCase(Locale.ROOT).endsWith("kr")) {
            s = s.substring(0, s.length() - 2);
        }
        if (!NUMBER.matcher(s).matches()) {
            return new Parsed(null, "federation.money.amount.notNumber", text.strip());
        }
        BigDecimal amount = new BigDecimal(s.replace(',', '.'));
        if (amount.signum() < 0) {
            return new Parsed(null, "federation.money.amount.negative");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return new Parsed(null, "federation.money.amount.ore");
        }
        if (amount.compareTo(MAX) > 0) {
            return new Parsed(null, "federation.money.amount.tooLarge");
        }
        return new Parsed(amount.setScale(2), null);
    }

    /** "12 500,50 kr" as a message shows an amount (Swedish grouping, öre only when there are any). */
    static String format(BigDecimal amount) {
        var symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("sv"));
        symbols.setGroupingSeparator(' ');
        symbols.setDecimalSeparator(',');
        var format = new DecimalFormat(amount.stripTrailingZeros().scale() > 0 ? "#,##0.00" : "#,##0", symbols);
        return format.format(amount) + " kr";
    }
}
