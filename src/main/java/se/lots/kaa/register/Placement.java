package se.lots.kaa.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import se.lots.reference.MunicipalityCode;

/**
 * A placement in another municipality (HVB, familjehem): the responsible municipality keeps the KAA episode and sees
 * the placement municipality as a contact municipality, which itself is told nothing.
 */
public record Placement(UUID id, UUID personId, MunicipalityCode municipality, String municipalityName,
        PlacementKind kind, LocalDate fromOn, LocalDate toOn, String recordedBy, Instant recordedAt, int version) {

    /** Under way on {@code day}: begun, and not ended before it. */
    public boolean currentOn(LocalDate day) {
        return !fromOn.isAfter(day) && (toOn == null || !toOn.isBefore(day));
    }
}
