package se.lots.privacy.erasure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import se.lots.organisation.OrganisationId;
import se.lots.privacy.extract.IdentityCheck;
import se.lots.privacy.extract.Requester;

/**
 * A decided request for erasure as the organisation keeps it: nothing in it identifies the person (see V63). The
 * registers map a register's code to its rows by table: removed when erased, held when refused.
 */
public record ErasureCase(UUID id, String caseNumber, OrganisationId organisationId, LocalDate receivedOn,
        Requester requestedBy, IdentityCheck identityCheck, ErasureOutcome outcome,
        Map<String, Map<String, Long>> registers, List<ErasureGround> grounds, boolean personForgotten,
        Instant decidedAt, long decidedBy) {

    public long rows() {
        return registers.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    }

    public boolean refused() {
        return outcome != ErasureOutcome.ERASED;
    }
}
