/**
 * Individuell plan och samordning: enrolments in programmes, one parallel plan per young person whose steps are
 * owned by organisations, SIP and other multi-party meetings, referrals (remiss) and the journey timeline. Another
 * organisation sees the shared plan only through the young person's consent (scope PLAN); a confidential step stays
 * with its organisation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plan and coordination")
package se.lots.plan;
