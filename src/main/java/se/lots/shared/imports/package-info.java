/**
 * The one import pipeline every upload runs through ({@link se.lots.shared.imports.ImportPipeline}): the file is
 * kept, read against its columns, compared with what is stored and shown with a digest; then confirmed, all or
 * nothing and only if nothing changed since the preview, or discarded. What differs from one kind of file to another
 * is plugged in: its columns ({@link se.lots.shared.imports.ImportColumn}), its row checks and the comparison with
 * what is stored ({@link se.lots.shared.imports.ImportKind#changes}), its writes, and where it keeps the file
 * ({@link se.lots.shared.imports.KeptFiles}).
 */
package se.lots.shared.imports;
