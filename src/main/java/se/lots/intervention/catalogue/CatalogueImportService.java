package se.lots.intervention.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.intervention.catalogue.CatalogueImport.RetireMissing;
import se.lots.security.Actor;
import se.lots.shared.imports.ImportPipeline;
import se.lots.shared.imports.Progress;
import se.lots.shared.imports.Refusals;

/**
 * The whole catalogue from xlsx, for the administrator and the förbund, through the shared import pipeline (the
 * file's own parts are {@link CatalogueImport}). {@link #upload} keeps the file and shows what would happen (new,
 * changed, unchanged, rows with errors); nothing else is saved. {@link #confirm} does it in one transaction, all or
 * nothing, and only if the file has no errors and the catalogue has not changed since the preview.
 */
@Service
public class CatalogueImportService {

    private final ImportPipeline<CatalogueImporter, CatalogueChanges, RetireMissing> pipeline;
    private final CatalogueImports imports;

    CatalogueImportService(CatalogueImport catalogue, CatalogueImports imports) {
        this.pipeline = new ImportPipeline<>(catalogue, imports, "katalog.xlsx", new Refusals("import",
                "catalogue.import.stale", "catalogue.import.alreadyConfirmed"));
        this.imports = imports;
    }

    @Transactional
    public CatalogueImportPreview upload(Actor actor, String fileName, byte[] content, Locale locale) {
        return pipeline.upload(importer(actor), fileName, content, locale, Progress.NONE).preview();
    }

    @Transactional(readOnly = true)
    public CatalogueImportPreview preview(Actor actor, UUID importId, Locale locale) {
        return pipeline.preview(importer(actor), importId, locale).preview();
    }

    /**
     * Does what the preview showed, and retires the interventions it listed as missing if {@code retireMissing}.
     * Refused if the file has errors, was confirmed, or the catalogue changed (for the missing ones: only when
     * they are to be retired).
     */
    @Transactional
    public CatalogueImportPreview confirm(Actor actor, UUID importId, String digest, boolean retireMissing,
            String missingDigest, Locale locale) {
        return pipeline.confirm(importer(actor), importId, digest, new RetireMissing(retireMissing, missingDigest),
                locale, Progress.NONE).preview();
    }

    @Transactional(readOnly = true)
    public List<CatalogueImports.ImportRecord> recent(Actor actor) {
        importer(actor);
        return imports.recent(20);
    }

    private static CatalogueImporter importer(Actor actor) {
        CatalogueAccess.requireMaintains(actor, null);
        return new CatalogueImporter(actor);
    }
}
