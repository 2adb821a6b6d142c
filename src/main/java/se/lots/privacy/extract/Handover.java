package se.lots.privacy.extract;

/** How the extract reached the person. */
public enum Handover {
    IN_PERSON, POST_TO_REGISTERED_ADDRESS, SKATTEVERKET_FORWARDING, EMAIL
}
