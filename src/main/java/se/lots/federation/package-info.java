/**
 * Samordningsförbund: the förbund's whole year. Its members among the four Finsam parties and the area it covers, its
 * programmes as Finsam sees them (parties, target group, funders and shares), applications, proposals and the board's
 * decisions, governance meetings with agendas and minutes, money (budgets, grants, payments, use), the annual plan and
 * report and a programme's final report. The root holds what other modules and the module's own features share: the
 * Finsam rule ({@link se.lots.federation.FinsamPartiesPolicy}) and the events; the features live in sub-packages.
 * Builds on the plan module's programmes and the organisation module's organisations, read through their services and
 * published views; figures about participants come from the progression module's reports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Samordningsförbund",
        allowedDependencies = { "web :: start", "plan", "progression", "audit", "security", "organisation", "reference",
        "shared" })
package se.lots.federation;
