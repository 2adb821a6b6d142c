package se.lots.progression.registration;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.lots.plan.Programme;
import se.lots.progression.instrument.AssessmentSeries;
import se.lots.progression.instrument.ReliableChangePolicy;

/** A programme's participants with their registrations and where their assessments have got to. */
public record ProgrammeFollowUp(Programme programme, List<Row> rows) {

    /** One participant; {@code enrolmentId} null for an anonymous one, {@code participationId} null before any record. */
    public record Row(UUID enrolmentId, UUID participationId, String name, LocalDate startedOn, LocalDate endedOn,
            boolean anonymous, boolean registeredAnonymously, boolean hasStart, boolean hasEnd,
            List<AssessmentSeries> series) {

        /**
         * Whether the row's page opens for the reader: an anonymous participant (the programme's organisation's own),
         * or a person whose name the registry showed; a person held by another line of work (OSL 8 kap. 2 §) is
         * listed without a name and without a link.
         */
        public boolean openable() {
            return anonymous || name != null;
        }

        public boolean has(ReliableChangePolicy.Trend trend) {
            return series.stream().anyMatch(s -> s.progress() != null && s.progress().trend() == trend);
        }
    }

    public List<Row> with(ReliableChangePolicy.Trend trend) {
        return rows.stream().filter(r -> r.has(trend)).toList();
    }
}
