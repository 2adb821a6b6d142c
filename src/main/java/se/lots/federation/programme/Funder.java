package se.lots.federation.programme;

import java.math.BigDecimal;

import se.lots.organisation.OrganisationId;

/** One funder of a programme and its share in per cent; an organisation of Lots, or a name (state grants, ESF). */
public record Funder(FunderKind kind, OrganisationId organisationId, String name, BigDecimal sharePercent) {
}
