package se.lots.reference;

public record County(String code, String name, String shortName) {
}
