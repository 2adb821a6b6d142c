/**
 * Insatskartan: the catalogue of interventions (insats, åtgärd, aktivitet, praktik, utbildning) and their providers
 * (utförare), each change versioned; faceted search for staff; a public read-only catalogue without personal data.
 * Read by every logged-in user; maintained by the administrator and the förbund, and by a programme lead for the
 * own organisation's interventions.
 * <p>
 * This package is what other modules use: {@code CatalogueService} and the values it takes and gives (needs,
 * providers, their input). The rest lives by feature: {@code catalogue} (interventions, providers, versions, the
 * search and its in-memory index, the xlsx import and export), {@code coverage} (the coverage map and the matching
 * behind "Hitta insats"), {@code find} ("Hitta insats" from a young person's plan) and {@code publiccatalogue}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intervention map",
        allowedDependencies = { "web :: start", "plan", "registry", "audit", "security", "organisation", "reference",
        "shared" })
package se.lots.intervention;
