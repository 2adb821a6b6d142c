package se.lots.intervention.catalogue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.lots.intervention.Provider;
import se.lots.organisation.PartyType;
import se.lots.shared.imports.ImportChanges;
import se.lots.shared.imports.KeptFile;
import se.lots.shared.imports.RowErrors;

/** What confirming a catalogue file would write, found by {@link CatalogueImport}, and the preview that shows it. */
final class CatalogueChanges implements ImportChanges {

    /** A row read: the values to save (provider id 0 when the provider is new) and the intervention it replaces. */
    static final class Row {
        int number;
        Long providerId;
        String providerName;
        PartyType party;
        InterventionValues values;
        Intervention before;

        boolean unchanged() {
            return before != null && values.content().equals(InterventionValues.of(before).content());
        }
    }

    /**
     * What the file says about one provider, gathered over its rows: each of contact person, phone, e-mail and party
     * from the first row that gives it, and the row it came from.
     */
    static final class ProviderFacts {
        final Provider existing;
        final Map<CatalogueColumn, String> values = new EnumMap<>(CatalogueColumn.class);
        final Map<CatalogueColumn, Integer> rows = new EnumMap<>(CatalogueColumn.class);

        ProviderFacts(Provider existing) {
            this.existing = existing;
        }

        String value(CatalogueColumn c) {
            return values.get(c);
        }

        PartyType party() {
            String p = values.get(CatalogueColumn.PARTY);
            return p == null ? null : PartyType.valueOf(p);
        }
    }

    /** A provider in the catalogue and what the file makes of it. */
    record ProviderUpdate(Provider before, Provider after, List<String> fields) {
    }

    final List<Row> rows = new ArrayList<>();
    final Map<String, ProviderFacts> providers = new LinkedHashMap<>();
    final List<ProviderUpdate> providerUpdates = new ArrayList<>();
    final List<Intervention> missing = new ArrayList<>();
    CatalogueImportPreview preview;

    /** A file that cannot be read, or whose header row is wrong: its errors, and nothing else. */
    static CatalogueChanges failed(KeptFile file, int rowCount, RowErrors errors) {
        var changes = new CatalogueChanges();
        changes.preview = CatalogueImportPreview.failed(file.id(), file.fileName(), rowCount,
                errors.asFound(CatalogueChanges::error));
        return changes;
    }

    static CatalogueImportPreview.RowError error(se.lots.shared.imports.RowError e) {
        return new CatalogueImportPreview.RowError(e.row(), e.column(), e.message());
    }

    @Override
    public CatalogueImportPreview preview() {
        return preview;
    }
}
