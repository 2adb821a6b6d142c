package se.lots.kaa.earlywarning;

import static se.lots.shared.imports.ImportColumn.Definition.optional;
import static se.lots.shared.imports.ImportColumn.Definition.required;

import se.lots.shared.imports.ImportColumn;

/**
 * The columns of a school's absence report, as documented on the import page and in docs/kaa.md; their headers are
 * {@code kaa.ew.import.header.*} in the message bundle. Matched like the KAA list's: case, spaces, dashes,
 * underscores, % and å/ä/ö do not matter. The period is either {@code period} (a month) or {@code från} and
 * {@code till}; names are needed only for a student Lots does not know.
 */
public enum SignalColumn implements ImportColumn {
    PERSONNUMMER(required("pnr", "personnr", "personid")),
    FORNAMN(optional("tilltalsnamn")),
    EFTERNAMN(optional()),
    SKOLA(required("skolenhet", "skolansnamn")),
    SKOLKOMMUN(required("skolkommun", "skolkommunkod", "skolanskommunkod")),
    PROGRAM(optional("gymnasieprogram")),
    PERIOD(optional("manad")),
    FRAN(optional("frandatum", "fom", "franochmed")),
    TILL(optional("tilldatum", "tom", "tillochmed")),
    FRANVARO(required("franvaroprocent", "franvaroandel", "procentfranvaro")),
    RISK(optional("avbrottsrisk", "risk")),
    SKYDDAD_IDENTITET(optional("skyddad", "sekretessmarkering")),
    HEMKOMMUN(optional("folkbokforingskommun"));

    private final Definition definition;

    SignalColumn(Definition definition) {
        this.definition = definition;
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
