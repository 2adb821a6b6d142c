package se.lots.registry.search;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.consent.Access;
import se.lots.consent.AccessPolicy;
import se.lots.consent.ConsentScope;
import se.lots.registry.InvalidPersonalIdentityNumberException;
import se.lots.registry.PersonalIdentityNumber;
import se.lots.security.Actor;
import se.lots.shared.InvalidInputException;
import se.lots.shared.Validation;

/** Finds young persons among those the actor may see; every person shown is logged as a search hit. */
@Service
public class PersonSearch {

    public static final int PAGE_SIZE = 20;

    private final PersonSummaries summaries;
    private final AccessPolicy accessPolicy;
    private final AuditLog audit;
    private final Clock clock;

    PersonSearch(PersonSummaries summaries, AccessPolicy accessPolicy, AuditLog audit, Clock clock) {
        this.summaries = summaries;
        this.accessPolicy = accessPolicy;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Finds persons by personnummer (any accepted format) or by parts of the name, among those the actor may see.
     * Each person on the returned page is logged as a SEARCH read.
     */
    @Transactional
    public SearchResult search(Actor actor, String query, int page) {
        requirePersonDataRole(actor);
        String q = query == null ? "" : query.trim();
        PersonalIdentityNumber pin = null;
        List<String> words = List.of();
        if (PersonalIdentityNumber.looksLikeOne(q)) {
            pin = parsePin("q", q);
        } else {
            words = Arrays.stream(q.split("\\s+")).filter(w -> !w.isBlank()).toList();
            if (words.isEmpty() || words.stream().allMatch(w -> w.length() < 2)) {
                throw new InvalidInputException("q", "search.tooShort");
            }
        }
        Set<UUID> shared = accessPolicy.sharedWith(actor, ConsentScope.GRUNDUPPGIFTER);
        int safePage = Math.max(0, page);
        var hits = summaries.search(pin, words, actor.organisationId(), actor.domain(), shared, PAGE_SIZE,
                safePage * PAGE_SIZE);
        var candidates = hits.persons();
        long total = hits.total();
        var found = new ArrayList<PersonSummary>();
        var own = new ArrayList<UUID>();
        // the same decision as a read, so a search never shows more than the person page would
        Set<UUID> held = accessPolicy.heldByOwnLine(actor, candidates.stream()
                .filter(p -> p.ownerOrganisationId().equals(actor.organisationId())).map(PersonSummary::id).toList());
        for (PersonSummary p : candidates) {
            if (held.contains(p.id())) {
                own.add(p.id());
                found.add(p);
                continue;
            }
            Access access = accessPolicy.decide(actor, p.id(), p.ownerOrganisationId(), ConsentScope.GRUNDUPPGIFTER);
            if (access.granted()) {
                audit.record(actor, p.id(), AuditAction.SEARCH, access.basis(), "sökträff");
                found.add(p);
            }
        }
        if (!own.isEmpty() || found.isEmpty()) {
            audit.recordEach(actor, own, AuditAction.SEARCH, AccessBasis.OWN_ORGANISATION, "sökträff");
        }
        return new SearchResult(found, safePage, PAGE_SIZE, total);
    }

    private static void requirePersonDataRole(Actor actor) {
        if (!actor.readsPersonalData()) {
            throw new AccessDeniedException("role does not read personal data");
        }
    }

    private PersonalIdentityNumber parsePin(String field, String value) {
        var v = new Validation();
        PersonalIdentityNumber pin = null;
        try {
            pin = PersonalIdentityNumber.parse(value, LocalDate.now(clock));
        } catch (InvalidPersonalIdentityNumberException e) {
            v.reject(field, e.messageKey());
        }
        v.throwIfInvalid();
        return pin;
    }
}
