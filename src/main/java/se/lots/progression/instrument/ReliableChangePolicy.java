package se.lots.progression.instrument;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Who is moving, who is stuck, who got worse. A change from the first assessment to the latest that reaches the
 * instrument's reliable-change threshold is reliable (Jacobson &amp; Truax); moving from below the cut-off to at or
 * above it with a reliable improvement is clinically significant. Without reliable change after {@code stuckAfterWeeks}
 * weeks since the first assessment a participant counts as stuck. An instrument without a threshold counts any change.
 */
public final class ReliableChangePolicy {

    public static final int DEFAULT_STUCK_AFTER_WEEKS = 8;

    public enum Trend {
        IMPROVED, WORSENED, STUCK, NOT_YET, SINGLE
    }

    public record Point(LocalDate on, BigDecimal total) {
    }

    public record Progress(Trend trend, BigDecimal first, BigDecimal latest, BigDecimal change,
            boolean clinicallySignificant, Boolean belowCutOffNow) {
    }

    private ReliableChangePolicy() {
    }

    /** Null for an empty series. */
    public static Progress classify(List<Point> series, BigDecimal reliableChange, BigDecimal cutOff,
            boolean higherIsBetter, LocalDate today, int stuckAfterWeeks) {
        if (series.isEmpty()) {
            return null;
        }
        Point first = series.get(0);
        Point latest = series.get(series.size() - 1);
        BigDecimal change = latest.total().subtract(first.total());
        Boolean belowNow = cutOff == null ? null : worse(latest.total(), cutOff, higherIsBetter);
        if (series.size() == 1) {
            return new Progress(Trend.SINGLE, first.total(), latest.total(), BigDecimal.ZERO, false, belowNow);
        }
        BigDecimal better = higherIsBetter ? change : change.negate();
        BigDecimal threshold = reliableChange == null ? BigDecimal.ZERO : reliableChange;
        Trend trend;
        if (reliable(better, threshold)) {
            trend = Trend.IMPROVED;
        } else if (reliable(better.negate(), threshold)) {
            trend = Trend.WORSENED;
        } else if (ChronoUnit.WEEKS.between(first.on(), today) >= stuckAfterWeeks) {
            trend = Trend.STUCK;
        } else {
            trend = Trend.NOT_YET;
        }
        boolean significant = trend == Trend.IMPROVED && cutOff != null
                && worse(first.total(), cutOff, higherIsBetter) && !worse(latest.total(), cutOff, higherIsBetter);
        return new Progress(trend, first.total(), latest.total(), change, significant, belowNow);
    }

    private static boolean reliable(BigDecimal better, BigDecimal threshold) {
        return threshold.signum() == 0 ? better.signum() > 0 : better.compareTo(threshold) >= 0;
    }

    /** On the strained side of the cut-off: below it when higher is better. */
    private static boolean worse(BigDecimal total, BigDecimal cutOff, boolean higherIsBetter) {
        return higherIsBetter ? total.compareTo(cutOff) < 0 : total.compareTo(cutOff) > 0;
    }
}
