package se.lots.intervention.catalogue;

import se.lots.security.Actor;
import se.lots.shared.imports.Importer;

/** The administrator or the förbund importing the catalogue, which is everyone's: its files are no organisation's. */
record CatalogueImporter(Actor actor) implements Importer {

    @Override
    public long userId() {
        return actor.userId();
    }

    @Override
    public Long organisationId() {
        return null;
    }
}
