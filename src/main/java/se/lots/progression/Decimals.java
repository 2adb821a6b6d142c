package se.lots.progression;

import java.math.BigDecimal;

/** Numbers as Swedish users type them: 2,5 as well as 2.5. */
final class Decimals {

    private Decimals() {
    }

    /** Null when blank; NumberFormatException when not a number. */
    static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return new BigDecimal(text.strip().replace(',', '.').replace(" ", "")).stripTrailingZeros();
    }

    static String format(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
