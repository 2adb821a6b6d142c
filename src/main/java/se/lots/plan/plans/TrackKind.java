package se.lots.plan.plans;

/** The parallel tracks of a plan: work, education, health, everyday life, and tracks of the plan's own. */
public enum TrackKind {
    ARBETE, UTBILDNING, HALSA, VARDAG, EGET;

    static final TrackKind[] STANDARD = { ARBETE, UTBILDNING, HALSA, VARDAG };
}
