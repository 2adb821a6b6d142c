/** First start: the admin account and the demo förbund area (Svalöv) with users of every role and 200 young persons. */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data",
        allowedDependencies = { "consent", "intervention", "kaa", "organisation", "plan", "registry", "security",
            "shared" })
package se.lots.demo;
