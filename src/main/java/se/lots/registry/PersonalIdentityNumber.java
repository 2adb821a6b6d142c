package se.lots.registry;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.lots.registry.InvalidPersonalIdentityNumberException.Reason;

public record PersonalIdentityNumber(String value) {

    private static final Pattern NORMALISED = Pattern.compile("[0-9]{12}");
    private static final Pattern INPUT = Pattern.compile("([0-9]{2})?([0-9]{6})([-+]?)([0-9]{4})");
    // Skatteverket SKV 707: a samordningsnummer is the birth day plus 60.
    private static final int COORDINATION_DAY_OFFSET = 60;

    public PersonalIdentityNumber {
        if (value == null || !NORMALISED.matcher(value).matches()) {
            throw new InvalidPersonalIdentityNumberException(Reason.FORMAT);
        }
        if (!hasValidDate(value)) {
            throw new InvalidPersonalIdentityNumberException(Reason.DATE);
        }
        if (!hasValidChecksum(value)) {
            throw new InvalidPersonalIdentityNumberException(Reason.CHECKSUM);
        }
    }

    public static PersonalIdentityNumber parse(String input, LocalDate today) {
        Objects.requireNonNull(today, "today");
        Matcher matcher = input == null ? null : INPUT.matcher(input.strip());
        if (matcher == null || !matcher.matches()) {
            throw new InvalidPersonalIdentityNumberException(Reason.FORMAT);
        }
        String century = matcher.group(1);
        String yymmdd = matcher.group(2);
        boolean plus = "+".equals(matcher.group(3));
        String lastFour = matcher.group(4);

        int year = century != null
                ? Integer.parseInt(century + yymmdd.substring(0, 2))
                : inferYear(yymmdd, plus, today);
        PersonalIdentityNumber pin = new PersonalIdentityNumber(
                String.format(Locale.ROOT, "%04d", year) + yymmdd.substring(2) + lastFour);
        // The future check needs a "today", so it belongs to parsing rather than to the value itself.
        if (pin.earliestPossibleBirthDate().isAfter(today)) {
            throw new InvalidPersonalIdentityNumberException(Reason.FUTURE);
        }
        return pin;
    }

    public static boolean looksLikeOne(String input) {
        return input != null && INPUT.matcher(input.strip()).matches();
    }

    public boolean isCoordinationNumber() {
        return rawDay(value) >= COORDINATION_DAY_OFFSET;
    }

    // Skatteverket's test samordningsnummer use 00 for an unknown month or day (day 60), so the date can be partial.
    public boolean hasCompleteBirthDate() {
        return month(value) != 0 && day(value) != 0;
    }

    public int birthYear() {
        return Integer.parseInt(value.substring(0, 4));
    }

    public LocalDate birthDate() {
        if (!hasCompleteBirthDate()) {
            throw new IllegalStateException("The birth date of this samordningsnummer is not fully known");
        }
        return LocalDate.of(birthYear(), month(value), day(value));
    }

    public int ageOn(LocalDate date) {
        LocalDate birthDate = birthDate();
        if (date.isBefore(birthDate)) {
            throw new IllegalArgumentException("The date is before the birth date");
        }
        return Period.between(birthDate, date).getYears();
    }

    // Skatteverket SKV 704: the birth number's last digit is odd for men and even for women.
    public LegalGender legalGender() {
        return (value.charAt(10) - '0') % 2 == 1 ? LegalGender.MALE : LegalGender.FEMALE;
    }

    public String formatted() {
        return value.substring(0, 8) + "-" + value.substring(8);
    }

    @Override
    public String toString() {
        return formatted();
    }

    /** The birth date, or for a samordningsnummer with month or day 00 the last day it can be. */
    public LocalDate latestPossibleBirthDate() {
        int year = birthYear();
        int month = month(value) == 0 ? 12 : month(value);
        int day = day(value) == 0 ? YearMonth.of(year, month).lengthOfMonth() : day(value);
        return LocalDate.of(year, month, day);
    }

    private LocalDate earliestPossibleBirthDate() {
        return LocalDate.of(birthYear(), Math.max(month(value), 1), Math.max(day(value), 1));
    }

    private static int inferYear(String yymmdd, boolean plus, LocalDate today) {
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        // Folkbokföringslagen 18 §: '-' becomes '+' in the year the person turns 100.
        int latestYear = plus ? today.getYear() - 100 : today.getYear();
        int year = latestYear - Math.floorMod(latestYear - yy, 100);
        if (!plus && year == today.getYear()) {
            int monthDay = Math.max(Integer.parseInt(yymmdd.substring(2, 4)), 1) * 100
                    + Math.max(Integer.parseInt(yymmdd.substring(4, 6)) % COORDINATION_DAY_OFFSET, 1);
            if (monthDay > today.getMonthValue() * 100 + today.getDayOfMonth()) {
                year -= 100;
            }
        }
        return year;
    }

    private static boolean hasValidDate(String value) {
        int rawDay = rawDay(value);
        boolean coordination = rawDay >= COORDINATION_DAY_OFFSET;
        int month = month(value);
        int day = coordination ? rawDay - COORDINATION_DAY_OFFSET : rawDay;
        if (month > 12 || day > 31) {
            return false;
        }
        if (month == 0 || day == 0) {
            return coordination;
        }
        return day <= YearMonth.of(Integer.parseInt(value.substring(0, 4)), month).lengthOfMonth();
    }

    // Skatteverket SKV 704: Luhn over YYMMDDNNN with weights 2,1,2,1,... gives the check digit.
    private static boolean hasValidChecksum(String value) {
        int sum = 0;
        for (int i = 2; i < 11; i++) {
            int product = (value.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10 == value.charAt(11) - '0';
    }

    private static int month(String value) {
        return Integer.parseInt(value.substring(4, 6));
    }

    private static int rawDay(String value) {
        return Integer.parseInt(value.substring(6, 8));
    }

    private static int day(String value) {
        return rawDay(value) % COORDINATION_DAY_OFFSET;
    }
}
