package se.lots.kaa.register;

import java.time.LocalDate;
import java.util.UUID;

import se.lots.kaa.ExitReason;
import se.lots.organisation.OrganisationId;

/** A spell in the KAA target group of one municipality organisation. */
public record KaaEpisode(UUID id, UUID personId, OrganisationId organisationId, LocalDate registeredOn,
        RegistrationReason registrationReason, String school, String schoolMunicipality, String programme,
        LocalDate leftSchoolOn, LocalDate exitedOn, ExitReason exitReason, Long assignedTo, UUID importId,
        int version) {

    public boolean open() {
        return exitedOn == null;
    }
}
