package se.lots.intervention;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import se.lots.reference.ReferenceData;

import org.springframework.cache.Cache;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import se.lots.reference.ReferenceData;
import se.lots.shared.NotFoundException;

/**
 * The catalogue as anyone may see it without logging in: current interventions only, no personal data. Answers are
 * kept in a plain in-memory cache until the catalogue changes; the cache is cleared after the changing transaction
 * commits, so a reader never puts the old state back.
 */
@Service
public class PublicCatalogue {

    private final InterventionSearch search;
    private final Interventions interventions;
    private final Providers providers;
    private final Needs needs;
    private final Clock clock;
    private final Cache cache = new ConcurrentMapCache("publicCatalogue");

    PublicCatalogue(InterventionSearch search, Interventions interventions, Providers providers, Needs needs,
            Clock clock) {
        this.search = search;
        this.needs = needs;
        this.interventions = interventions;
        this.providers = providers;
        this.clock = clock;
    }

    private record SearchKey(InterventionQuery query, LocalDate today) {
    }

    private record EntryKey(long id, LocalDate today) {
    }

    private record ListKey(String name) {
    }

    private record FacetKey(InterventionQuery query, LocalDate today, Locale locale) {
    }

    @Transactional(readOnly = true)
    public InterventionHits search(InterventionQuery query) {
        InterventionQuery q = query.publicOnly();
        LocalDate today = LocalDate.now(clock);
        if (!q.cacheable()) {
            return search.search(q, today);
        }
        return cache.get(new SearchKey(q, today), () -> search.search(q, today));
    }

    @Transactional(readOnly = true)
    public PublicIntervention intervention(long id) {
        LocalDate today = LocalDate.now(clock);
        PublicIntervention found = cache.get(new EntryKey(id, today), () -> interventions.byId(id)
                .filter(i -> i.current(today))
                .map(i -> PublicIntervention.of(i, providers.byId(i.providerId()).orElseThrow()))
                .orElse(null));
        if (found == null) {
            throw new NotFoundException("intervention");
        }
        return found;
    }

    /** The needs, for the facet labels; cached with the rest, as every page of the public list shows them. */
    @Transactional(readOnly = true)
    @SuppressWarnings("unchecked")
    public List<Need> needs() {
        return cache.get(new ListKey("needs"), needs::all);
    }

    /** The providers, for the facet labels (never shown with their contact person); cached as {@link #needs()}. */
    @Transactional(readOnly = true)
    @SuppressWarnings("unchecked")
    public List<Provider> providers() {
        return cache.get(new ListKey("providers"), providers::all);
    }

    /**
     * The facets of the public list as the page shows them, cached with the search: with 2 000 providers the
     * provider facet alone has 2 000 options, and building them for every request was most of the page's cost.
     */
    List<FacetView> facets(InterventionQuery query, InterventionHits hits, ReferenceData reference,
            MessageSource messages, Locale locale) {
        InterventionQuery q = query.publicOnly();
        if (!q.cacheable()) {
            return FacetView.of(hits, q, needs(), providers(), reference, messages, locale);
        }
        return cache.get(new FacetKey(q, LocalDate.now(clock), locale),
                () -> FacetView.of(hits, q, needs(), providers(), reference, messages, locale));
    }

    /** Called by every catalogue write; takes effect when the write commits. */
    void changed() {
        // cleared now and again after commit: a reader between the two may have cached the state before the write
        cache.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.clear();
                }
            });
        }
    }
}
