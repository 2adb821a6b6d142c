package se.lots.kaa.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.MovableClock;
import se.lots.kaa.KaaFixture;
import se.lots.kaa.KaaImportService;
import se.lots.kaa.earlywarning.SchoolSignalImportService;
import se.lots.security.Actor;

/**
 * A school's list that nobody confirmed or discarded does not keep its personnummer for ever: after the preview days
 * (7) the nightly job drops the file and records the import as discarded; a younger preview and a decided import are
 * left as they are, and the abandoned one can no longer be confirmed.
 */
@IntegrationTest
class AbandonedImportPreviewsIntegrationTest {

    private static final Locale SV = Locale.forLanguageTag("sv");

    @Autowired
    AbandonedImportPreviews job;
    @Autowired
    KaaImportService lists;
    @Autowired
    SchoolSignalImportService signals;
    @Autowired
    KaaFixture fixture;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static byte[] list(String pin) {
        return ("personnummer;förnamn;efternamn;situation;adress;postnummer;postort;skola;skolkommun;program;"
                + "avgångsdatum\n" + pin + ";Glömd;Förhandsson;studiebevis;Storgatan 1;267 31;Bjuv;"
                + "Söderslättsgymnasiet;1283;EL;2026-06-10\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] signalFile(String pin) {
        return ("personnummer;förnamn;efternamn;skola;skolans kommun;program;period;frånvaro %;risk för avbrott\n"
                + pin + ";Glömd;Signalsson;Bjuvs gymnasium;1260;EL;" + YearMonth.now().minusMonths(1) + ";22,5;nej\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private String state(String table, UUID id) {
        return jdbc.sql("SELECT state || ':' || (content IS NULL) FROM " + table + " WHERE id = ?").param(id)
                .query(String.class).single();
    }

    @Test
    void aPreviewLeftForMoreThanAWeekLosesItsFileAndIsRecordedAsDiscarded() {
        Actor kaa = fixture.newMunicipality();
        var oldList = lists.upload(kaa, "glomd.csv", list(fixture.kaaAgeNumber()), SV);
        var oldSignals = signals.upload(kaa, "glomd-franvaro.csv", signalFile(fixture.kaaAgeNumber()), SV);
        var decided = lists.upload(kaa, "beslutad.csv", list(fixture.kaaAgeNumber()), SV);
        lists.confirm(kaa, decided.importId(), decided.digest(), Map.of(), SV);

        clock.moveBy(Duration.ofDays(5));
        var young = lists.upload(kaa, "ny.csv", list(fixture.kaaAgeNumber()), SV);
        clock.moveBy(Duration.ofDays(3));

        assertThat(job.discardAbandoned()).isGreaterThanOrEqualTo(2);

        assertThat(state("kaa_import", oldList.importId())).isEqualTo("DISCARDED:true");
        assertThat(state("school_signal_import", oldSignals.importId())).isEqualTo("DISCARDED:true");
        assertThat(state("kaa_import", young.importId())).as("three days old: kept").isEqualTo("PREVIEWED:false");
        assertThat(state("kaa_import", decided.importId())).as("decided before").isEqualTo("CONFIRMED:true");
        assertThat(jdbc.sql("SELECT count(*) FROM kaa_episode WHERE organisation_id = ?")
                .param(kaa.organisationId().value()).query(Long.class).single())
                .as("only the confirmed list's person is in the register").isEqualTo(1);
        assertThatThrownBy(() -> lists.confirm(kaa, oldList.importId(), oldList.digest(), Map.of(), SV))
                .as("the abandoned preview cannot be confirmed any more").isInstanceOf(RuntimeException.class);
        assertThat(job.discardAbandoned()).as("repeatable: nothing more to do for these").isZero();
    }
}
