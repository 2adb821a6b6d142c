package se.lots.reference;

/** A postal code's area: the postort (locality) and the municipality it lies in. */
public record PostalArea(String postalCode, String locality, MunicipalityCode municipalityCode,
        String municipalityName) {
}
