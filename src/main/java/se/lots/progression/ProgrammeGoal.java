package se.lots.progression;

import java.math.BigDecimal;

/** A goal of a programme: an indicator, its parameters (only {@code PLAN_WITHIN_MONTHS} has any) and a target. */
public record ProgrammeGoal(long id, long programmeId, GoalIndicator indicator, Integer ageFrom, Integer ageTo,
        Integer withinMonths, BigDecimal target) {
}
