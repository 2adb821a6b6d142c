package se.lots.federation.member;

import se.lots.organisation.OrganisationId;
import se.lots.organisation.PartyType;

/** An organisation with its party type: one of the four Finsam parties a förbund may have as a member, or a förbund. */
public record PartyOrganisation(OrganisationId id, String name, PartyType partyType) {
}
