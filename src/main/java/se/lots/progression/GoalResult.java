package se.lots.progression;

import java.math.BigDecimal;

import se.lots.shared.SmallCountSuppression.Cell;

/**
 * A goal measured for a period: {@code numerator} of {@code denominator} participants (for a count: the count; for
 * contacts: contacts over participants, the value per participant-week). For roles that may not see individuals the
 * counts are suppressed, and {@code value} and {@code met} are null when they would give a small count away.
 */
public record GoalResult(ProgrammeGoal goal, Cell numerator, Cell denominator, BigDecimal value, Boolean met) {

    public boolean valueHidden() {
        return value == null;
    }
}
