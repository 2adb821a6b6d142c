package se.lots.kaa;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.security.Actor;

/**
 * A hand-built KAA register: {@code aRegister(coordinator).person("Ada", "kvinna").protectedPerson("Bo").build()}
 * imports the people through the real list import; {@link #registeredOn} and {@link #exited} then move an episode
 * in time, as if the list had been read on that day.
 */
public final class KaaRegisterBuilder {

    private final Actor coordinator;
    private final KaaImportService imports;
    private final KaaFixture fixture;
    private final JdbcClient jdbc;
    private final List<String> rows = new ArrayList<>();
    private final List<String> pins = new ArrayList<>();

    public KaaRegisterBuilder(Actor coordinator, KaaImportService imports, KaaFixture fixture, JdbcClient jdbc) {
        this.coordinator = coordinator;
        this.imports = imports;
        this.fixture = fixture;
        this.jdbc = jdbc;
    }

    public KaaRegisterBuilder person(String firstName, String gender) {
        return row(firstName, gender, "Storgatan 1;268 31;Svalöv;nej");
    }

    public KaaRegisterBuilder protectedPerson(String firstName) {
        return row(firstName, "kvinna", ";;;ja");
    }

    private KaaRegisterBuilder row(String firstName, String gender, String addressAndProtection) {
        String pin = fixture.kaaAgeNumber();
        pins.add(pin);
        rows.add(pin + ";" + firstName + ";Listsson;studiebevis;" + gender + ";" + addressAndProtection);
        return this;
    }

    /** The person ids in the order they were added. */
    public UUID[] build() {
        var csv = "personnummer;förnamn;efternamn;situation;kön;adress;postnummer;postort;skyddad_identitet\n"
                + String.join("\n", rows) + "\n";
        var sv = Locale.forLanguageTag("sv");
        var preview = imports.upload(coordinator, "lista.csv", csv.getBytes(StandardCharsets.UTF_8), sv);
        imports.confirm(coordinator, preview.importId(), preview.digest(), Map.of(), sv);
        return pins.stream().map(pin -> jdbc.sql("SELECT id FROM young_person WHERE personal_identity_number = ?")
                .param(pin).query(UUID.class).single()).toArray(UUID[]::new);
    }

    public String pinOf(int index) {
        return pins.get(index);
    }

    /** The list was read on {@code day}: the episode and the list's "not known" status start then. */
    public void registeredOn(UUID personId, LocalDate day) {
        jdbc.sql("UPDATE kaa_episode SET registered_on = ? WHERE organisation_id = ? AND person_id = ?")
                .params(day, coordinator.organisationId().value(), personId).update();
        jdbc.sql("UPDATE kaa_status SET ascertained_on = ?, review_on = ? WHERE organisation_id = ? AND person_id = ?"
                + " AND source = 'SKOLANS_LISTA'").params(day, day.plusDays(30), coordinator.organisationId().value(),
                        personId).update();
    }

    public void exited(UUID personId, LocalDate day, ExitReason reason) {
        jdbc.sql("UPDATE kaa_episode SET exited_on = ?, exit_reason = ? WHERE organisation_id = ? AND person_id = ?"
                + " AND exited_on IS NULL").params(day, reason.name(), coordinator.organisationId().value(), personId)
                .update();
    }
}
