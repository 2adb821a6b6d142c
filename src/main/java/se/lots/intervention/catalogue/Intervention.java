package se.lots.intervention.catalogue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import se.lots.intervention.Need;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.PartyType;

/**
 * A catalogue entry as staff see it. {@code occupancy} is the number of open enrolments when the intervention is
 * linked to a programme ({@code occupancyDerived}), otherwise {@code enteredOccupancy}.
 */
public record Intervention(long id, long providerId, String providerName, PartyType partyType,
        OrganisationId providerOrganisationId, Long programmeId, String name, String description, InterventionKind kind,
        String targetGroup, int ageMin, int ageMax, List<Need> needs, List<Eligibility> eligibility, String method,
        Integer durationWeeks, Integer capacity, Integer enteredOccupancy, Integer occupancy,
        boolean occupancyDerived, Integer waitingDays, String cost, String financing, boolean kaaMeasure,
        List<String> municipalityCodes, LocalDate validFrom, LocalDate validTo, boolean retired,
        LocalDate reviewedOn, String reviewedByName, OffsetDateTime updatedAt, String updatedByName, int version) {

    /** Entries nobody has looked at for a year are flagged "behöver ses över". */
    public static final int REVIEW_MONTHS = 12;

    public Integer openPlaces() {
        return openPlaces(capacity, occupancy);
    }

    public boolean needsReview(LocalDate today) {
        return needsReview(reviewedOn, today);
    }

    /** Shown in the public catalogue and in default search: not retired and within its validity. */
    public boolean current(LocalDate today) {
        return current(retired, validFrom, validTo, today);
    }

    public static Integer openPlaces(Integer capacity, Integer occupancy) {
        return capacity == null ? null : Math.max(0, capacity - (occupancy == null ? 0 : occupancy));
    }

    static boolean needsReview(LocalDate reviewedOn, LocalDate today) {
        return reviewedOn == null || reviewedOn.isBefore(today.minusMonths(REVIEW_MONTHS));
    }

    static boolean current(boolean retired, LocalDate validFrom, LocalDate validTo, LocalDate today) {
        return !retired && (validFrom == null || !validFrom.isAfter(today))
                && (validTo == null || !validTo.isBefore(today));
    }
}
