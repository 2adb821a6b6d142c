package se.lots.plan.plans;

import java.io.Serializable;

/**
 * One field of a refused save: what is saved now next to what the user typed, for the conflict table
 * ({@code forms :: changes}). Serializable because it travels as a flash attribute across the redirect.
 */
public record FieldChange(String label, String theirs, String mine) implements Serializable {

    public static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
