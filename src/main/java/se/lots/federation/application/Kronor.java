package se.lots.federation.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import se.lots.shared.Validation;

/** An amount in kronor as people type it: "50 000", "50000", "12 500,50"; at most two decimals, more than zero. */
public final class Kronor {

    private static final BigDecimal MAX = new BigDecimal("999999999999.99");

    private Kronor() {
    }

    /** The amount, or null (and an error naming {@code field}) when it is blank and required, or no amount. */
    public static BigDecimal parse(Validation v, String field, String text, boolean required, boolean zeroAllowed) {
        if (text == null || text.isBlank()) {
            if (required) {
                v.reject(field, "validation.required");
            }
            return null;
        }
        String plain = text.strip().replace('\u00a0', ' ').replace(" ", "").replace(",", ".");
        if (plain.endsWith("kr")) {
            plain = plain.substring(0, plain.length() - 2);
        }
        try {
            BigDecimal amount = new BigDecimal(plain);
            if (amount.scale() > 2 || amount.compareTo(MAX) > 0 || amount.signum() < 0
                    || (!zeroAllowed && amount.signum() == 0)) {
                v.reject(field, "federation.application.amount");
                return null;
            }
            return amount.setScale(2);
        } catch (NumberFormatException e) {
            v.reject(field, "federation.application.amount");
            return null;
        }
    }

    /**
     * A budget or grant year: required, four digits, inside the period {@code from}–{@code to} (when both are known),
     * not in {@code seen} already (it is added); null and an error naming {@code field} otherwise.
     */
    public static Integer year(Validation v, String field, String text, LocalDate from, LocalDate to,
            Set<Integer> seen) {
        if (text == null || text.isBlank()) {
            v.reject(field, "validation.required");
            return null;
        }
        int year;
        try {
            year = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            v.reject(field, "federation.application.yearInvalid");
            return null;
        }
        if (from != null && to != null && (year < from.getYear() || year > to.getYear())) {
            v.reject(field, "federation.application.yearOutsidePeriod", year, from.getYear(), to.getYear());
            return null;
        }
        if (!seen.add(year)) {
            v.reject(field, "federation.application.yearTwice", year);
            return null;
        }
        return year;
    }
}
