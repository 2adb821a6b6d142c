package se.lots.privacy.erasure;

/** What Lots decided on a request for erasure. */
public enum ErasureOutcome {
    /** The organisation's records of the person were removed (and the person too, where nobody else held them). */
    ERASED,
    /** The organisation is an authority: its records are allmänna handlingar, kept under their retention rule. */
    REFUSED_AUTHORITY,
    /** A register must keep what it holds (e.g. an open KAA episode): refused with that register's reason. */
    REFUSED_MUST_KEEP
}
