package se.lots.privacy.extract;

/** Who asked: the young person, a guardian of a 16–17-year-old, or an ombud with a power of attorney. */
public enum Requester {
    PERSON, GUARDIAN, REPRESENTATIVE
}
