/**
 * Insatskartan: the catalogue of interventions (insats, åtgärd, aktivitet, praktik, utbildning) and their providers
 * (utförare), each change versioned; faceted search for staff; a public read-only catalogue without personal data.
 * Read by every logged-in user; maintained by the administrator and the förbund, and by a programme lead for the
 * own organisation's interventions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intervention map")
package se.lots.intervention;
