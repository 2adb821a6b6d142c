package se.lots.kaa.earlywarning;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.database.BulkWrite;
import se.lots.kaa.register.KaaImporter;
import se.lots.organisation.Organisations;
import se.lots.security.Actor;
import se.lots.shared.imports.ImportPipeline;
import se.lots.shared.imports.Progress;

/**
 * Imports what schools report about absence, from any {@link SchoolSignalSource}, in two steps like the KAA list:
 * {@link #upload} keeps the file and shows what it would do; {@link #confirm} does it, all or nothing. Reporting the
 * same school and period again corrects the figure; the same file again changes nothing. The steps are the shared
 * import pipeline's; the report's own parts are {@link SchoolSignalImport}.
 */
@Service
public class SchoolSignalImportService {

    private final ImportPipeline<KaaImporter, SignalChanges, Void> pipeline;
    private final SchoolSignalImports imports;
    private final Organisations organisations;
    private final BulkWrite bulkWrite;

    SchoolSignalImportService(SchoolSignalImport report, SchoolSignalImports imports, Organisations organisations,
            BulkWrite bulkWrite) {
        this.pipeline = new ImportPipeline<>(report, imports, "franvaro.csv", KaaImporter.REFUSALS);
        this.imports = imports;
        this.organisations = organisations;
        this.bulkWrite = bulkWrite;
    }

    /** Keeps the file until it is confirmed or discarded and returns the preview; saves nothing else. */
    @Transactional
    public SignalPreview upload(Actor actor, String fileName, byte[] content, Locale locale) {
        return pipeline.upload(bulkImporter(actor), fileName, content, locale, Progress.NONE).preview();
    }

    /** The preview of a kept file again, against the signals as they are now; the persons shown are audited. */
    @Transactional
    public SignalPreview preview(Actor actor, UUID importId, Locale locale) {
        return pipeline.preview(bulkImporter(actor), importId, locale).preview();
    }

    /** Does what the preview showed, in one transaction; refused when it has errors or anything changed since. */
    @Transactional
    public SignalPreview confirm(Actor actor, UUID importId, String digest, Locale locale) {
        return pipeline.confirm(bulkImporter(actor), importId, digest, null, locale, Progress.NONE).preview();
    }

    @Transactional
    public void discard(Actor actor, UUID importId) {
        pipeline.discard(KaaImporter.of(actor, organisations), importId);
    }

    @Transactional(readOnly = true)
    public List<SchoolSignalImports.ImportRecord> recent(Actor actor) {
        return imports.recent(KaaImporter.of(actor, organisations).municipality().id(), 20);
    }

    /** The importer, in a transaction set for writing many rows (BulkWrite). */
    private KaaImporter bulkImporter(Actor actor) {
        KaaImporter importer = KaaImporter.of(actor, organisations);
        bulkWrite.begin();
        return importer;
    }
}
