package se.lots.shared.imports;

import java.util.UUID;

/**
 * A file kept from its upload until the user decides; {@code organisationId} is null where the files are not an
 * organisation's, {@code decided} true for a file already confirmed that is still kept.
 */
public record KeptFile(UUID id, Long organisationId, String fileName, byte[] content, boolean decided) {
}
