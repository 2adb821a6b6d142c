package se.lots.intervention.catalogue;

/** How many hits an option of a facet would give, with the other facets' choices kept. */
public record FacetCount(String facet, String key, long count) {
}
