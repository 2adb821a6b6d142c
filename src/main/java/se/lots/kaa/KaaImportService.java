package se.lots.kaa;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.database.BulkWrite;
import se.lots.kaa.register.ImportProgress;
import se.lots.kaa.register.KaaImporter;
import se.lots.kaa.register.KaaImports;
import se.lots.kaa.register.ListChanges;
import se.lots.kaa.register.ListImport;
import se.lots.organisation.Organisations;
import se.lots.security.Actor;
import se.lots.shared.imports.ImportPipeline;
import se.lots.shared.imports.Progress;

/**
 * Imports a school's KAA list in two steps: {@link #upload} keeps the file and shows what it would do (new in the
 * group, changed, no longer in the list, outside the group, errors); {@link #confirm} does it, all or nothing.
 * Importing the same file again changes nothing. The steps are the shared import pipeline's; the list's own parts
 * (columns, checks, the comparison with the register, the writes) are {@link ListImport}.
 */
@Service
public class KaaImportService {

    private final ImportPipeline<KaaImporter, ListChanges, Map<UUID, ExitReason>> pipeline;
    private final KaaImports imports;
    private final Organisations organisations;
    private final BulkWrite bulkWrite;

    KaaImportService(ListImport list, KaaImports imports, Organisations organisations, BulkWrite bulkWrite) {
        this.pipeline = new ImportPipeline<>(list, imports, "lista.csv", KaaImporter.REFUSALS);
        this.imports = imports;
        this.organisations = organisations;
        this.bulkWrite = bulkWrite;
    }

    /** Keeps the file until it is confirmed or discarded and returns the preview; saves nothing else. */
    @Transactional
    public ImportPreview upload(Actor actor, String fileName, byte[] content, Locale locale) {
        return upload(actor, fileName, content, locale, ImportProgress.Tracker.NONE);
    }

    /** As {@link #upload(Actor, String, byte[], Locale)}, telling {@code progress} how far it has come. */
    @Transactional
    public ImportPreview upload(Actor actor, String fileName, byte[] content, Locale locale,
            ImportProgress.Tracker progress) {
        return pipeline.upload(bulkImporter(actor), fileName, content, locale, phases(progress)).preview();
    }

    /** The preview of a kept file again, computed against the register as it is now; the persons shown are audited. */
    @Transactional
    public ImportPreview preview(Actor actor, UUID importId, Locale locale) {
        return pipeline.preview(bulkImporter(actor), importId, locale).preview();
    }

    /**
     * Does what the preview showed, in one transaction. {@code decisions} maps an episode that would close to an
     * exit reason, or to null to keep it open; episodes not named keep the suggested reason, or stay open when the
     * list gave none. Refused when the preview has errors or when the register changed since {@code digest}.
     */
    @Transactional
    public ImportPreview confirm(Actor actor, UUID importId, String digest, Map<UUID, ExitReason> decisions,
            Locale locale) {
        return confirm(actor, importId, digest, decisions, locale, ImportProgress.Tracker.NONE);
    }

    /** As {@link #confirm(Actor, UUID, String, Map, Locale)}, telling {@code progress} how far it has come. */
    @Transactional
    public ImportPreview confirm(Actor actor, UUID importId, String digest, Map<UUID, ExitReason> decisions,
            Locale locale, ImportProgress.Tracker progress) {
        return pipeline.confirm(bulkImporter(actor), importId, digest, decisions, locale, phases(progress))
                .preview();
    }

    @Transactional
    public void discard(Actor actor, UUID importId) {
        pipeline.discard(KaaImporter.of(actor, organisations), importId);
    }

    @Transactional(readOnly = true)
    public List<KaaImports.ImportRecord> recent(Actor actor) {
        return imports.recent(KaaImporter.of(actor, organisations).municipality().id(), 20);
    }

    private static Progress phases(ImportProgress.Tracker progress) {
        return new Progress(progress, "kaa.import.progress");
    }

    /** The importer, in a transaction set for writing many rows (BulkWrite). */
    private KaaImporter bulkImporter(Actor actor) {
        KaaImporter importer = KaaImporter.of(actor, organisations);
        bulkWrite.begin();
        return importer;
    }
}
