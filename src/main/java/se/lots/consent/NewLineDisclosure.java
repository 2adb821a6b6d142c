package se.lots.consent;

import java.time.LocalDate;

import se.lots.organisation.LineOfWork;

/** What a user of the holding line records: to which nämnd and line, under which provision, why, for how long. */
public record NewLineDisclosure(String toCommittee, LineOfWork toLineOfWork, DisclosureProvision provision,
        String reason, LocalDate validFrom, LocalDate validTo) {
}
