package se.lots.federation.member;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.lots.organisation.OrganisationId;
import se.lots.organisation.PartyType;
import se.lots.reference.Municipality;

/**
 * A förbund as its members page shows it: its members (current and former, by party), the municipalities it covers,
 * the contribution shares of the law (per cent, {@link ContributionPolicy}) and the parties 3 § requires that no
 * current member is.
 */
public record Federation(OrganisationId id, String name, List<Member> members, List<Municipality> area,
        Map<PartyType, BigDecimal> contributionShares, Set<PartyType> missingParties) {
}
