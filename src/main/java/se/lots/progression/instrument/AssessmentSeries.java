package se.lots.progression.instrument;

import java.util.List;

/** One instrument rated by one rater over time for a participant, with where it has got to. */
public record AssessmentSeries(Instrument instrument, Rater rater, List<Assessment> assessments,
        ReliableChangePolicy.Progress progress) {
}
