package se.lots.registry;

import se.lots.audit.AccessBasis;

/** A person as read by a user, with the basis (own organisation, consent, emergency) that allowed the read. */
public record PersonRead(YoungPerson person, AccessBasis basis) {
}
