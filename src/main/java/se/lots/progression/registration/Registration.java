package se.lots.progression.registration;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A START or SLUT measurement point. {@code workExtent} is per cent of 40 hours a week, set only when working. */
public record Registration(UUID id, UUID participationId, RegistrationKind kind, LocalDate measuredOn,
        Occupation occupation, Integer workExtent, List<IncomeSource> incomeSources, EducationLevel educationLevel,
        boolean registeredAtAf, int version) {
}
