package se.lots.intervention.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Repository;

import se.lots.organisation.PartyType;

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
public class InterventionSearch {

    public static final int PAGE_SIZE = 25;

    private static final int AGE = 0;
    private static final int NEED = 1;
    private static final int KIND = 2;
    private static final int PROVIDER = 3;
    private static final int PARTY = 4;
    private static final int AREA = 5;
    private static final int OPEN = 6;
    private static final int KAA = 7;
    private static final int NONE = -1;
    private static final int SEVERAL = -2;

    private final CatalogueIndex index;

    InterventionSearch(CatalogueIndex index) {
        this.index = index;
    }

    public InterventionHits search(InterventionQuery q, LocalDate today) {
        CatalogueIndex.State state = index.now();
        CatalogueIndex.Snapshot s = state.snapshot();
        Map<Long, Integer> enrolled = state.openEnrolments();
        Set<Long> wordForms = q.text() == null ? null : index.matchingWordForms(q.text());
        String lowered = q.text() == null ? null : CatalogueIndex.lowered(q.text());
        List<CatalogueIndex.Entry> candidates = q.includeInactive() ? s.entries : s.currentOn(today);

        // the choices as masks over the snapshot's positions; a chosen id the catalogue does not have matches nothing
        boolean anyNeed = !q.needs().isEmpty();
        boolean[] needs = CatalogueIndex.mask(s.needIds.length, CatalogueIndex.positions(q.needs(), s.needIds));
        boolean anyProvider = !q.providers().isEmpty();
        boolean[] providers = CatalogueIndex.mask(s.providerIds.length,
                CatalogueIndex.positions(q.providers(), s.providerIds));
        boolean anyArea = !q.municipalities().isEmpty();
        boolean[] areas = CatalogueIndex.mask(s.municipalityCodes.length,
                q.municipalities().stream().map(s::municipalityPosition).toList());
        boolean[] kinds = new boolean[InterventionKind.values().length];
        q.kinds().forEach(k -> kinds[k.ordinal()] = true);
        boolean[] parties = new boolean[PartyType.values().length];
        q.partyTypes().forEach(p -> parties[p.ordinal()] = true);

        long[] kindCount = new long[kinds.length];
        long[] partyCount = new long[parties.length];
        long[] providerCount = new long[providers.length];
        long[] needCount = new long[needs.length];
        long[] areaCount = new long[areas.length];
        long open = 0;
        long kaa = 0;
        long total = 0;
        int first = q.page() * PAGE_SIZE;
        var items = new ArrayList<InterventionSummary>();
        for (CatalogueIndex.Entry e : candidates) {
            // free text: a substring of the text, or its Swedish word forms
            if (lowered != null && !CatalogueIndex.holdsText(e, lowered) && !wordForms.contains(e.id())) {
                continue;
            }
            Integer occupancy = e.programmeId() == null ? e.occupancy() : e.occupancy(enrolled);
            boolean hasOpen = e.capacity() != null && e.capacity() > (occupancy == null ? 0 : occupancy);
            int failing = NONE;
            if ((q.age() != null && (e.ageMin() > q.age() || e.ageMax() < q.age()))
                    || (q.band() != null && !q.band().overlaps(e.ageMin(), e.ageMax()))) {
                failing = fail(failing, AGE);
            }
            if (anyNeed && !any(e.needs(), needs)) {
                failing = fail(failing, NEED);
            }
            if (!q.kinds().isEmpty() && !kinds[e.kind().ordinal()]) {
                failing = fail(failing, KIND);
            }
            if (anyProvider && !providers[e.provider()]) {
                failing = fail(failing, PROVIDER);
            }
            if (!q.partyTypes().isEmpty() && !parties[e.partyType().ordinal()]) {
                failing = fail(failing, PARTY);
            }
            if (anyArea && !any(e.municipalities(), areas)) {
                failing = fail(failing, AREA);
            }
            if (q.openCapacity() && !hasOpen) {
                failing = fail(failing, OPEN);
            }
            if (q.kaaOnly() && !e.kaaMeasure()) {
                failing = fail(failing, KAA);
            }
            if (failing == SEVERAL) {
                continue;
            }
            // all hold: a hit, counted in every facet; one failing: counted only in that facet's options
            boolean all = failing == NONE;
            if (all) {
                if (total >= first && total < first + PAGE_SIZE) {
                    items.add(summary(e, occupancy));
                }
                total++;
            }
            if (all || failing == KIND) {
                kindCount[e.kind().ordinal()]++;
            }
            if (all || failing == PROVIDER) {
                providerCount[e.provider()]++;
            }
            if (all || failing == PARTY) {
                partyCount[e.partyType().ordinal()]++;
            }
            if (all || failing == NEED) {
                for (int n : e.needs()) {
                    needCount[n]++;
                }
            }
            if (all || failing == AREA) {
                for (int m : e.municipalities()) {
                    areaCount[m]++;
                }
            }
            if (hasOpen && (all || failing == OPEN)) {
                open++;
            }
            if (e.kaaMeasure() && (all || failing == KAA)) {
                kaa++;
            }
        }
        // options never counted are left out, as the page lists only options with hits
        var counts = new LinkedHashMap<String, Map<String, Long>>();
        counts.put("kind", counted(kindCount, k -> InterventionKind.values()[k].name()));
        counts.put("provider", counted(providerCount, k -> String.valueOf(s.providerIds[k])));
        counts.put("party", counted(partyCount, k -> PartyType.values()[k].name()));
        counts.put("open", Map.of("true", open));
        counts.put("kaa", Map.of("true", kaa));
        counts.put("total", Map.of("", total));
        counts.put("need", counted(needCount, k -> String.valueOf(s.needIds[k])));
        counts.put("area", counted(areaCount, k -> s.municipalityCodes[k]));
        return new InterventionHits(List.copyOf(items), total, q.page(), PAGE_SIZE, counts);
    }

    private static int fail(int failing, int facet) {
        return failing == NONE ? facet : SEVERAL;
    }

    private static boolean any(int[] positions, boolean[] chosen) {
        for (int p : positions) {
            if (chosen[p]) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Long> counted(long[] counts, java.util.function.IntFunction<String> key) {
        var result = new HashMap<String, Long>();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0) {
                result.put(key.apply(k), counts[k]);
            }
        }
        return result;
    }

    private static InterventionSummary summary(CatalogueIndex.Entry e, Integer occupancy) {
        return new InterventionSummary(e.id(), e.name(), e.kind(), e.providerId(), e.providerName(), e.partyType(),
                e.ageMin(), e.ageMax(), e.capacity(), occupancy, e.waitingDays(), e.kaaMeasure(), e.reviewedOn(),
                e.retired(), e.validFrom(), e.validTo());
    }
}
