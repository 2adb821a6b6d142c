/**
 * KAA — kommunalt aktivitetsansvar (skollagen 29 kap. 9 §): the municipality's register of 16–19-year-olds outside
 * upper secondary school, their status, outreach (contact attempts, letters, home visits), measures and the
 * half-year figures. Only what förordning (2006:39) 4 § allows is kept here.
 *
 * <p>Other modules use only this package: the school's list import ({@link se.lots.kaa.KaaImportService}) and what
 * it returns. The features are internal sub-packages: {@code register} (episodes, statuses, contact attempts, the
 * worklist, the list's columns), {@code letter}, {@code homevisit}, {@code earlywarning}, {@code figures} and
 * {@code measure}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "KAA & outreach",
        allowedDependencies = { "web :: start", "appointment", "privacy", "audit", "database", "organisation", "reference", "registry",
        "security", "shared" })
package se.lots.kaa;
