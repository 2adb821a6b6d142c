package se.lots.progression;

public enum EducationLevel {
    FORGYMNASIAL, GYMNASIAL, EFTERGYMNASIAL, OKAND
}
