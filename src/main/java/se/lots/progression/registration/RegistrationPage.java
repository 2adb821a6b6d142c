package se.lots.progression.registration;

import se.lots.plan.Enrolment;

/**
 * One participant's follow-up as the page shows it. {@code enrolment} is null for an anonymous participant;
 * {@code registeredAnonymously} says the enrolment's registrations live with an anonymous participant, not here.
 */
public record RegistrationPage(Enrolment enrolment, Participation participation, String personName,
        boolean registeredAnonymously, Registration start, Registration end, boolean writes) {
}
