package se.lots.consent;

public enum ConsentPurpose {
    SIP, SAMORDNING, REMISS, UPPFOLJNING
}
