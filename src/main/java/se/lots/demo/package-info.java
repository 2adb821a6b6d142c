/**
 * First start: the admin account and the demo förbund area (Svalöv) with users of every role, 200 young persons and
 * a year of their municipality's work drawn from a seed ({@code lots.demo.seed}), played through the modules' own
 * services (docs/demo.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data",
        allowedDependencies = { "appointment", "consent", "federation :: member",
            "federation :: programme", "intervention", "kaa", "kaa :: register", "kaa :: letter",
            "kaa :: homevisit", "kaa :: measure", "organisation", "plan", "plan :: plans", "plan :: meeting",
            "plan :: referral", "progression", "progression :: registration", "registry", "security", "shared" })
package se.lots.demo;
