package se.lots.consent;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.lots.consent.internal.Holdings;
import se.lots.organisation.LineOfWork;
import se.lots.organisation.OrganisationId;
import se.lots.security.Actor;

/**
 * Which lines of work hold a young person's record: the modules record it when a user registers a person or takes a
 * KAA or plan action for them ({@link AccessPolicy} opens the record to the lines that hold it).
 */
@Service
public class PersonHoldings {

    /** One holder: a nämnd ("" when not named) and its line of work, or the whole organisation (null line). */
    public record Holder(String committee, LineOfWork lineOfWork) {
    }

    private final Holdings holdings;

    PersonHoldings(Holdings holdings) {
        this.holdings = holdings;
    }

    /** The actor's nämnd and line of work hold these persons from now on (nothing for an actor outside any line). */
    @Transactional
    public void hold(Actor actor, Collection<UUID> personIds) {
        if (actor.domain() != null && actor.readsPersonalData()) {
            holdings.record(actor.userId(), actor.domain(), personIds);
        }
    }

    @Transactional
    public void hold(Actor actor, UUID personId) {
        hold(actor, List.of(personId));
    }

    /**
     * The persons are being forgotten (no register holds anything on them any more, {@code DataSubjects.forget}): their
     * holdings go too, in the caller's transaction (it refuses to run without one). A holding is where the record was
     * held, not a record of its own, so it goes when nothing is held (docs/privacy.md, "Gallring").
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forget(Collection<UUID> personIds) {
        if (!personIds.isEmpty()) {
            holdings.forget(personIds);
        }
    }

    @Transactional(readOnly = true)
    public List<Holder> holders(UUID personId, OrganisationId organisationId) {
        return holdings.holders(personId, organisationId).stream()
                .map(h -> new Holder(h.committee(), LineOfWork.parse(h.lineOfWork()))).toList();
    }
}
