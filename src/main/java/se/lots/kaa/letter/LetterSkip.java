package se.lots.kaa.letter;

/** Why a chosen person gets no letter in a batch. */
public enum LetterSkip {
    /** Skyddad folkbokföring: post goes through Skatteverket, never with an address from Lots. */
    PROTECTED_IDENTITY,
    NO_ADDRESS,
    /** The episode was closed after the person was chosen. */
    NOT_IN_REGISTER
}
