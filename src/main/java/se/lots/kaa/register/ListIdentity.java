package se.lots.kaa.register;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

import se.lots.registry.PersonalIdentityNumber;

/**
 * Who a row of a school's list is: a personnummer or samordningsnummer, or the reserve identity (RES-nnnnnnn) the
 * municipality gave someone without one (newly arrived young people often have neither yet). A reserve identity
 * names a person already in the registry; the list cannot create one. {@code key} is what rows are matched by.
 */
public record ListIdentity(String key, PersonalIdentityNumber pin) {

    private static final Pattern RESERVE = Pattern.compile("(?i)RES-?(\\d{1,7})");

    /** A reserve identity as the registry writes it, or empty when the text is not one. */
    public static Optional<ListIdentity> reserve(String text) {
        var m = RESERVE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        // RES- and seven digits, as the registry writes it (String.format was a tenth of reading a big list)
        String digits = Integer.toString(Integer.parseInt(m.group(1)));
        return Optional.of(new ListIdentity("RES-" + "0".repeat(7 - digits.length()) + digits, null));
    }

    public static ListIdentity of(PersonalIdentityNumber pin) {
        return new ListIdentity(pin.value(), pin);
    }

    /** From a key read back from the registry: 12 digits or RES-nnnnnnn. */
    public static ListIdentity ofKey(String key) {
        return reserve(key).orElseGet(() -> of(new PersonalIdentityNumber(key)));
    }

    public boolean isReserve() {
        return pin == null;
    }

    public String formatted() {
        return pin == null ? key : pin.formatted();
    }

    /** The latest day the person can have been born: from the number, or for a reserve identity the registry's. */
    public LocalDate latestPossibleBirthDate(LocalDate registryBirthDate, int registryBirthYear) {
        if (pin != null) {
            return pin.latestPossibleBirthDate();
        }
        return registryBirthDate != null ? registryBirthDate : LocalDate.of(registryBirthYear, 12, 31);
    }
}
