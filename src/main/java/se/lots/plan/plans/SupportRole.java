package se.lots.plan.plans;

public enum SupportRole {
    STODPERSON, PERSONLIGT_OMBUD, MENTOR, GOD_MAN, ANNAN
}
