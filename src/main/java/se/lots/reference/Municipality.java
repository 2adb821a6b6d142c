package se.lots.reference;

public record Municipality(MunicipalityCode code, String name, String shortName, String countyCode) {
}
