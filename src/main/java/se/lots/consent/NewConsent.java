package se.lots.consent;

import java.time.LocalDate;
import java.util.List;

import se.lots.organisation.OrganisationId;

public record NewConsent(OrganisationId fromOrganisationId, OrganisationId toOrganisationId, ConsentPurpose purpose,
        List<ConsentScope> scope, GivenHow givenHow, LocalDate validFrom, LocalDate validTo) {
}
