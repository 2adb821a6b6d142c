package se.lots.privacy.extract;

import java.util.EnumSet;
import java.util.Set;

import se.lots.organisation.Role;

/**
 * Who does what in a register extract, within the organisation that holds the person's record: every role that works
 * with young persons receives a request and prepares the extract; the secrecy review, an extension, a refusal and the
 * handover are decisions of the authority, taken by the KAA coordinator or the programme lead.
 */
public final class ExtractRoles {

    private static final Set<Role> DECIDE = EnumSet.of(Role.KAA_COORDINATOR, Role.PROGRAMME_LEAD);

    private ExtractRoles() {
    }

    public static boolean mayPrepare(Role role) {
        return role.readsPersonalData();
    }

    public static boolean mayDecide(Role role) {
        return DECIDE.contains(role);
    }
}
