package se.lots.kaa.figures;

import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Pattern;

import se.lots.shared.InvalidInputException;

/** A half-year as SCB collects the KAA figures: H1 = January–June, H2 = July–December; written "2026H2". */
public record HalfYear(int year, int half) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})H([12])");

    public HalfYear {
        if (half != 1 && half != 2 || year < 2000 || year > 2999) {
            throw new InvalidInputException("half", "kaa.figures.invalidHalf");
        }
    }

    public static HalfYear parse(String text) {
        var m = text == null ? null : FORMAT.matcher(text.strip().toUpperCase(java.util.Locale.ROOT));
        if (m == null || !m.matches()) {
            throw new InvalidInputException("half", "kaa.figures.invalidHalf");
        }
        return new HalfYear(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static HalfYear containing(LocalDate day) {
        return new HalfYear(day.getYear(), day.getMonthValue() <= 6 ? 1 : 2);
    }

    public LocalDate start() {
        return LocalDate.of(year, half == 1 ? Month.JANUARY : Month.JULY, 1);
    }

    public LocalDate end() {
        return half == 1 ? LocalDate.of(year, Month.JUNE, 30) : LocalDate.of(year, Month.DECEMBER, 31);
    }

    public HalfYear previous() {
        return half == 2 ? new HalfYear(year, 1) : new HalfYear(year - 1, 2);
    }

    public HalfYear next() {
        return half == 1 ? new HalfYear(year, 2) : new HalfYear(year + 1, 1);
    }

    @Override
    public String toString() {
        return year + "H" + half;
    }
}
