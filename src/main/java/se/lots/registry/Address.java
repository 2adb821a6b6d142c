package se.lots.registry;

public record Address(String street, String postalCode, String city) {

    // not isEmpty(): a bean getter would be sent as an "empty" property in the API's JSON
    public boolean noneGiven() {
        return blank(street) && blank(postalCode) && blank(city);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
