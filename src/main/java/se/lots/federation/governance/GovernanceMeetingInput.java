package se.lots.federation.governance;

/** A new meeting as the officer types it: body, date, start and (optionally) end time, place. */
public record GovernanceMeetingInput(String body, String heldOn, String startsAt, String endsAt, String place) {
}
