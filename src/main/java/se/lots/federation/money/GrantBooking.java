package se.lots.federation.money;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.lots.federation.GrantDecided;

/**
 * Books the board's grant as it is decided: a plain listener, in the deciding transaction, so that a grant that cannot
 * be booked rolls the decision back. The same decision and year again books nothing.
 */
@Component
class GrantBooking {

    private final MoneyEntries entries;

    GrantBooking(MoneyEntries entries) {
        this.entries = entries;
    }

    @EventListener
    void on(GrantDecided grant) {
        if (grant.amount() == null || grant.amount().signum() < 0 || grant.year() < MoneyService.FIRST_YEAR
                || grant.year() > 2100) {
            throw new IllegalArgumentException("a grant needs an amount of at least 0 and a budget year: " + grant);
        }
        if (grant.programmeId() != null) {
            var programme = entries.programme(grant.programmeId());
            if (programme.isEmpty() || programme.get().federationId() != grant.federationId()) {
                throw new IllegalStateException("programme " + grant.programmeId() + " is not one of förbund "
                        + grant.federationId() + "'s programmes");
            }
        }
        entries.bookGrant(grant.federationId(), grant.decisionId(), grant.applicationId(), grant.programmeId(),
                grant.year(), grant.amount(), grant.decidedOn());
    }
}
