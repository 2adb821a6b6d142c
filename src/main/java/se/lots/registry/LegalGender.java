package se.lots.registry;

public enum LegalGender {
    FEMALE,
    MALE
}
