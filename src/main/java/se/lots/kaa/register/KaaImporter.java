package se.lots.kaa.register;

import org.springframework.security.access.AccessDeniedException;

import se.lots.organisation.Organisation;
import se.lots.organisation.Organisations;
import se.lots.organisation.Role;
import se.lots.security.Actor;
import se.lots.shared.imports.Importer;
import se.lots.shared.imports.Refusals;

/** A KAA coordinator importing into the municipality's register (the list, the schools' signals). */
public record KaaImporter(Actor actor, Organisation municipality) implements Importer {

    /** How the register's imports say no, on their pages alike. */
    public static final Refusals REFUSALS = new Refusals("kaa.import", "kaa.import.changedSincePreview",
            "kaa.import.alreadyDecided");

    /** Only the KAA coordinator imports into the register, and only a municipality has one. */
    public static KaaImporter of(Actor actor, Organisations organisations) {
        if (actor.role() != Role.KAA_COORDINATOR) {
            throw new AccessDeniedException("only the KAA coordinator imports into the register");
        }
        return new KaaImporter(actor, KaaAccess.municipalityOf(actor, organisations));
    }

    @Override
    public long userId() {
        return actor.userId();
    }

    @Override
    public Long organisationId() {
        return actor.organisationId().value();
    }
}
