package se.lots.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import se.lots.organisation.LineOfWork;
import se.lots.organisation.OrganisationId;

/** A young person's record disclosed from one line of work (and nämnd) of an organisation to another. */
public record LineDisclosure(UUID id, UUID personId, OrganisationId organisationId, String fromCommittee,
        LineOfWork fromLineOfWork, String toCommittee, LineOfWork toLineOfWork, DisclosureProvision provision,
        String reason, LocalDate validFrom, LocalDate validTo, Instant withdrawnAt, Instant recordedAt) {

    public boolean activeOn(LocalDate day) {
        return withdrawnAt == null && !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}
