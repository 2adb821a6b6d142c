package se.lots.federation.money;

import se.lots.security.Actor;
import se.lots.shared.imports.Importer;

/** The förbund officer importing the programmes' use: the förbund's files are the förbund's. */
record MoneyImporter(Actor actor, long federationId) implements Importer {

    @Override
    public long userId() {
        return actor.userId();
    }

    @Override
    public Long organisationId() {
        return federationId;
    }
}
