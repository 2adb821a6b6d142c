package se.lots.kaa.letter;

import java.time.OffsetDateTime;
import java.util.UUID;

import se.lots.organisation.OrganisationId;

/** A municipality's letter text with merge fields; {@code updatedBy} is the display name of who changed it last. */
public record LetterTemplate(UUID id, OrganisationId organisationId, String name, String heading, String body,
        OffsetDateTime retiredAt, OffsetDateTime updatedAt, String updatedBy, int version) {

    public boolean active() {
        return retiredAt == null;
    }
}
