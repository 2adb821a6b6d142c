package se.lots.browser;

import java.util.concurrent.atomic.AtomicInteger;

import se.lots.TestNumbers;

/**
 * What a test types into the registration form: a personnummer from Skatteverket's test list and a surname no other
 * test (nor the demo data) uses, so that a search by name finds exactly this person.
 */
record Registration(String personalIdentityNumber, String firstName, String lastName, String street,
        String postalCode, String city, boolean protectedIdentity) {

    private static final AtomicInteger SURNAMES = new AtomicInteger();

    static Registration aRegistration() {
        return new Registration(TestNumbers.next(), "Selma", uniqueSurname(), "Prästkragevägen 14", "268 77",
                "Röstånga", false);
    }

    Registration withPersonalIdentityNumber(String pin) {
        return new Registration(pin, firstName, lastName, street, postalCode, city, protectedIdentity);
    }

    Registration withProtectedIdentity() {
        return new Registration(personalIdentityNumber, firstName, lastName, street, postalCode, city, true);
    }

    /** The personnummer as Lots shows it: ÅÅÅÅMMDD-NNNN. */
    String formattedPersonalIdentityNumber() {
        return personalIdentityNumber.substring(0, 8) + "-" + personalIdentityNumber.substring(8);
    }

    /** The short form people also type: ÅÅMMDD-NNNN. */
    String tenDigitPersonalIdentityNumber() {
        return personalIdentityNumber.substring(2, 8) + "-" + personalIdentityNumber.substring(8);
    }

    String fullName() {
        return firstName + " " + lastName;
    }

    // "Vikqa", "Vikqb", …: letters only, and all the same length, so that no surname contains another
    private static String uniqueSurname() {
        int n = SURNAMES.getAndIncrement();
        var suffix = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            suffix.insert(0, (char) ('a' + n % 26));
            n /= 26;
        }
        return "Vikstr" + suffix;
    }
}
