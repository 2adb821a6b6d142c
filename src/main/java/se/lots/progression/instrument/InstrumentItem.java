package se.lots.progression.instrument;

import java.math.BigDecimal;

/** One question of an instrument on its own scale, e.g. 0–10 in steps of 1, 1–5, or yes/no as 0–1. */
public record InstrumentItem(long id, int position, String label, BigDecimal min, BigDecimal max, BigDecimal step,
        String minLabel, String maxLabel, ItemRater rater) {

    /** Within the scale and on one of its steps (0–10 in steps of 1 refuses 11 and 2.5). */
    public boolean accepts(BigDecimal score) {
        if (score.compareTo(min) < 0 || score.compareTo(max) > 0) {
            return false;
        }
        return score.subtract(min).remainder(step).signum() == 0;
    }
}
