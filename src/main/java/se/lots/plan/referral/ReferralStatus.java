package se.lots.plan.referral;

import java.util.EnumSet;
import java.util.Set;

/** Where a remiss stands. The receiving organisation moves it forward; the sending one may withdraw it. */
public enum ReferralStatus {
    SKICKAD, MOTTAGEN, ACCEPTERAD, AVBOJD, PABORJAD, AVSLUTAD, ATERKALLAD;

    /** The states this one may become. */
    public Set<ReferralStatus> next() {
        return switch (this) {
            case SKICKAD -> EnumSet.of(MOTTAGEN, ATERKALLAD);
            case MOTTAGEN -> EnumSet.of(ACCEPTERAD, AVBOJD, ATERKALLAD);
            case ACCEPTERAD -> EnumSet.of(PABORJAD, ATERKALLAD);
            case PABORJAD -> EnumSet.of(AVSLUTAD);
            case AVBOJD, AVSLUTAD, ATERKALLAD -> EnumSet.noneOf(ReferralStatus.class);
        };
    }

    public boolean canBecome(ReferralStatus to) {
        return next().contains(to);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    /** Still waiting for the receiver or under way. */
    public boolean open() {
        return !isFinal();
    }

    /** ÅTERKALLAD is the sender's move; every other change is the receiver's. */
    public boolean bySender() {
        return this == ATERKALLAD;
    }

    /** A move that works further on the young person's case (not declining, closing or withdrawing it). */
    public boolean takesForward() {
        return this == MOTTAGEN || this == ACCEPTERAD || this == PABORJAD;
    }

    public boolean needsReason() {
        return this == AVBOJD || this == ATERKALLAD;
    }

    public String messageKey() {
        return "referral.status." + name();
    }
}
