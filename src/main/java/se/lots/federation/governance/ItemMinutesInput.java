package se.lots.federation.governance;

/** An item's minutes and the body's statement on it (a council's handling: "Utvecklingsrådet stödjer förslaget"). */
public record ItemMinutesInput(String statement, String minutes, Integer version) {
}
