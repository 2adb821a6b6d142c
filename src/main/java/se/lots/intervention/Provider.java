package se.lots.intervention;

import se.lots.organisation.OrganisationId;
import se.lots.organisation.PartyType;

/**
 * Utförare. Linked to an organisation (and unit) known to Lots, or free-standing; the contact person's name is the
 * only personal data in the catalogue and is never shown publicly.
 */
public record Provider(long id, OrganisationId organisationId, Long unitId, String name, PartyType partyType,
        String contactName, String phone, String email, String address, String openingHours, int version) {
}
