/**
 * The förbund's reports: a programme's final report (slutrapport, seed 002) now; the annual plan and the annual report
 * join it. Public: {@link se.lots.federation.report.FinalReportService} and its value records.
 */
package se.lots.federation.report;
