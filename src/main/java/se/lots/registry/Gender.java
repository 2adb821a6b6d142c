package se.lots.registry;

/** SUS has only two; the seeds ask for a third option and for the right not to answer. */
public enum Gender {
    KVINNA, MAN, ANNAT, VILL_EJ_UPPGE
}
