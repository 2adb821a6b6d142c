package se.lots.kaa.letter;

import java.time.OffsetDateTime;

/**
 * One saved text of a letter template, and how many letters were sent with it ({@code batches} PDFs, {@code letters}
 * letters). {@code changedBy} is null for the starter letter Lots seeded.
 */
public record LetterTemplateVersion(int version, String name, String heading, String body, boolean retired,
        OffsetDateTime changedAt, String changedBy, int batches, int letters) {
}
