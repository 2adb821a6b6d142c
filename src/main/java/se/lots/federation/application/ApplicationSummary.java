package se.lots.federation.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One line of the list of applications. */
public record ApplicationSummary(long id, String title, String applicantName, ApplicationKind kind,
        LocalDate periodFrom, LocalDate periodTo, BigDecimal budgetTotal, Instant submittedAt,
        ApplicationStatus status) {
}
