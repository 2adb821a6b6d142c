package se.lots.progression;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A calendar half-year (1 January–30 June, 1 July–31 December) or a calendar year: the only periods whose figures
 * leave the programme lead's own view. No suppression holds over periods a reader chooses: January–June less
 * January–May is the people of June. {@code half} is 1 or 2, or 0 for the whole year; {@link #code()} is how a URL
 * names it ({@code 2026-H1}, {@code 2026}).
 */
public record FixedPeriod(int year, int half) {

    private static final Pattern CODE = Pattern.compile("(\\d{4})(?:-H([12]))?");

    public FixedPeriod {
        if (half < 0 || half > 2) {
            throw new IllegalArgumentException("half " + half);
        }
    }

    public LocalDate from() {
        return LocalDate.of(year, half == 2 ? 7 : 1, 1);
    }

    public LocalDate to() {
        return LocalDate.of(year, half == 1 ? 6 : 12, half == 1 ? 30 : 31);
    }

    public String code() {
        return half == 0 ? Integer.toString(year) : year + "-H" + half;
    }

    /** The key prefix of its counts in the published set. */
    String key() {
        return half == 0 ? year + "Y" : year + "H" + half;
    }

    public boolean wholeYear() {
        return half == 0;
    }

    /** Published only once it has ended: a period still running is a period the reader chooses, day by day. */
    public boolean endedBy(LocalDate today) {
        return to().isBefore(today);
    }

    public static Optional<FixedPeriod> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        var m = CODE.matcher(code.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new FixedPeriod(Integer.parseInt(m.group(1)), m.group(2) == null ? 0
                : Integer.parseInt(m.group(2))));
    }

    /** The fixed period with exactly these dates, if there is one. */
    public static Optional<FixedPeriod> of(LocalDate from, LocalDate to) {
        if (from == null || to == null || from.getYear() != to.getYear()) {
            return Optional.empty();
        }
        for (int half = 0; half <= 2; half++) {
            var p = new FixedPeriod(from.getYear(), half);
            if (p.from().equals(from) && p.to().equals(to)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The periods ended by {@code today} over the last {@code years} years, newest first (a year before its halves). */
    public static List<FixedPeriod> endedBy(LocalDate today, int years) {
        var periods = new ArrayList<FixedPeriod>();
        for (int y = today.getYear(); y > today.getYear() - years; y--) {
            for (int half : new int[] { 0, 2, 1 }) {
                var p = new FixedPeriod(y, half);
                if (p.endedBy(today)) {
                    periods.add(p);
                }
            }
        }
        return periods;
    }
}
