/** Organisations (the Finsam parties, schools, civil society, the förbund), their units and users. */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations and users",
        allowedDependencies = { "reference", "shared" })
package se.lots.organisation;
