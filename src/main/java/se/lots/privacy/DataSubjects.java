package se.lots.privacy;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import se.lots.organisation.OrganisationId;
import se.lots.security.Actor;

/**
 * The registry's persons as the register extract needs them, provided by the registry: the privacy module cannot
 * depend on the registry (the registry holds personal data and so implements {@link PersonalDataHolder}), so the
 * dependency is inverted, as with the audit module's {@code PersonLookup}.
 */
public interface DataSubjects {

    /**
     * The person's id by their personnummer (or samordningsnummer) or, for someone without one, their reserve identity
     * (RES-…); empty when it is not in the registry or is neither.
     */
    Optional<UUID> idByIdentity(String identity);

    /** The organisation holding the person's record; empty when there is no such person. */
    Optional<OrganisationId> holder(UUID personId);

    /** The person as {@code actor} may read them, the read audited; empty when the access policy refuses. */
    Optional<DataSubject> read(Actor actor, UUID personId);

    /** As {@link #read} for a list page: the persons the actor may read, each read audited; others left out. */
    Map<UUID, DataSubject> readAll(Actor actor, Collection<UUID> personIds);

    /** Logs that {@code actor} exported the person's data (an extract produced, downloaded or handed over). */
    void recordExport(Actor actor, UUID personId, String detail);

    /**
     * Removes the persons from the registry and makes them unidentifiable in the audit log (ADR 0010), in the
     * caller's transaction (it refuses to run without one). Only for persons no register holds anything on any more
     * ({@link PersonalDataEraser#stillHeld}): the caller has removed the rest first.
     *
     * @return how many persons were removed from the registry
     */
    int forget(Collection<UUID> personIds);
}
