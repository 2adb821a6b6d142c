/**
 * The förbund and its members: the member organisations among the four Finsam parties with the day each joined (and
 * left), the municipalities the förbund covers, the contribution shares the law gives ({@link
 * se.lots.federation.member.ContributionPolicy}) and who acts for which förbund ({@link
 * se.lots.federation.member.MembershipService#requireOfficer}).
 */
@org.springframework.modulith.NamedInterface("member") // its service, for the demo
package se.lots.federation.member;
