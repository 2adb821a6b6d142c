package se.lots.intervention.catalogue;

import java.time.OffsetDateTime;
import java.util.List;

/** One saved state of an intervention: who saved it, when, which fields changed, and the whole content (JSON). */
public record InterventionVersion(long interventionId, int version, String changedByName, OffsetDateTime changedAt,
        List<String> changedFields, String content) {
}
