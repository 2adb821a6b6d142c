package se.lots.federation.programme;

import java.time.LocalDate;
import java.util.List;

import se.lots.federation.member.PartyOrganisation;
import se.lots.organisation.OrganisationId;
import se.lots.reference.Municipality;

/**
 * A programme as the förbund sees it: the plan module's programme ({@code programmeId}, its name and owner) with the
 * förbund's facts, the participating parties (the owner among them), the municipalities it is for and its funders.
 */
public record FinsamProgramme(long programmeId, OrganisationId federationId, String federationName,
        String caseNumber, String name, OrganisationId ownerId, String ownerName, String purpose, String targetGroup,
        Integer ageFrom, Integer ageTo, List<Municipality> municipalities, String method, LocalDate startsOn,
        LocalDate endsOn, Integer expectedPerYear, List<PartyOrganisation> parties, String contactName,
        String contactEmail, List<Funder> funders, int version) {

    /** Where the programme is on {@code day}. */
    public ProgrammeStatus statusOn(LocalDate day) {
        if (day.isBefore(startsOn)) {
            return ProgrammeStatus.NOT_STARTED;
        }
        return endsOn != null && day.isAfter(endsOn) ? ProgrammeStatus.ENDED : ProgrammeStatus.RUNNING;
    }
}
