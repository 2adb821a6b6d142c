package se.lots.privacy.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.lots.organisation.OrganisationId;
import se.lots.privacy.RetentionCount;
import se.lots.privacy.RetentionRule;

/**
 * A retention run (gallringskörning) of one organisation: the dry run of {@code day} frozen when it was prepared (the
 * rules as they applied and what each found due), who prepared, approved and executed it and when, and, once done,
 * what was removed. {@code reasonKey} (a message key) and {@code reasonDetail} say why a run was refused or failed.
 */
public record RetentionRun(UUID id, OrganisationId organisationId, LocalDate day, Status status, long preparedBy,
        String preparedByName, Instant preparedAt, Long approvedBy, String approvedByName, Instant approvedAt,
        Long executedBy, String executedByName, Instant executedAt, String reasonKey, String reasonDetail,
        Integer forgottenPersons, String archiveReference, int version, List<Line> lines) {

    public enum Status {
        PREPARED, APPROVED, DONE, REFUSED, FAILED;

        public boolean finished() {
            return this == DONE || this == REFUSED || this == FAILED;
        }
    }

    /**
     * One register's rule as it applied when the run was prepared ({@code ruleVersion} is the organisation's own rule's
     * version, null for Lots' default), what it found due ({@code due}, null where the register has no eraser) and,
     * once done, what was removed ({@code removed}).
     */
    public record Line(RetentionRule rule, boolean own, Integer ruleVersion, RetentionCount due,
            RetentionCount removed) {
    }

    public RetentionRun {
        lines = List.copyOf(lines);
    }

    /** Persons found due over all registers (a person due in two registers counts twice). */
    public long duePersons() {
        return lines.stream().filter(l -> l.due() != null).mapToLong(l -> l.due().persons()).sum();
    }

    public long dueRows() {
        return lines.stream().filter(l -> l.due() != null).mapToLong(l -> l.due().rows()).sum();
    }

    public long removedPersons() {
        return lines.stream().filter(l -> l.removed() != null).mapToLong(l -> l.removed().persons()).sum();
    }

    public long removedRows() {
        return lines.stream().filter(l -> l.removed() != null).mapToLong(l -> l.removed().rows()).sum();
    }
}
