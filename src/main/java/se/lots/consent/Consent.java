package se.lots.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.lots.organisation.OrganisationId;

public record Consent(UUID id, UUID personId, OrganisationId fromOrganisationId, OrganisationId toOrganisationId,
        ConsentPurpose purpose, List<ConsentScope> scope, GivenHow givenHow, LocalDate validFrom, LocalDate validTo,
        Instant withdrawnAt, Instant recordedAt) {

    public boolean activeOn(LocalDate day) {
        return withdrawnAt == null && !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    /** GILTIGT, KOMMANDE, UTGANGET or ATERKALLAT, for display. */
    public String state(LocalDate today) {
        if (withdrawnAt != null) {
            return "ATERKALLAT";
        }
        if (today.isBefore(validFrom)) {
            return "KOMMANDE";
        }
        return today.isAfter(validTo) ? "UTGANGET" : "GILTIGT";
    }
}
