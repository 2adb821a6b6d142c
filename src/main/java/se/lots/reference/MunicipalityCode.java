package se.lots.reference;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import se.lots.shared.InvalidValueException;

/**
 * SCB's kommunkod: four digits, the county's two and then the municipality's ({@code 1214}, Svalöv in Skåne län
 * 12). Whether a well-formed code is one of today's 290 municipalities is {@link ReferenceData}'s to say. JSON, forms
 * and pages show the bare code.
 */
public record MunicipalityCode(@JsonValue String value) {

    private static final Pattern FOUR_DIGITS = Pattern.compile("[0-9]{4}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public MunicipalityCode {
        if (value == null || !FOUR_DIGITS.matcher(value).matches()) {
            throw new InvalidValueException("municipalityCode.invalid", value == null ? "" : value);
        }
    }

    /** The code a user typed, without the spaces around it; null when nothing was typed. */
    public static MunicipalityCode parse(String text) {
        return text == null || text.isBlank() ? null : new MunicipalityCode(text.strip());
    }

    /** The code in a nullable column or field, or null. */
    public static MunicipalityCode ofNullable(String value) {
        return value == null ? null : new MunicipalityCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
