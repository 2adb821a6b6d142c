/**
 * SUS registrations at start and end, the participations they belong to (an enrolment's, or an anonymous one), the
 * SUS categories, who sees a participation ({@code ProgressionAccess}), and the follow-up pages of a programme's
 * participants.
 */
@org.springframework.modulith.NamedInterface("registration") // its services, for the demo
package se.lots.progression.registration;
