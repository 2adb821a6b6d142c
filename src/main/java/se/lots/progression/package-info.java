/**
 * Progression and follow-up: SUS-compatible registrations at the start and end of an enrolment (occupation, sources
 * of income, education, registered at AF), anonymous participations counted by gender, birth year and municipality
 * only, progression instruments kept as configuration with assessments over time, step movements on a ladder,
 * programme goals and the funder's report. The root holds what is called from outside the module: the funder's report
 * ({@link se.lots.progression.FunderReportService}) and its value types; the features live in {@code registration},
 * {@code instrument}, {@code ladder}, {@code report} and
 * {@code start} (the start page's panel of enrolments without a start registration). Builds on the plan module's enrolments, which it reads
 * through the plan module's service and published views; its follow-up units follow plan's and the registry's events
 * ({@code report.FollowUpUnitEvents}, in the writing transaction).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Progression and follow-up",
        allowedDependencies = { "web :: start", "plan", "privacy", "registry", "audit", "security", "organisation", "reference",
        "shared" })
package se.lots.progression;
