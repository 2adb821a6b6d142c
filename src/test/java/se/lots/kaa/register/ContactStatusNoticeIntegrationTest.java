package se.lots.kaa.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.kaa.KaaFixture;
import se.lots.kaa.KaaImportService;
import se.lots.security.Actor;

/**
 * A status given with a contact attempt dated before the school list's status is kept in the history but does not
 * become current; the coordinator is told why instead of seeing nothing change (issue 22).
 */
@IntegrationTest
class ContactStatusNoticeIntegrationTest {

    @Autowired
    KaaImportService imports;
    @Autowired
    KaaFixture fixture;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @LocalServerPort
    int port;

    UUID imported(Actor coordinator) {
        String pin = fixture.kaaAgeNumber();
        var preview = imports.upload(coordinator, "lista.csv", ("personnummer;förnamn;efternamn;situation\n" + pin
                + ";Nora;Notisdotter;studiebevis\n").getBytes(StandardCharsets.UTF_8), Locale.forLanguageTag("sv"));
        imports.confirm(coordinator, preview.importId(), preview.digest(), Map.of(), Locale.forLanguageTag("sv"));
        return jdbc.sql("SELECT id FROM young_person WHERE personal_identity_number = ?").param(pin)
                .query(UUID.class).single();
    }

    String contact(WebSession browser, UUID person, LocalDate on) {
        String page = "/kaa/persons/" + person;
        var posted = browser.postForm(page, page + "/contacts", Map.of("channel", "TELEFON", "contactedOn",
                on.toString(), "outcome", "NADD", "newStatus", "KONTAKTAD", "newSource", "UNGDOMEN"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        return browser.get(page).body();
    }

    @Test
    void aStatusDatedBeforeTheListsIsSavedAndTheCoordinatorIsToldWhyItIsNotCurrent() {
        Actor coordinator = fixture.newMunicipality();
        UUID person = imported(coordinator);
        WebSession browser = WebSession.logIn(port, coordinator.username(), "ett-langt-losenord");
        LocalDate today = LocalDate.now(clock);

        String page = contact(browser, person, today.minusDays(10));
        assertThat(page).contains("statusen blev inte den aktuella", "Skolans lista",
                today.minusDays(10).toString());
        assertThat(jdbc.sql("SELECT count(*) FROM kaa_status WHERE person_id = ? AND status = 'KONTAKTAD'")
                .param(person).query(Long.class).single()).as("saved in the history").isEqualTo(1);

        page = contact(browser, person, today);
        assertThat(page).contains("Kontaktförsöket är sparat.").doesNotContain("statusen blev inte den aktuella");
    }
}
