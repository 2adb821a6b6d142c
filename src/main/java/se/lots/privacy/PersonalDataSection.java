package se.lots.privacy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One register's part of an extract: headed groups of label/value rows (one group per record, for the PDF and the
 * case page) and the raw records by table (for the JSON file). Labels and headings are message keys; a value is
 * shown as it stands, or through the message {@code valueKey} where it is a code.
 */
public record PersonalDataSection(String register, List<Group> groups, Map<String, List<Map<String, Object>>> records) {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public PersonalDataSection {
        groups = List.copyOf(groups);
        records = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(records));
    }

    /** One record: its heading (a message key), what tells it from its neighbours (a date, a name), its rows. */
    public record Group(String headingKey, String subheading, List<Row> rows) {

        public Group {
            rows = List.copyOf(rows);
        }
    }

    /** A label (message key) and its value; {@code valueKey}, where not null, is the message that names a code. */
    public record Row(String labelKey, String value, String valueKey) {

        public static Row of(String labelKey, String value) {
            return new Row(labelKey, value, null);
        }
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }

    /** The number of records in all tables. */
    public int recordCount() {
        return records.values().stream().mapToInt(List::size).sum();
    }

    public static Builder of(String register) {
        return new Builder(register);
    }

    /** Builds a section from the rows of plain SQL: each column becomes a row labelled "privacy.field." + column. */
    public static final class Builder {

        private final String register;
        private final List<Group> groups = new ArrayList<>();
        private final Map<String, List<Map<String, Object>>> records = new LinkedHashMap<>();

        private Builder(String register) {
            this.register = register;
        }

        /**
         * The rows of {@code table} as the holder's SQL selected them (column names are the labels' keys). A column
         * named "heading" is the group's subheading; a column whose name ends in "_code" is shown through the message
         * "privacy.value." + column + "." + value (the code itself where there is no such message), a column "role"
         * through the role's name ("role." + value).
         */
        public Builder table(String table, List<Map<String, Object>> rows) {
            return table(table, rows, Map.of());
        }

        /**
         * As {@link #table(String, List)}, with the message prefix of a column's codes where the module has them
         * already ("kaa.status." for {@code status_code}: the value STUDERAR is shown as "kaa.status.STUDERAR").
         */
        public Builder table(String table, List<Map<String, Object>> rows, Map<String, String> codeMessages) {
            var kept = new ArrayList<Map<String, Object>>();
            for (Map<String, Object> row : rows) {
                var record = new LinkedHashMap<String, Object>();
                var shown = new ArrayList<Row>();
                String subheading = null;
                for (var column : row.entrySet()) {
                    Object value = plain(column.getValue());
                    if (column.getKey().equals("heading")) {
                        subheading = text(value);
                        continue;
                    }
                    record.put(column.getKey(), value);
                    if (value == null) {
                        continue;
                    }
                    String label = "privacy.field." + column.getKey();
                    if (value instanceof Boolean b) {
                        shown.add(new Row(label, b ? "ja" : "nej", "privacy.value." + b));
                    } else if (column.getKey().equals("role")) {
                        shown.add(new Row(label, text(value), "role." + value));
                    } else if (codeMessages.containsKey(column.getKey())) {
                        shown.add(new Row(label, text(value), codeMessages.get(column.getKey()) + value));
                    } else if (column.getKey().endsWith("_code")) {
                        shown.add(new Row(label, text(value), "privacy.value." + column.getKey() + "." + value));
                    } else {
                        shown.add(Row.of(label, text(value)));
                    }
                }
                kept.add(record);
                groups.add(new Group("privacy.table." + table, subheading, shown));
            }
            records.computeIfAbsent(table, t -> new ArrayList<>()).addAll(kept);
            return this;
        }

        /** A group written by hand, with no record of its own (a statement such as "contact details are held"). */
        public Builder group(Group group) {
            groups.add(group);
            return this;
        }

        public PersonalDataSection build() {
            return new PersonalDataSection(register, groups, records);
        }

        private static Object plain(Object value) {
            if (value instanceof Timestamp t) {
                return t.toInstant().atZone(SWEDEN).toLocalDateTime().withNano(0);
            }
            if (value instanceof OffsetDateTime o) {
                return o.atZoneSameInstant(SWEDEN).toLocalDateTime().withNano(0);
            }
            if (value instanceof Instant i) {
                return i.atZone(SWEDEN).toLocalDateTime().withNano(0);
            }
            if (value instanceof java.sql.Date d) {
                return d.toLocalDate();
            }
            if (value instanceof java.sql.Array a) {
                try {
                    return List.of((Object[]) a.getArray()).stream().map(String::valueOf).toList();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                    || value instanceof LocalDate || value instanceof LocalDateTime) {
                return value;
            }
            // uuid, jsonb, intervals: as PostgreSQL writes them
            return value.toString();
        }

        private static String text(Object value) {
            if (value == null) {
                return null;
            }
            if (value instanceof LocalDateTime t) {
                return MINUTES.format(t);
            }
            if (value instanceof LocalDate d) {
                return d.toString();
            }
            if (value instanceof BigDecimal b) {
                return b.stripTrailingZeros().toPlainString();
            }
            if (value instanceof List<?> l) {
                return String.join(", ", l.stream().map(String::valueOf).toList());
            }
            return String.valueOf(value);
        }
    }
}
