package se.lots.federation.money;

import static se.lots.shared.imports.ImportColumn.Definition.optional;
import static se.lots.shared.imports.ImportColumn.Definition.required;

import se.lots.shared.imports.ImportColumn;

/**
 * The columns of a file of the programmes' use per quarter; headers {@code federation.money.import.header.*}. A row
 * names its programme by diarienummer or by name: the file needs one of the two columns.
 */
enum UseColumn implements ImportColumn {
    DIARIENUMMER(optional("dnr", "diarienr", "arendenummer")),
    INSATS(optional("program", "programnamn", "insatsnamn", "namn")),
    AR(required("budgetar", "year")),
    KVARTAL(required("kv", "quarter")),
    FORBRUKAT(required("forbrukning", "belopp", "anvant"));

    private final Definition definition;

    UseColumn(Definition definition) {
        this.definition = definition;
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
