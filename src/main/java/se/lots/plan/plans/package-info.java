/** The plan module's {@code plans} feature; a named interface only for the demo, which works through its service. */
@org.springframework.modulith.NamedInterface("plans")
package se.lots.plan.plans;
