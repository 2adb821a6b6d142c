package se.lots.progression.instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;

import se.lots.organisation.OrganisationId;

/**
 * A progression instrument as configuration: items on scales, a total rule, and optionally a cut-off (the line
 * between a strained and a functioning range) and the smallest change counted as reliable. {@code organisationId}:
 * the organisation that keeps it, or null when it is shared by every organisation.
 */
public record Instrument(long id, String name, String description, TotalRule totalRule, BigDecimal cutOff,
        BigDecimal reliableChange, boolean higherIsBetter, boolean active, int version, List<InstrumentItem> items,
        OrganisationId organisationId) {

    public boolean shared() {
        return organisationId == null;
    }

    public List<InstrumentItem> itemsFor(Rater rater) {
        return items.stream().filter(i -> i.rater().includes(rater)).toList();
    }

    /** Who can give this instrument's assessments. */
    public List<Rater> raters() {
        return java.util.Arrays.stream(Rater.values()).filter(r -> !itemsFor(r).isEmpty()).toList();
    }

    public BigDecimal total(Collection<BigDecimal> scores) {
        BigDecimal sum = scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return switch (totalRule) {
            case SUM -> sum;
            case MEAN -> scores.isEmpty() ? BigDecimal.ZERO
                    : sum.divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
        };
    }

    /** The lowest and highest total a rater's assessment can have, for the chart's axis. */
    public BigDecimal lowest(Rater rater) {
        return total(itemsFor(rater).stream().map(InstrumentItem::min).toList());
    }

    public BigDecimal highest(Rater rater) {
        return total(itemsFor(rater).stream().map(InstrumentItem::max).toList());
    }
}
