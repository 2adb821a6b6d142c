package se.lots.registry;

import java.util.Map;

/**
 * A rectification (rättelse, GDPR art. 16) of the person's identity or contact details on the person's request: the
 * new value of each field to correct (by the names of {@link PersonInput}: personalIdentityNumber, firstName, lastName,
 * gender, municipalityCode, street, postalCode, city, phone, email, preferredLanguage, guardianName, guardianPhone,
 * guardianEmail), the reason (the request, what was wrong) and the version of the person it starts from. Logged as its
 * own audit action with each field's value before and after, so the auditor sees what was there before.
 */
public record Rectification(Map<String, String> values, String reason, Integer version) {

    public Rectification {
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    /** The same rectification starting from {@code v}, e.g. the version an API client named in If-Match. */
    public Rectification withVersion(int v) {
        return new Rectification(values, reason, v);
    }
}
