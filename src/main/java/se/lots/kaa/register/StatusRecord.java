package se.lots.kaa.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One entry of a person's status history; it holds from {@code ascertainedOn} until the next one. */
public record StatusRecord(UUID id, UUID personId, KaaStatus status, StudyKind studyKind, String occupation,
        LocalDate ascertainedOn, StatusSource source, LocalDate reviewOn, Instant recordedAt, String recordedBy) {

    /** "Due to lapse": the review date has passed, so the status can no longer be trusted. */
    public boolean dueToLapse(LocalDate today) {
        return reviewOn != null && reviewOn.isBefore(today);
    }
}
