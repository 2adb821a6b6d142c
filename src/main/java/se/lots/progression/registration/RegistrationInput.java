package se.lots.progression.registration;

import java.util.List;

/** The start or end form as typed; checked by {@link RegistrationService}. {@code endedOn} only for anonymous SLUT. */
public record RegistrationInput(String measuredOn, String occupation, String workExtent, List<String> incomeSources,
        String educationLevel, Boolean registeredAtAf, Integer version, String endedOn) {
}
