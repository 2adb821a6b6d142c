package se.lots.intervention.publiccatalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.cache.Cache;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import se.lots.intervention.Need;
import se.lots.intervention.Provider;
import se.lots.intervention.catalogue.CatalogueIndex;
import se.lots.intervention.catalogue.FacetView;
import se.lots.intervention.catalogue.InterventionHits;
import se.lots.intervention.catalogue.InterventionQuery;
import se.lots.intervention.catalogue.InterventionSearch;
import se.lots.intervention.catalogue.Interventions;
import se.lots.intervention.catalogue.Needs;
import se.lots.intervention.catalogue.Providers;
import se.lots.reference.ReferenceData;
import se.lots.shared.NotFoundException;

/**
 * The catalogue as anyone may see it without logging in: current interventions only, no personal data. Answers are
 * kept in a plain in-memory cache until the catalogue changes: cleared when {@code catalogue_change.stamp} (V22)
 * differs from the one the cache was filled under (any writer, also plain SQL or another instance), and on every
 * write through the services, again after it commits, so a reader never puts the old state back. The rendered
 * list pages are cached in front of this by {@link PublicPageCache}.
 */
@Service
public class PublicCatalogue {

    private final InterventionSearch search;
    private final Interventions interventions;
    private final Providers providers;
    private final Needs needs;
    private final Clock clock;
    private final CatalogueIndex index;
    private final Cache cache = new ConcurrentMapCache("publicCatalogue");
    private volatile long filledUnder = Long.MIN_VALUE;

    PublicCatalogue(InterventionSearch search, CatalogueIndex index, Interventions interventions, Providers providers,
            Needs needs, Clock clock) {
        this.search = search;
        this.index = index;
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
        fresh();
        return cache.get(new SearchKey(q, today), () -> search.search(q, today));
    }

    @Transactional(readOnly = true)
    public PublicIntervention intervention(long id) {
        LocalDate today = LocalDate.now(clock);
        fresh();
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
        fresh();
        return cache.get(new ListKey("needs"), needs::all);
    }

    /** The providers, for the facet labels (never shown with their contact person); cached as {@link #needs()}. */
    @Transactional(readOnly = true)
    @SuppressWarnings("unchecked")
    public List<Provider> providers() {
        fresh();
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

    /** Empties the cache if the catalogue has changed since it was filled (one one-row read). */
    private void fresh() {
        long stamp = index.stamp();
        if (stamp != filledUnder) {
            cache.clear();
            filledUnder = stamp;
        }
    }

    /** The stamp of the catalogue now, for {@link PublicPageCache}. */
    long stamp() {
        return index.stamp();
    }

    /**
     * Called by every catalogue write; takes effect when the write commits. After the commit the writer's request
     * also reloads the in-memory index, so that the next search on this instance does not pay for the reload
     * (0.5–1.4 s at 20 000 interventions, docs/benchmarks.md); writes are seldom and searches are on every page.
     */
    public void changed() {
        // cleared now and again after commit: a reader between the two may have cached the state before the write
        cache.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.clear();
                    index.now();
                }
            });
        }
    }
}
