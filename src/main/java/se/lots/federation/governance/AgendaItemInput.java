package se.lots.federation.governance;

/** An agenda item added last: its heading, and the application or Finsam programme it concerns, if any. */
public record AgendaItemInput(String heading, String applicationId, String programmeId, Integer version) {
}
