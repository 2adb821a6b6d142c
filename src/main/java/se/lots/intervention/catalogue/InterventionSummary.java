package se.lots.intervention.catalogue;

import java.time.LocalDate;

import se.lots.organisation.PartyType;

/** One search hit: what a case worker needs at a glance. Holds no personal data, so the public page uses it too. */
public record InterventionSummary(long id, String name, InterventionKind kind, long providerId, String providerName,
        PartyType partyType, int ageMin, int ageMax, Integer capacity, Integer occupancy, Integer waitingDays,
        boolean kaaMeasure, LocalDate reviewedOn, boolean retired, LocalDate validFrom, LocalDate validTo) {

    public Integer openPlaces() {
        return Intervention.openPlaces(capacity, occupancy);
    }

    public boolean needsReview(LocalDate today) {
        return Intervention.needsReview(reviewedOn, today);
    }

    public boolean current(LocalDate today) {
        return Intervention.current(retired, validFrom, validTo, today);
    }
}
