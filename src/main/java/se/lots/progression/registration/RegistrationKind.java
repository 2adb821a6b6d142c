package se.lots.progression.registration;

/** The two SUS measurement points: at enrolment and at discharge. */
public enum RegistrationKind {
    START, SLUT
}
