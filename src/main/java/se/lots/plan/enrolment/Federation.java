package se.lots.plan.enrolment;

/** A samordningsförbund (Finsam), as a choice for who funds a programme. */
public record Federation(long id, String name) {
}
