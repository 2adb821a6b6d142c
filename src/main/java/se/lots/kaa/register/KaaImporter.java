package se.lots.kaa.register;

import se.lots.organisation.Organisation;
import se.lots.security.Actor;
import se.lots.shared.imports.Importer;

/** A KAA coordinator importing into the municipality's register (the list, the schools' signals). */
public record KaaImporter(Actor actor, Organisation municipality) implements Importer {

    @Override
    public long userId() {
        return actor.userId();
    }

    @Override
    public Long organisationId() {
        return actor.organisationId();
    }
}
