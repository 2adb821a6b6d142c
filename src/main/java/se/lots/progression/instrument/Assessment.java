package se.lots.progression.instrument;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** One rating of an instrument on a day by the young person or the case worker; scores by item id. */
public record Assessment(UUID id, UUID participationId, long instrumentId, Rater rater, LocalDate assessedOn,
        BigDecimal total, Map<Long, BigDecimal> scores) {
}
