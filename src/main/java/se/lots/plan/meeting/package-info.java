/** The plan module's {@code meeting} feature; a named interface only for the demo, which works through its service. */
@org.springframework.modulith.NamedInterface("meeting")
package se.lots.plan.meeting;
