package se.lots.federation.application;

import java.util.List;

import se.lots.organisation.OrganisationId;
import se.lots.organisation.PartyType;

/**
 * What the lead chooses from when applying to a förbund: the förbunds their organisation is a member of, the chosen
 * förbund's member organisations (the parties) and its Finsam programmes.
 */
public record ApplicationChoices(List<Choice> federations, OrganisationId federationId, List<MemberChoice> members,
        List<Choice> programmes) {

    public record Choice(long id, String name) {
    }

    public record MemberChoice(OrganisationId id, String name, PartyType partyType) {
    }
}
