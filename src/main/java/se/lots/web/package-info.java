/** Web chrome: layout, language, start and login pages, and how errors reach users and API clients. */
@org.springframework.modulith.ApplicationModule(displayName = "Web",
        allowedDependencies = { "organisation", "security", "shared" })
package se.lots.web;
