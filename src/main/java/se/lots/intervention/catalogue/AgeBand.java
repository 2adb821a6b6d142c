package se.lots.intervention.catalogue;

import java.util.List;
import java.util.Optional;

/**
 * An age band of the coverage map (16–19, 20–24, 25–29, as in the issue). An intervention for ages min–max counts in
 * every band its range overlaps: 18–20 counts in 16–19 and in 20–24; 30–35 counts nowhere.
 */
public record AgeBand(int min, int max) {

    public static final List<AgeBand> BANDS = List.of(new AgeBand(16, 19), new AgeBand(20, 24), new AgeBand(25, 29));

    public AgeBand {
        if (min > max) {
            throw new IllegalArgumentException("age band " + min + "–" + max);
        }
    }

    public boolean overlaps(int ageMin, int ageMax) {
        return ageMin <= max && ageMax >= min;
    }

    /** "20-24" as in a drill-down link. */
    public String code() {
        return min + "-" + max;
    }

    public String label() {
        return min + "–" + max;
    }

    /** One of {@link #BANDS} from its {@link #code()}; anything else is empty. */
    public static Optional<AgeBand> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return BANDS.stream().filter(b -> b.code().equals(text.strip())).findFirst();
    }
}
