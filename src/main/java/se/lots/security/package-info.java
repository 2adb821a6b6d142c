/** Who is asking: login (form, HTTP Basic, optional OIDC), roles, and the acting user as an {@link se.lots.security.Actor}. */
@org.springframework.modulith.ApplicationModule(displayName = "Security",
        allowedDependencies = { "organisation", "shared" })
package se.lots.security;
