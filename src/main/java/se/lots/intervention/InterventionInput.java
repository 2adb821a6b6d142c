package se.lots.intervention;

import java.util.List;

import se.lots.intervention.catalogue.Intervention;

/**
 * An intervention as typed in the form or sent to the API, as text so that each wrong field gets its own Swedish
 * message. Dates are ISO (ÅÅÅÅ-MM-DD). {@code reviewed} means "I have checked the entry today"; {@code version} is
 * the version the user started from (null for a new one).
 */
public record InterventionInput(String providerId, String programmeId, String name, String description, String kind,
        String targetGroup, String ageMin, String ageMax, List<String> needIds, List<String> eligibility,
        String method, String durationWeeks, String capacity, String occupancy, String waitingDays, String cost,
        String financing, Boolean kaaMeasure, List<String> municipalityCodes, String validFrom, String validTo,
        Boolean reviewed, Integer version) {

    public InterventionInput {
        needIds = needIds == null ? List.of() : List.copyOf(needIds);
        eligibility = eligibility == null ? List.of() : List.copyOf(eligibility);
        municipalityCodes = municipalityCodes == null ? List.of() : List.copyOf(municipalityCodes);
    }

    public InterventionInput withVersion(int v) {
        return new InterventionInput(providerId, programmeId, name, description, kind, targetGroup, ageMin, ageMax,
                needIds, eligibility, method, durationWeeks, capacity, occupancy, waitingDays, cost, financing,
                kaaMeasure, municipalityCodes, validFrom, validTo, reviewed, v);
    }

    public static InterventionInput empty() {
        return new InterventionInput(null, null, null, null, null, null, "16", "29", List.of(), List.of(), null, null,
                null, null, null, null, null, false, List.of(), null, null, true, null);
    }

    public static InterventionInput of(Intervention i) {
        return new InterventionInput(String.valueOf(i.providerId()), text(i.programmeId()), i.name(),
                i.description(), i.kind().name(), i.targetGroup(), String.valueOf(i.ageMin()),
                String.valueOf(i.ageMax()), i.needs().stream().map(n -> String.valueOf(n.id())).toList(),
                i.eligibility().stream().map(Enum::name).toList(), i.method(), text(i.durationWeeks()),
                text(i.capacity()), text(i.enteredOccupancy()), text(i.waitingDays()), i.cost(), i.financing(),
                i.kaaMeasure(), i.municipalityCodes(), text(i.validFrom()), text(i.validTo()), false, i.version());
    }

    public boolean isKaaMeasure() {
        return Boolean.TRUE.equals(kaaMeasure);
    }

    public boolean isReviewed() {
        return Boolean.TRUE.equals(reviewed);
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
