package se.lots.consent;

import java.time.LocalDate;
import java.util.List;

public record NewConsent(Long fromOrganisationId, Long toOrganisationId, ConsentPurpose purpose,
        List<ConsentScope> scope, GivenHow givenHow, LocalDate validFrom, LocalDate validTo) {
}
