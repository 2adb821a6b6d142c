package se.lots.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.lots.privacy.PersonalDataSection.Row;

class PersonalDataSectionTest {

    private static Map<String, Object> row(Object... pairs) {
        var row = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    @Test
    void eachRowOfATableIsAGroupWithItsColumnsAsLabelledRowsAndTheRecordKeptForTheJsonFile() {
        var section = PersonalDataSection.of("kaa").table("kaa_status", List.of(
                row("heading", "2026-03-01", "status_code", "STUDERAR", "ascertained_on", LocalDate.of(2026, 3, 1),
                        "with_guardian", true, "note", null, "recorded_at",
                        Timestamp.from(Instant.parse("2026-03-01T08:30:15Z")))),
                Map.of("status_code", "kaa.status.")).build();

        assertThat(section.register()).isEqualTo("kaa");
        assertThat(section.groups()).singleElement().satisfies(g -> {
            assertThat(g.headingKey()).isEqualTo("privacy.table.kaa_status");
            assertThat(g.subheading()).isEqualTo("2026-03-01");
            assertThat(g.rows()).containsExactly(new Row("privacy.field.status_code", "STUDERAR", "kaa.status.STUDERAR"),
                    Row.of("privacy.field.ascertained_on", "2026-03-01"),
                    new Row("privacy.field.with_guardian", "ja", "privacy.value.true"),
                    Row.of("privacy.field.recorded_at", "2026-03-01 09:30"));
        });
        assertThat(section.records().get("kaa_status")).singleElement().satisfies(r -> {
            assertThat(r).doesNotContainKey("heading").containsEntry("note", null)
                    .containsEntry("recorded_at", LocalDateTime.of(2026, 3, 1, 9, 30, 15));
        });
        assertThat(section.recordCount()).isEqualTo(1);
        assertThat(section.isEmpty()).isFalse();
    }

    @Test
    void aTableWithoutRowsLeavesTheSectionEmptyButNamesTheTable() {
        var section = PersonalDataSection.of("appointment").table("appointment", List.of()).build();

        assertThat(section.isEmpty()).isTrue();
        assertThat(section.records()).containsEntry("appointment", List.of());
    }

    @Test
    void aCodeWithoutTheModulesMessagesIsShownThroughThePrivacyMessagesAndARoleThroughItsName() {
        var section = PersonalDataSection.of("appointment").table("appointment_reminder",
                List.of(row("recipient_code", "UNG", "role", "CASE_WORKER"))).build();

        assertThat(section.groups().get(0).rows()).containsExactly(
                new Row("privacy.field.recipient_code", "UNG", "privacy.value.recipient_code.UNG"),
                new Row("privacy.field.role", "CASE_WORKER", "role.CASE_WORKER"));
    }
}
