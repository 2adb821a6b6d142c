package se.lots.kaa.register;

public enum ContactOutcome {
    NADD, EJ_NADD, FEL_UPPGIFT, AVBOJER, LAMNAT_MEDDELANDE
}
