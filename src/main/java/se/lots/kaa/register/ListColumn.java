package se.lots.kaa.register;

import java.util.List;
import java.util.Optional;

import se.lots.shared.TabularFile;

/**
 * The columns of a school's KAA list, as documented on the import page and in docs/kaa.md. Headers are matched
 * without regard to case, spaces, dashes, underscores or å/ä/ö, and by a few common aliases.
 */
public enum ListColumn {
    PERSONNUMMER(true, "personnummer", "pnr", "personnr", "personid"),
    FORNAMN(true, "fornamn", "tilltalsnamn"),
    EFTERNAMN(true, "efternamn"),
    SITUATION(true, "situation", "orsak", "registreringsorsak", "anledning"),
    KON(false, "kon"),
    HEMKOMMUN(false, "hemkommun", "folkbokforingskommun", "kommunkod", "kommun"),
    ADRESS(false, "adress", "gatuadress", "utdelningsadress"),
    POSTNUMMER(false, "postnummer", "postnr"),
    POSTORT(false, "postort", "ort"),
    TELEFON(false, "telefon", "mobil", "telefonnummer", "mobilnummer"),
    EPOST(false, "epost", "mejl", "email", "epostadress"),
    SKYDDAD_IDENTITET(false, "skyddadidentitet", "skyddad", "sekretessmarkering"),
    SKOLA(false, "skola", "skolenhet"),
    SKOLKOMMUN(false, "skolkommun", "skolanskommun"),
    PROGRAM(false, "program", "gymnasieprogram"),
    AVGANGSDATUM(false, "avgangsdatum", "datumavgang", "avgang", "slutdatum", "datumforavgang"),
    GRUNDSKOLA_SLUTFORD(false, "grundskolaslutford", "slutfortgrundskola", "grundskola");

    private final boolean required;
    private final List<String> names;

    ListColumn(boolean required, String... names) {
        this.required = required;
        this.names = List.of(names);
    }

    public boolean required() {
        return required;
    }

    /** The name to write in a file: the first alias, with its Swedish letters, as the docs show it. */
    public String header() {
        return switch (this) {
            case FORNAMN -> "förnamn";
            case KON -> "kön";
            case AVGANGSDATUM -> "avgångsdatum";
            case GRUNDSKOLA_SLUTFORD -> "grundskola_slutförd";
            case SKYDDAD_IDENTITET -> "skyddad_identitet";
            default -> names.get(0);
        };
    }

    public static Optional<ListColumn> of(String header) {
        String n = TabularFile.normalisedHeader(header);
        for (ListColumn c : values()) {
            if (c.names.contains(n)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
