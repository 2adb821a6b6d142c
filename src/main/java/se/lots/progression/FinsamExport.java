package se.lots.progression;

import java.time.LocalDate;
import java.util.List;

import se.lots.plan.Programme;

/**
 * What the förbund hands in to Uppföljning Finsam for a fixed period: per programme the participants, the new and the
 * discharged by gender and age band, and the discharged's occupation and income sources at start and end, suppressed
 * as the programme's report is ({@link Publication}).
 */
public record FinsamExport(FixedPeriod period, List<ProgrammeTables> programmes) {

    public record ProgrammeTables(Programme programme, List<ReportTable> tables) {
    }

    /**
     * One participant's start and end registrations, for the programme lead: {@code name} null when followed up
     * anonymously; {@code band} 0–3 for 16–19, 20–24, 25–29 and any other age; codes as the registrations hold them.
     */
    public record Participant(String name, String gender, int band, LocalDate startedOn, LocalDate endedOn,
            String endReason, boolean registered, boolean discharged, String startOccupation,
            List<String> startIncomes, String endOccupation, List<String> endIncomes) {
    }
}
