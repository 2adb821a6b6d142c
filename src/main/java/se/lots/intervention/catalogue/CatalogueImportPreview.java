package se.lots.intervention.catalogue;

import java.util.List;
import java.util.UUID;

/**
 * What an xlsx import of the catalogue would do, shown before anything is saved. {@code digest} fingerprints the
 * planned changes and the versions they start from: a confirmation is refused when the catalogue changed since.
 * {@code missing} are the current interventions the file does not name: the user chooses whether they are retired;
 * {@code missingDigest} fingerprints them and their versions, so that retiring them is refused when one was saved or
 * a new one added since the preview.
 */
public record CatalogueImportPreview(UUID importId, String fileName, int rowCount, List<RowError> errors,
        List<Entry> added, List<Entry> changed, int unchanged, List<String> newProviders,
        List<ProviderChange> changedProviders, List<Missing> missing, String digest, String missingDigest) {

    /** A wrong value: row as in Excel (the header is row 1), the column's name in the file, a message. */
    public record RowError(int row, String column, String message) {
    }

    /** A row that adds or changes an intervention; {@code fields} names what changes. */
    public record Entry(int row, String providerName, String name, List<String> fields) {
    }

    /** A provider already in the catalogue whose contact details or party the file changes, from its first row. */
    public record ProviderChange(int row, String name, List<String> fields) {
    }

    /** A current intervention that no row of the file names. */
    public record Missing(long id, String providerName, String name) {
    }

    static CatalogueImportPreview failed(UUID importId, String fileName, int rowCount, List<RowError> errors) {
        return new CatalogueImportPreview(importId, fileName, rowCount, errors, List.of(), List.of(), 0, List.of(),
                List.of(), List.of(), "", "");
    }

    public boolean canConfirm() {
        return errors.isEmpty();
    }

    /** True when confirming would save nothing, unless the user also chooses to retire the missing ones. */
    public boolean changesNothing() {
        return added.isEmpty() && changed.isEmpty() && changedProviders.isEmpty();
    }

    /** At most {@code max} of the missing interventions, for the page (the whole list can be the catalogue). */
    public List<Missing> missingShown(int max) {
        return missing.size() <= max ? missing : missing.subList(0, max);
    }
}
