package se.lots.plan.enrolment;

import se.lots.organisation.OrganisationId;

/** A samordningsförbund (Finsam), as a choice for who funds a programme. */
public record Federation(OrganisationId id, String name) {
}
