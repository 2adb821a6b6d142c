/** Progression instruments kept as configuration, assessments over time, reliable change and the progress chart. */
package se.lots.progression.instrument;
