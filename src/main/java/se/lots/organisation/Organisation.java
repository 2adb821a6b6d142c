package se.lots.organisation;

import se.lots.reference.MunicipalityCode;

public record Organisation(OrganisationId id, String name, PartyType partyType, MunicipalityCode municipalityCode,
        String countyCode) {
}
