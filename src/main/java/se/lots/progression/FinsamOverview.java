package se.lots.progression;

import java.time.LocalDate;
import java.util.List;

import se.lots.plan.Programme;

/**
 * Uppföljning Finsam over every programme for a period: the programmes in the order of the tables' rows, and one
 * suppressed table per measure (participants in the period, new, discharged), programmes by gender.
 */
public record FinsamOverview(LocalDate from, LocalDate to, List<Programme> programmes, List<ReportTable> tables) {
}
