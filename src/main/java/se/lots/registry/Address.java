package se.lots.registry;

public record Address(String street, String postalCode, String city) {

    public boolean isEmpty() {
        return blank(street) && blank(postalCode) && blank(city);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
