package se.lots.plan;

public record Programme(long id, long organisationId, String organisationName, String name, boolean active) {
}
