package se.lots.privacy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a retention rule finds due in one register of one organisation: how many persons, and how many rows of each of
 * the register's tables (in the order the register removes them). The dry run shows it; the removal returns it, with
 * the removed persons' ids ({@code personIds}, empty in a dry run).
 */
public record RetentionCount(String register, long persons, Map<String, Long> rowsByTable, Set<UUID> personIds) {

    public RetentionCount {
        rowsByTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsByTable));
        personIds = Set.copyOf(personIds);
    }

    /** A count without the persons' ids (the dry run). */
    public RetentionCount(String register, long persons, Map<String, Long> rowsByTable) {
        this(register, persons, rowsByTable, Set.of());
    }

    public long rows() {
        return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean isEmpty() {
        return persons == 0 && rows() == 0;
    }
}
