package se.lots.progression.instrument;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Numbers as users type them: 2,5 as well as 2.5; written back with the decimal sign of the page's language. */
public final class Decimals {

    private Decimals() {
    }

    /** Null when blank; NumberFormatException when not a number. */
    public static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return new BigDecimal(text.strip().replace(',', '.').replace(" ", "")).stripTrailingZeros();
    }

    /** Without grouping, so that the text read back by {@link #parse} in a form is the same number. */
    public static String format(BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        char separator = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        return value.stripTrailingZeros().toPlainString().replace('.', separator);
    }
}
