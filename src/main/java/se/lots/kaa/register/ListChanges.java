package se.lots.kaa.register;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import se.lots.kaa.ImportPreview;
import se.lots.kaa.ImportPreview.Closing;
import se.lots.kaa.ImportPreview.Entry;
import se.lots.registry.YoungPerson;
import se.lots.shared.imports.ChangeDigest;
import se.lots.shared.imports.ImportChanges;
import se.lots.shared.imports.ImportFile;

/** What confirming a school's list would write, found by {@link ListImport}, and the preview that shows it. */
public final class ListChanges implements ImportChanges {

    final List<YoungPerson> newPersons = new ArrayList<>();
    final List<YoungPerson> changedPersons = new ArrayList<>();
    final List<KaaEpisode> newEpisodes = new ArrayList<>();
    final List<KaaEpisode> changedEpisodes = new ArrayList<>();
    /** The persons the preview shows, whose reads are audited. */
    final Set<UUID> shownPersons = new LinkedHashSet<>();
    final ChangeDigest digest = new ChangeDigest();
    final List<Entry> added = new ArrayList<>();
    final List<Entry> changed = new ArrayList<>();
    final List<Entry> outside = new ArrayList<>();
    private final List<Closing> closing = new ArrayList<>();
    /** Episodes the list closes because its row names another home municipality: where the person moved. */
    final java.util.Map<UUID, se.lots.reference.MunicipalityCode> movingTo = new java.util.HashMap<>();
    int unchanged;
    private ImportPreview preview;
    private int closed;

    void close(Closing c) {
        closing.add(c);
        digest.add("X" + c.episodeId() + c.suggested());
    }

    /** The preview of the changes found, once every row is compared. */
    ListChanges shown(UUID importId, String fileName, ImportFile<ListColumn> file, List<String> unknownColumns,
            List<String> missingColumns) {
        closing.sort((a, b) -> a.identity().compareTo(b.identity()));
        preview = new ImportPreview(importId, fileName, file.encoding(), file.rowCount(), unknownColumns,
                missingColumns, file.errors().byRow(e -> new ImportPreview.RowError(e.row(), e.column(), e.message())),
                added, changed, unchanged, closing, outside, digest.value());
        return this;
    }

    @Override
    public ImportPreview preview() {
        return preview;
    }

    /** How many episodes the confirmation closed, as the user decided. */
    int closed() {
        return closed;
    }

    void closed(int count) {
        closed = count;
    }
}
