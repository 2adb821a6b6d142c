package se.lots.plan;

import se.lots.organisation.OrganisationId;

/** A programme (insats) of an organisation; {@code fundedBy} the samordningsförbund that funds it, if any. */
public record Programme(long id, OrganisationId organisationId, String organisationName, String name, boolean active,
        OrganisationId fundedBy, String fundedByName) {
}
