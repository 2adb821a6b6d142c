package se.lots.progression.instrument;

import java.util.List;

/** An instrument as typed on the admin page. */
public record InstrumentInput(String name, String description, String totalRule, String cutOff,
        String reliableChange, Boolean higherIsBetter, Boolean active, List<Item> items, Integer version) {

    public record Item(String label, String min, String max, String step, String minLabel, String maxLabel,
            String rater) {
    }
}
