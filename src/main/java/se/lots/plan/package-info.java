/**
 * Individuell plan och samordning: enrolments in programmes, one parallel plan per young person whose steps are
 * owned by organisations, SIP and other multi-party meetings, referrals (remiss) and the journey timeline. Another
 * organisation sees the shared plan only through the young person's consent (scope PLAN); a confidential step stays
 * with its organisation.
 * <p>
 * This package is what other modules use: {@code EnrolmentService}, {@code PlanService}, {@code ReferralService},
 * {@code PlanAccess} and the values they pass. The rest lives by feature: {@code enrolment}, {@code plans} (the plan
 * page: tracks, steps, support persons, reviews, "Din plan"), {@code meeting}, {@code referral}, {@code journey} and
 * {@code worklist} (Mina ärenden and the case worker's start panel).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plan and coordination",
        allowedDependencies = { "web :: start", "appointment", "privacy", "registry", "consent", "audit", "security", "organisation", "shared" })
package se.lots.plan;
