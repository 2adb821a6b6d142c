package se.lots.privacy.extract;

import java.util.EnumSet;
import java.util.Set;

// Skyddad folkbokföring (folkbokföringslagen 16 §): the person's address is not known to Lots, and must not be
// looked for; post reaches them only through Skatteverket's forwarding (förmedling), or they fetch it in person.
// E-mail is not used for them either: an address or a provider can give away where they are.
/** The ways an extract may be handed over to a person, by whether their identity is protected. */
public final class HandoverPolicy {

    private HandoverPolicy() {
    }

    public static Set<Handover> allowed(boolean protectedIdentity) {
        return protectedIdentity ? EnumSet.of(Handover.IN_PERSON, Handover.SKATTEVERKET_FORWARDING)
                : EnumSet.of(Handover.IN_PERSON, Handover.POST_TO_REGISTERED_ADDRESS, Handover.EMAIL);
    }

    public static boolean allows(boolean protectedIdentity, Handover way) {
        return allowed(protectedIdentity).contains(way);
    }
}
