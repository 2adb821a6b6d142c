package se.lots.federation.programme;

/** A funder as typed: its kind, optionally an organisation (id) or a name, and its share in per cent. */
public record FunderInput(String kind, String organisationId, String name, String sharePercent) {
}
