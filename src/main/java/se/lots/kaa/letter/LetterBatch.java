package se.lots.kaa.letter;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One produced PDF of letters: when, by whom, with which template version, how many letters and how many not. */
public record LetterBatch(OffsetDateTime sentAt, String sentBy, UUID templateId, String templateName,
        int templateVersion, int letters, int skipped) {
}
