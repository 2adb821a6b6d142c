package se.lots.kaa.register;

public enum ContactChannel {
    BREV, SMS, TELEFON, E_POST, HEMBESOK, VIA_SKOLA, VIA_ANNAN_AKTOR, DIGITALT_MOTE
}
