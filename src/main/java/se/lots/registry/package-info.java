/** The registry of young persons: identity, contact details, protected identity, search. */
@org.springframework.modulith.ApplicationModule(displayName = "Registry")
package se.lots.registry;
