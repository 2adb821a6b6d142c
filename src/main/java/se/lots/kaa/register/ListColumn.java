package se.lots.kaa.register;

import static se.lots.shared.imports.ImportColumn.Definition.optional;
import static se.lots.shared.imports.ImportColumn.Definition.required;

import se.lots.shared.imports.ImportColumn;

/**
 * The columns of a school's KAA list, as documented on the import page and in docs/kaa.md; their headers are
 * {@code kaa.import.header.*} in the message bundle. Headers are matched without regard to case, spaces, dashes,
 * underscores or å/ä/ö, and by a few common aliases.
 */
public enum ListColumn implements ImportColumn {
    PERSONNUMMER(required("pnr", "personnr", "personid")),
    FORNAMN(required("tilltalsnamn")),
    EFTERNAMN(required()),
    SITUATION(required("orsak", "registreringsorsak", "anledning")),
    KON(optional()),
    HEMKOMMUN(optional("folkbokforingskommun", "kommunkod", "kommun")),
    ADRESS(optional("gatuadress", "utdelningsadress")),
    POSTNUMMER(optional("postnr")),
    POSTORT(optional("ort")),
    TELEFON(optional("mobil", "telefonnummer", "mobilnummer")),
    EPOST(optional("mejl", "email", "epostadress")),
    SKYDDAD_IDENTITET(optional("skyddad", "sekretessmarkering")),
    SKOLA(optional("skolenhet")),
    SKOLKOMMUN(optional("skolanskommun")),
    PROGRAM(optional("gymnasieprogram")),
    AVGANGSDATUM(optional("datumavgang", "avgang", "slutdatum", "datumforavgang")),
    GRUNDSKOLA_SLUTFORD(optional("slutfortgrundskola", "grundskola"));

    private final Definition definition;

    ListColumn(Definition definition) {
        this.definition = definition;
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
