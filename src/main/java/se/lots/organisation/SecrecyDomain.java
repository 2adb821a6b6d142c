package se.lots.organisation;

/**
 * The part of an organisation inside which a young person's record is shared without further ado: a nämnd's line of
 * work (offentlighets- och sekretesslagen 8 kap. 1 § between nämnder, each its own authority, and 8 kap. 2 § between
 * independent lines of work of one), or the whole organisation where it has not divided its units into lines of work
 * (AF, FK, a förbund: one authority). {@code committee} is "" when the units do not name their nämnd.
 */
public record SecrecyDomain(OrganisationId organisationId, String committee, LineOfWork lineOfWork) {

    public SecrecyDomain {
        committee = committee == null ? "" : committee.strip();
    }

    public static SecrecyDomain wholeOrganisation(OrganisationId organisationId) {
        return new SecrecyDomain(organisationId, "", null);
    }

    public boolean wholeOrganisation() {
        return lineOfWork == null;
    }

    /** True when work of this line is done here: the line itself, or an organisation not divided into lines. */
    public boolean includes(LineOfWork line) {
        return lineOfWork == null || lineOfWork == line;
    }
}
