/**
 * Progression and follow-up: SUS-compatible registrations at the start and end of an enrolment (occupation, sources
 * of income, education, registered at AF), anonymous participants counted by gender, birth year and municipality
 * only, progression instruments kept as configuration with assessments over time, and step movements on a ladder.
 * Builds on the plan module's enrolments; the plan module knows nothing of it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Progression and follow-up")
package se.lots.progression;
