package se.lots.shared.imports;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;

import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;
import se.lots.shared.imports.Progress.Phase;

/**
 * One import of a file, as every upload in Lots runs: {@link #upload} keeps the file and returns what confirming it
 * would write (the preview, with a digest of the writes); nothing else is saved. {@link #confirm} finds the changes
 * again and writes them, all or nothing, only if the file has no errors and the digest is the one the user saw;
 * {@link #discard} drops the file. The same file against the same stored state changes nothing the second time.
 * <p>
 * The caller is the import's service: it decides who may import, and runs each call in one transaction, so that a
 * refusal or a conflict at any step leaves nothing behind.
 */
public final class ImportPipeline<I extends Importer, C extends ImportChanges, D> {

    /** The largest file an import reads: the upload form's limit (spring.servlet.multipart), for callers without it. */
    public static final int MAX_BYTES = 50 * 1024 * 1024;

    private final ImportKind<I, C, D> kind;
    private final KeptFiles<C> files;
    private final String defaultFileName;
    private final Refusals refusals;

    public ImportPipeline(ImportKind<I, C, D> kind, KeptFiles<C> files, String defaultFileName, Refusals refusals) {
        this.kind = kind;
        this.files = files;
        this.defaultFileName = defaultFileName;
        this.refusals = refusals;
    }

    /** Keeps the file until it is confirmed or discarded and returns its changes; saves nothing else. */
    public C upload(I who, String fileName, byte[] content, Locale locale, Progress progress) {
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException("file", "file.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        String name = fileName == null || fileName.isBlank() ? defaultFileName : fileName.strip();
        UUID id = files.keep(who, name, content, ChangeDigest.sha256(content));
        var file = new KeptFile(id, who.organisationId(), name, content, false);
        C changes = kind.changes(who, file, locale, progress);
        files.counts(id, changes);
        kind.kept(who, file, changes);
        kind.shown(who, file, changes, progress);
        done(changes, progress);
        return changes;
    }

    /** The changes of a kept file again, found against what is stored now. */
    public C preview(I who, UUID importId, Locale locale) {
        KeptFile file = kept(who, importId);
        C changes = kind.changes(who, file, locale, Progress.NONE);
        kind.shown(who, file, changes, Progress.NONE);
        return changes;
    }

    /**
     * Writes what the preview showed, with the user's {@code decisions}. Refused when the file was decided already,
     * has errors, or when its changes are no longer those of {@code digest}.
     */
    public C confirm(I who, UUID importId, String digest, D decisions, Locale locale, Progress progress) {
        KeptFile file = kept(who, importId);
        if (file.decided()) {
            throw new ConflictException(refusals.decided(), importId);
        }
        C changes = kind.changes(who, file, locale, progress);
        if (!changes.preview().canConfirm()) {
            throw kind.refusal(importId, changes);
        }
        if (!changes.preview().digest().equals(digest)) {
            throw new ConflictException(refusals.stale(), importId);
        }
        kind.apply(who, file, changes, decisions, progress);
        if (!files.confirm(importId, changes, who.userId())) {
            throw new ConflictException(refusals.decided(), importId);
        }
        done(changes, progress);
        return changes;
    }

    public void discard(I who, UUID importId) {
        kept(who, importId);
        files.discard(importId);
    }

    private static void done(ImportChanges changes, Progress progress) {
        int rows = changes.preview().rowCount();
        progress.report(Phase.DONE, rows, rows);
    }

    private KeptFile kept(I who, UUID importId) {
        KeptFile file = files.find(importId).orElseThrow(() -> new NotFoundException(refusals.notFound()));
        if (!Objects.equals(file.organisationId(), who.organisationId())) {
            throw new AccessDeniedException("another organisation's import");
        }
        return file;
    }
}
