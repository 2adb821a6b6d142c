package se.lots.registry.search;

import java.util.UUID;

import se.lots.organisation.OrganisationId;
import se.lots.reference.MunicipalityCode;
import se.lots.registry.Gender;
import se.lots.registry.IdentityKind;

/** One row of a search result: enough to recognise the person, never an address. */
public record PersonSummary(UUID id, String identity, IdentityKind identityKind, String firstName, String lastName,
        int birthYear, Gender gender, MunicipalityCode municipalityCode, boolean protectedIdentity,
        OrganisationId ownerOrganisationId) {
}
