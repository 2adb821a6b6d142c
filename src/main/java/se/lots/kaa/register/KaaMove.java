package se.lots.kaa.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import se.lots.organisation.OrganisationId;
import se.lots.reference.MunicipalityCode;

/**
 * A handover of the KAA responsibility after a move of the folkbokföring: the episode closed in the old
 * municipality and the one opened in the new ({@code toOrganisationId} and {@code openedEpisodeId} are null when the
 * new municipality does not use Lots). Both municipalities see it in the person's KAA history; nothing else of either
 * register is in it.
 */
public record KaaMove(UUID id, UUID personId, OrganisationId fromOrganisationId, String fromOrganisationName,
        MunicipalityCode fromMunicipality, String fromMunicipalityName, OrganisationId toOrganisationId,
        String toOrganisationName, MunicipalityCode toMunicipality, String toMunicipalityName, LocalDate movedOn,
        MoveSource source, UUID closedEpisodeId, UUID openedEpisodeId, String recordedBy, Instant recordedAt) {

    /** True when {@code organisation} is the municipality the person moved from. */
    public boolean outOf(OrganisationId organisation) {
        return fromOrganisationId.equals(organisation);
    }
}
