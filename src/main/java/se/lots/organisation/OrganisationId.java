package se.lots.organisation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import se.lots.shared.InvalidValueException;

/**
 * An organisation, as every module names it: the id of its row in {@code organisation}. JSON, forms and pages show
 * the bare number; a repository passes {@link #value()} to its SQL and the JdbcClient maps a column back to it.
 */
public record OrganisationId(@JsonValue long value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public OrganisationId {
        // the database numbers organisations from 1
        if (value <= 0) {
            throw new InvalidValueException("organisation.invalidId", value);
        }
    }

    /** The organisation in a nullable column or field, or null. */
    public static OrganisationId ofNullable(Long value) {
        return value == null ? null : new OrganisationId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
