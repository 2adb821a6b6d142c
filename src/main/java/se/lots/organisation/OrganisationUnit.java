package se.lots.organisation;

public record OrganisationUnit(long id, long organisationId, String name) {
}
