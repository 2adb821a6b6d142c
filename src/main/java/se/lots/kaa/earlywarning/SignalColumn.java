package se.lots.kaa.earlywarning;

import java.util.List;
import java.util.Optional;

import se.lots.kaa.register.ListColumn;
import se.lots.shared.TabularFile;

/**
 * The columns of a school's absence report, as documented on the import page and in docs/kaa.md. Matched like
 * {@link ListColumn}: case, spaces, dashes, underscores, % and å/ä/ö do not matter. The period is either
 * {@code period} (a month) or {@code från} and {@code till}; names are needed only for a student Lots does not know.
 */
public enum SignalColumn {
    PERSONNUMMER(true, "personnummer", "pnr", "personnr", "personid"),
    FORNAMN(false, "fornamn", "tilltalsnamn"),
    EFTERNAMN(false, "efternamn"),
    SKOLA(true, "skola", "skolenhet", "skolansnamn"),
    SKOLKOMMUN(true, "skolanskommun", "skolkommun", "skolkommunkod", "skolanskommunkod"),
    PROGRAM(false, "program", "gymnasieprogram"),
    PERIOD(false, "period", "manad"),
    FRAN(false, "fran", "frandatum", "fom", "franochmed"),
    TILL(false, "till", "tilldatum", "tom", "tillochmed"),
    FRANVARO(true, "franvaro", "franvaroprocent", "franvaroandel", "procentfranvaro"),
    RISK(false, "riskforavbrott", "avbrottsrisk", "risk"),
    SKYDDAD_IDENTITET(false, "skyddadidentitet", "skyddad", "sekretessmarkering"),
    HEMKOMMUN(false, "hemkommun", "folkbokforingskommun");

    private final boolean required;
    private final List<String> names;

    SignalColumn(boolean required, String... names) {
        this.required = required;
        this.names = List.of(names);
    }

    public boolean required() {
        return required;
    }

    /** The name to write in a file, with its Swedish letters, as the docs show it. */
    public String header() {
        return switch (this) {
            case FORNAMN -> "förnamn";
            case SKOLKOMMUN -> "skolans kommun";
            case FRAN -> "från";
            case FRANVARO -> "frånvaro %";
            case RISK -> "risk för avbrott";
            case SKYDDAD_IDENTITET -> "skyddad_identitet";
            default -> names.get(0);
        };
    }

    static Optional<SignalColumn> of(String header) {
        String n = TabularFile.normalisedHeader(header);
        for (SignalColumn c : values()) {
            if (c.names.contains(n)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
