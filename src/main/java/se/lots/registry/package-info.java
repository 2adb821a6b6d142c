/** The registry of young persons: identity, contact details, protected identity, search. */
@org.springframework.modulith.ApplicationModule(displayName = "Registry",
        allowedDependencies = { "audit", "consent", "privacy", "organisation", "reference", "security", "shared" })
package se.lots.registry;
