package se.lots.progression.instrument;

import java.util.Map;

/** An assessment as typed: scores by item id. */
public record AssessmentInput(String instrumentId, String rater, String assessedOn, Map<Long, String> scores) {
}
