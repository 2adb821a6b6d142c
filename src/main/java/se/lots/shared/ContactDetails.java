package se.lots.shared;

import java.util.regex.Pattern;

/**
 * What Lots accepts as a phone number or an e-mail address, wherever one is entered: a young person's and a
 * guardian's, a staff member's, a letter's sender, an intervention's contact, a reminder's channel. Loose on
 * purpose — a person types "070-123 45 67" or "+46 70 123 45 67" — and strict only where a typing mistake is sure
 * (no digits, no @). One rule, so that a number accepted on one page is not refused on the next.
 */
public final class ContactDetails {

    private static final Pattern PHONE = Pattern.compile("[0-9 +()\\-]{5,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private ContactDetails() {
    }

    /** 5–20 characters of digits, spaces, +, parentheses and hyphens. */
    public static boolean isPhoneNumber(String value) {
        return value != null && PHONE.matcher(value).matches();
    }

    /** Something@something.something, without spaces. */
    public static boolean isEmailAddress(String value) {
        return value != null && EMAIL.matcher(value).matches();
    }
}
