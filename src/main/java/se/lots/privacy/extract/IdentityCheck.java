package se.lots.privacy.extract;

/**
 * How the requester's identity was made sure of (GDPR art. 12.6): an identity document shown in person, BankID, known
 * to the staff from before, or (an ombud) the power of attorney with the ombud's own identity checked.
 */
public enum IdentityCheck {
    ID_DOCUMENT, BANKID, KNOWN_BEFORE, POWER_OF_ATTORNEY
}
