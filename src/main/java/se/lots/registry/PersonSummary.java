package se.lots.registry;

import java.util.UUID;

/** One row of a search result: enough to recognise the person, never an address. */
public record PersonSummary(UUID id, String identity, IdentityKind identityKind, String firstName, String lastName,
        int birthYear, Gender gender, String municipalityCode, boolean protectedIdentity, long ownerOrganisationId) {
}
