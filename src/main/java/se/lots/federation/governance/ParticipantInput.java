package se.lots.federation.governance;

/** A participant: name, organisation (a member of the förbund or the förbund itself), role, present or absent. */
public record ParticipantInput(String name, String organisationId, String role, Boolean present, Integer version) {
}
