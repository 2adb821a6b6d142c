package se.lots.kaa.register;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * skollagen 29 kap. 9 §: the municipality's activity responsibility covers young people registered in the
 * municipality who have completed compulsory school, are under 20, and neither attend nor have completed a national
 * programme in gymnasieskolan / anpassad gymnasieskolan or equivalent. Since 1 July 2018 (SFS 2018:608) students on
 * an introduktionsprogram are not in the target group. A studiebevis is not a completion; an examensbevis is.
 */
public final class KaaTargetGroupPolicy {

    /**
     * What the policy needs to know. {@code birthDate} is the latest the person can have been born: for a
     * samordningsnummer with day or month 00, the last day of that month or year, so that nobody is dropped before
     * they are really 20 ({@link se.lots.registry.PersonalIdentityNumber#latestPossibleBirthDate()}).
     */
    public record Candidate(LocalDate birthDate, boolean registeredInMunicipality,
            boolean completedCompulsorySchool, SchoolSituation situation) {
    }

    public enum Outcome {
        IN_TARGET_GROUP, NOT_REGISTERED_IN_MUNICIPALITY, COMPULSORY_SCHOOL_NOT_COMPLETED, TWENTY_OR_OLDER,
        ATTENDS_NATIONAL_PROGRAMME, ATTENDS_INTRODUCTION_PROGRAMME, COMPLETED_UPPER_SECONDARY
    }

    private KaaTargetGroupPolicy() {
    }

    public static Outcome decide(Candidate c, LocalDate today) {
        if (!c.registeredInMunicipality()) {
            return Outcome.NOT_REGISTERED_IN_MUNICIPALITY;
        }
        if (!c.completedCompulsorySchool()) {
            return Outcome.COMPULSORY_SCHOOL_NOT_COMPLETED;
        }
        if (!today.isBefore(twentiethBirthday(c.birthDate()))) {
            return Outcome.TWENTY_OR_OLDER;
        }
        return switch (c.situation()) {
            case ATTENDS_NATIONAL_PROGRAMME -> Outcome.ATTENDS_NATIONAL_PROGRAMME;
            case ATTENDS_INTRODUCTION_PROGRAMME -> Outcome.ATTENDS_INTRODUCTION_PROGRAMME;
            case COMPLETED_WITH_DIPLOMA -> Outcome.COMPLETED_UPPER_SECONDARY;
            default -> Outcome.IN_TARGET_GROUP;
        };
    }

    /**
     * The day the person leaves the target group by age. Someone born on 29 February is taken to turn 20 on
     * 1 March when the twentieth year is not a leap year (it always is, except for those born in 2080).
     */
    public static LocalDate twentiethBirthday(LocalDate birthDate) {
        int year = birthDate.getYear() + 20;
        if (birthDate.getMonth() == Month.FEBRUARY && birthDate.getDayOfMonth() == 29 && !Year.isLeap(year)) {
            return LocalDate.of(year, Month.MARCH, 1);
        }
        return birthDate.withYear(year);
    }
}
