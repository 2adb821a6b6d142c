package se.lots.federation.member;

import java.time.LocalDate;

import se.lots.organisation.OrganisationId;
import se.lots.organisation.PartyType;

/** A member organisation of a förbund, the day it joined and, for a former member, the day it left. */
public record Member(long id, OrganisationId organisationId, String name, PartyType partyType, LocalDate joinedOn,
        LocalDate leftOn) {

    /** Whether the organisation is a member on {@code day}: joined on or before it and not left before it. */
    public boolean memberOn(LocalDate day) {
        return !joinedOn.isAfter(day) && (leftOn == null || !leftOn.isBefore(day));
    }
}
