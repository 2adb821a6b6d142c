package se.lots.federation.member;

/** A new member as the officer types it: the organisation's id, the day it joined (ÅÅÅÅ-MM-DD), optionally left. */
public record MemberInput(String organisationId, String joinedOn, String leftOn) {
}
