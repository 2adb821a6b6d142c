package se.lots.privacy;

import java.time.LocalDate;

/**
 * A retention rule (gallringsregel) of one register ({@link PersonalDataHolder#register()}) and kind of record: the
 * records are kept for {@code keepMonths} months after {@code countedFrom}, under {@code legalBasis} (the provision or
 * the organisation's gallringsbeslut, never empty), and {@code archiveFirst} says whether an archive package must be
 * made before they are removed. An organisation's own rule replaces Lots' default for the same register and kind.
 */
public record RetentionRule(String register, String recordKind, int keepMonths, RetentionEvent countedFrom,
        String legalBasis, boolean archiveFirst) {

    public RetentionRule {
        if (register == null || recordKind == null || countedFrom == null || keepMonths < 0) {
            throw new IllegalArgumentException("a retention rule names its register, record kind and event");
        }
        if (legalBasis == null || legalBasis.isBlank()) {
            throw new IllegalArgumentException("a retention rule without legal basis");
        }
    }

    /**
     * The first day of the period still kept: a record whose event fell before this day is due on {@code today}
     * (kept through the day its time ends, due the day after).
     */
    public LocalDate keptFrom(LocalDate today) {
        return today.minusMonths(keepMonths);
    }
}
