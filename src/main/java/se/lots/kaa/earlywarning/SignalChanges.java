package se.lots.kaa.earlywarning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import se.lots.kaa.ImportPreview;
import se.lots.registry.YoungPerson;
import se.lots.shared.imports.ChangeDigest;
import se.lots.shared.imports.ImportChanges;
import se.lots.shared.imports.ImportFile;

/** What confirming a school's absence report would write, found by {@link SchoolSignalImport}, and its preview. */
final class SignalChanges implements ImportChanges {

    final List<YoungPerson> newPersons = new ArrayList<>();
    final List<YoungPerson> changedPersons = new ArrayList<>();
    final List<SchoolSignal> newSignals = new ArrayList<>();
    /** A signal already stored, and what it becomes. */
    final Map<SchoolSignal, SchoolSignal> corrections = new LinkedHashMap<>();
    /** The persons the preview shows, whose reads are audited. */
    final Set<UUID> shownPersons = new LinkedHashSet<>();
    final ChangeDigest digest = new ChangeDigest();
    final List<SignalPreview.Entry> added = new ArrayList<>();
    final List<SignalPreview.Entry> changed = new ArrayList<>();
    int unchanged;
    private SignalPreview preview;

    /** The preview of the changes found, once every row is compared. */
    SignalChanges shown(UUID importId, String fileName, ImportFile<SignalColumn> file, List<String> unknownColumns,
            List<String> missingColumns, BigDecimal threshold) {
        preview = new SignalPreview(importId, fileName, file.encoding(), file.rowCount(), unknownColumns,
                missingColumns, file.errors().byRow(e -> new ImportPreview.RowError(e.row(), e.column(), e.message())),
                added, changed, unchanged, newPersons.size(), threshold, digest.value());
        return this;
    }

    @Override
    public SignalPreview preview() {
        return preview;
    }
}
