/** Samtycke and nödåtkomst: who may see a young person's record outside the organisation that holds it. */
@org.springframework.modulith.ApplicationModule(displayName = "Consent and access",
        allowedDependencies = { "web :: start", "audit", "privacy", "organisation", "security", "shared" })
package se.lots.consent;
