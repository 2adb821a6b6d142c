package se.lots.intervention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Repository;

/**
 * The catalogue search: the page of hits and every facet's counts, in one pass over the {@link CatalogueIndex}.
 * Each intervention gets one flag per facet ({@code true} when nothing is chosen in it). The hits are those where
 * every flag holds; a facet's counts are taken over those where every <em>other</em> flag holds (disjunctive
 * faceting), so an option's count is what choosing it would give; an intervention failing two facets counts
 * nowhere. Within a facet the choices are alternatives, between facets all must hold. The same search as SQL, which
 * a reader can paste into psql and which the tests compare this with, is the test class
 * {@code InterventionSearchSql}.
 */
@Repository
class InterventionSearch {

    static final int PAGE_SIZE = 25;

    private static final int AGE = 0;
    private static final int NEED = 1;
    private static final int KIND = 2;
    private static final int PROVIDER = 3;
    private static final int PARTY = 4;
    private static final int AREA = 5;
    private static final int OPEN = 6;
    private static final int KAA = 7;

    private final CatalogueIndex index;

    InterventionSearch(CatalogueIndex index) {
        this.index = index;
    }

    InterventionHits search(InterventionQuery q, LocalDate today) {
        CatalogueIndex.Snapshot snapshot = index.current();
        Set<Long> text = q.text() == null ? null : index.matchingText(q.text());
        Map<Long, Integer> enrolled = index.openEnrolments(snapshot);
        Set<Long> needs = Set.copyOf(q.needs());
        Set<Long> providers = Set.copyOf(q.providers());
        Set<String> areas = Set.copyOf(q.municipalities());

        var kind = new Counter();
        var provider = new Counter();
        var party = new Counter();
        var need = new Counter();
        var area = new Counter();
        long open = 0;
        long kaa = 0;
        long total = 0;
        int first = q.page() * PAGE_SIZE;
        var items = new ArrayList<InterventionSummary>();
        boolean[] holds = new boolean[8];
        for (CatalogueIndex.Entry e : snapshot.entries()) {
            if ((!q.includeInactive() && !e.current(today)) || (text != null && !text.contains(e.id()))) {
                continue;
            }
            Integer occupancy = e.occupancy(enrolled);
            boolean hasOpen = e.capacity() != null && e.capacity() > (occupancy == null ? 0 : occupancy);
            holds[AGE] = (q.age() == null || (e.ageMin() <= q.age() && e.ageMax() >= q.age()))
                    && (q.band() == null || q.band().overlaps(e.ageMin(), e.ageMax()));
            holds[NEED] = needs.isEmpty() || anyNeed(e, needs);
            holds[KIND] = q.kinds().isEmpty() || q.kinds().contains(e.kind());
            holds[PROVIDER] = providers.isEmpty() || providers.contains(e.providerId());
            holds[PARTY] = q.partyTypes().isEmpty() || q.partyTypes().contains(e.partyType());
            holds[AREA] = areas.isEmpty() || anyArea(e, areas);
            holds[OPEN] = !q.openCapacity() || hasOpen;
            holds[KAA] = !q.kaaOnly() || e.kaaMeasure();
            int failing = -1;
            int failed = 0;
            for (int f = 0; f < holds.length; f++) {
                if (!holds[f]) {
                    failing = f;
                    failed++;
                }
            }
            if (failed > 1) {
                continue;
            }
            // all: a hit, counted in every facet; one failing: counted only in that facet's options
            boolean all = failed == 0;
            if (all) {
                if (total >= first && total < first + PAGE_SIZE) {
                    items.add(summary(e, occupancy));
                }
                total++;
            }
            if (all || failing == KIND) {
                kind.add(e.kind().name());
            }
            if (all || failing == PROVIDER) {
                provider.add(String.valueOf(e.providerId()));
            }
            if (all || failing == PARTY) {
                party.add(e.partyType().name());
            }
            if (all || failing == NEED) {
                for (long n : e.needs()) {
                    need.add(String.valueOf(n));
                }
            }
            if (all || failing == AREA) {
                for (String m : e.municipalities()) {
                    area.add(m);
                }
            }
            if (hasOpen && (all || failing == OPEN)) {
                open++;
            }
            if (e.kaaMeasure() && (all || failing == KAA)) {
                kaa++;
            }
        }
        var counts = new LinkedHashMap<String, Map<String, Long>>();
        counts.put("kind", kind.counts);
        counts.put("provider", provider.counts);
        counts.put("party", party.counts);
        counts.put("open", Map.of("true", open));
        counts.put("kaa", Map.of("true", kaa));
        counts.put("total", Map.of("", total));
        counts.put("need", need.counts);
        counts.put("area", area.counts);
        return new InterventionHits(List.copyOf(items), total, q.page(), PAGE_SIZE, counts);
    }

    private static boolean anyNeed(CatalogueIndex.Entry e, Set<Long> chosen) {
        for (long n : e.needs()) {
            if (chosen.contains(n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyArea(CatalogueIndex.Entry e, Set<String> chosen) {
        for (String m : e.municipalities()) {
            if (chosen.contains(m)) {
                return true;
            }
        }
        return false;
    }

    private static InterventionSummary summary(CatalogueIndex.Entry e, Integer occupancy) {
        return new InterventionSummary(e.id(), e.name(), e.kind(), e.providerId(), e.providerName(), e.partyType(),
                e.ageMin(), e.ageMax(), e.capacity(), occupancy, e.waitingDays(), e.kaaMeasure(), e.reviewedOn(),
                e.retired(), e.validFrom(), e.validTo());
    }

    /** Counts per option; options never counted are not in the map, as the page lists only options with hits. */
    private static final class Counter {
        final Map<String, Long> counts = new HashMap<>();

        void add(String key) {
            counts.merge(key, 1L, Long::sum);
        }
    }
}
