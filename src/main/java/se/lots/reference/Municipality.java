package se.lots.reference;

public record Municipality(String code, String name, String shortName, String countyCode) {
}
