package se.lots.intervention.coverage;

import se.lots.intervention.Need;
import se.lots.intervention.catalogue.AgeBand;

/**
 * One cell of the coverage map: the current interventions whose age range overlaps {@code band} and that address
 * {@code need}; {@code openPlaces} sums their open places where capacity is known, {@code unknownCapacity} counts
 * those without a stated capacity.
 */
public record CoverageCell(AgeBand band, Need need, long interventions, long openPlaces, long unknownCapacity) {

    public boolean gap() {
        return interventions == 0;
    }
}
