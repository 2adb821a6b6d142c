package se.lots.kaa.measure;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A measure offered and/or started within a KAA episode. {@code firstOffered} is true for the episode's earliest
 * offer: whether the young person declined that one is what the half-year figures count.
 */
public record Measure(UUID id, UUID episodeId, UUID personId, String categoryCode, String categoryName,
        String content, MeasureResponsible responsible, String responsibleActor, LocalDate offeredOn,
        LocalDate startedOn, LocalDate endedOn, MeasureEndReason endReason, LocalDate followUpOn, boolean declined,
        boolean firstOffered) {
}
