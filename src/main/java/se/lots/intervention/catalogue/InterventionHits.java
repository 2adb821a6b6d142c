package se.lots.intervention.catalogue;

import java.util.List;
import java.util.Map;

/** A page of hits, the number of hits in all, and for each facet option the number of hits it would give. */
public record InterventionHits(List<InterventionSummary> items, long total, int page, int pageSize,
        Map<String, Map<String, Long>> facets) {

    public long count(String facet, Object key) {
        var counts = facets.get(facet);
        return counts == null ? 0 : counts.getOrDefault(String.valueOf(key), 0L);
    }

    public boolean hasNext() {
        return (long) (page + 1) * pageSize < total;
    }
}
