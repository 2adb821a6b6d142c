package se.lots.organisation;

import java.util.List;

public record NewOrganisation(String name, PartyType partyType, String municipalityCode, String countyCode,
        List<String> units) {
}
