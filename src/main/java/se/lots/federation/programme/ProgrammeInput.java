package se.lots.federation.programme;

import java.util.List;

/**
 * A Finsam programme as the officer (or the owner's programme lead) types it. {@code existingProgrammeId} links a
 * programme the owner has already (creating only); else {@code name} names a new one. {@code ownerOrganisationId} is
 * set when the programme is registered and kept after. {@code version} is the one the form or the read showed.
 */
public record ProgrammeInput(String caseNumber, String name, String existingProgrammeId, String ownerOrganisationId,
        String purpose, String targetGroup, String ageFrom, String ageTo, List<String> municipalityCodes,
        String method, String startsOn, String endsOn, String expectedPerYear, List<String> partyOrganisationIds,
        String contactName, String contactEmail, List<FunderInput> funders, Integer version) {

    public ProgrammeInput withVersion(int v) {
        return new ProgrammeInput(caseNumber, name, existingProgrammeId, ownerOrganisationId, purpose, targetGroup,
                ageFrom, ageTo, municipalityCodes, method, startsOn, endsOn, expectedPerYear, partyOrganisationIds,
                contactName, contactEmail, funders, v);
    }
}
