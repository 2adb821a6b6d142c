package se.lots.organisation;

public record OrganisationUnit(long id, OrganisationId organisationId, String name) {
}
