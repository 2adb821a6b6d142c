/** The plan module's {@code referral} feature; a named interface only for the demo, which works through its service. */
@org.springframework.modulith.NamedInterface("referral")
package se.lots.plan.referral;
