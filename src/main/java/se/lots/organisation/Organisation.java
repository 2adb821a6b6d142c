package se.lots.organisation;

public record Organisation(long id, String name, PartyType partyType, String municipalityCode, String countyCode) {
}
