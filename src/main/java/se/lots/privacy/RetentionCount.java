package se.lots.privacy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a retention rule finds due in one register of one organisation: how many persons, and how many rows of each of
 * the register's tables (in the order the register removes them). The dry run shows it; the removal returns it.
 */
public record RetentionCount(String register, long persons, Map<String, Long> rowsByTable) {

    public RetentionCount {
        rowsByTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsByTable));
    }

    public long rows() {
        return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean isEmpty() {
        return persons == 0 && rows() == 0;
    }
}
