package se.lots.progression;

/**
 * The indicators a programme goal can be set on, each computed from Lots' own data for a period. A share is in per
 * cent of its denominator; {@link #PARTICIPANTS} is a count; {@link #CONTACTS_PER_WEEK} contacts (journey events of
 * kind KONTAKT by the programme's organisation) per participant-week, Lots' stand-in for coaching sessions;
 * {@link #GROUP_ACTIVITIES_PER_WEEK} the group activities taken part in (journey events GRUPPAKTIVITET) likewise.
 */
public enum GoalIndicator {
    DISCHARGED_WITH_PLAN(true),
    PLAN_WITHIN_MONTHS(true),
    PARTICIPANTS(false),
    DISCHARGED_TO_WORK_OR_STUDIES(true),
    CONTACTS_PER_WEEK(false),
    GROUP_ACTIVITIES_PER_WEEK(false);

    private final boolean share;

    GoalIndicator(boolean share) {
        this.share = share;
    }

    public boolean share() {
        return share;
    }

    /** Journey events per participant-week: its numerator an amount, its denominator the participant-days / 7. */
    public boolean perWeek() {
        return this == CONTACTS_PER_WEEK || this == GROUP_ACTIVITIES_PER_WEEK;
    }
}
