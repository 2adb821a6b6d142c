/**
 * The programme as Finsam sees it: the plan module's programme (name, owner organisation, enrolments) with the facts a
 * förbund keeps (diarienummer, purpose, target group, method, period, participating parties, contact, funders and
 * their shares), held to the Finsam rule ({@link se.lots.federation.FinsamPartiesPolicy}); and the förbund's overview.
 */
@org.springframework.modulith.NamedInterface("programme") // its service, for the demo
package se.lots.federation.programme;
