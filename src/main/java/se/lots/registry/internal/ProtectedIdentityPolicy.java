package se.lots.registry.internal;

import java.util.EnumSet;
import java.util.Set;

import se.lots.organisation.Role;
import se.lots.registry.YoungPerson;
import se.lots.security.Actor;

/**
 * Who may set or lift a person's protected identity (skyddad folkbokföring, folkbokföringslagen 16 §, or a
 * sekretessmarkering, OSL 22 kap. 1 §): Skatteverket decides, Lots records what Skatteverket has decided. Only the
 * holding organisation changes the flag. Setting it protects the person, so anyone there who works with the person
 * may; lifting it shows the address again, so only those who answer for the organisation's handling of the person
 * (the KAA coordinator, the programme lead) may. docs/security.md says why.
 */
public final class ProtectedIdentityPolicy {

    /** As long as an emergency access's reason: a reason the auditor can follow up, not a word. */
    public static final int MIN_REASON_LENGTH = 10;

    private static final Set<Role> SET = EnumSet.of(Role.KAA_COORDINATOR, Role.CASE_WORKER, Role.PROGRAMME_LEAD);
    private static final Set<Role> LIFT = EnumSet.of(Role.KAA_COORDINATOR, Role.PROGRAMME_LEAD);

    private ProtectedIdentityPolicy() {
    }

    public static boolean maySet(Actor actor, YoungPerson person) {
        return holds(actor, person) && SET.contains(actor.role());
    }

    public static boolean mayLift(Actor actor, YoungPerson person) {
        return holds(actor, person) && LIFT.contains(actor.role());
    }

    /** The change to the opposite of what the person has now. */
    public static boolean mayChange(Actor actor, YoungPerson person) {
        return person.protectedIdentity() ? mayLift(actor, person) : maySet(actor, person);
    }

    public static boolean isReason(String reason) {
        return reason != null && reason.strip().length() >= MIN_REASON_LENGTH;
    }

    private static boolean holds(Actor actor, YoungPerson person) {
        return person.ownerOrganisationId().equals(actor.organisationId());
    }
}
