package se.lots.plan;

public enum SupportRole {
    STODPERSON, PERSONLIGT_OMBUD, MENTOR, GOD_MAN, ANNAN
}
