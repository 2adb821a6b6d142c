package se.lots.organisation;

/** A unit; {@code committee} (nämnd, "" when not named) and {@code lineOfWork} draw its secrecy boundary. */
public record OrganisationUnit(long id, OrganisationId organisationId, String name, String committee,
        LineOfWork lineOfWork) {

    public OrganisationUnit(long id, OrganisationId organisationId, String name) {
        this(id, organisationId, name, "", null);
    }

    public OrganisationUnit {
        committee = committee == null ? "" : committee;
    }
}
