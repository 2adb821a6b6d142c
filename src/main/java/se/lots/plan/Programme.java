package se.lots.plan;

/** A programme (insats) of an organisation; {@code fundedBy} the samordningsförbund that funds it, if any. */
public record Programme(long id, long organisationId, String organisationName, String name, boolean active,
        Long fundedBy, String fundedByName) {
}
