package se.lots.progression.registration;

public enum EducationLevel {
    FORGYMNASIAL, GYMNASIAL, EFTERGYMNASIAL, OKAND
}
