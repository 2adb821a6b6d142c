package se.lots.progression;

/** A goal as typed in the form, as text so that each wrong field gets its own Swedish message. */
public record GoalInput(String indicator, String ageFrom, String ageTo, String withinMonths, String target) {
}
