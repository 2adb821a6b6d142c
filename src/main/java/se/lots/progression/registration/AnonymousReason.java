package se.lots.progression.registration;

/** Why a participant is counted without a person: no consent to registration, protected identity, or a gender SUS lacks. */
public enum AnonymousReason {
    INGET_SAMTYCKE, SKYDDAD_IDENTITET, KON_EJ_I_SUS
}
