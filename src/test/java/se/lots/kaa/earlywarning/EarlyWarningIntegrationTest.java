package se.lots.kaa.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.kaa.KaaFixture;
import se.lots.kaa.KaaImportService;
import se.lots.kaa.earlywarning.EarlyWarningService.ContactInput;
import se.lots.kaa.earlywarning.EarlyWarningService.Filter;
import se.lots.kaa.register.ContactAttempt;
import se.lots.kaa.register.ContactChannel;
import se.lots.kaa.register.KaaService;
import se.lots.security.Actor;
import se.lots.shared.FieldError;
import se.lots.shared.InvalidInputException;

@IntegrationTest
class EarlyWarningIntegrationTest {

    private static final Locale SV = Locale.forLanguageTag("sv");
    private static final Filter ALL = new Filter(false, null, null);
    private static final String TWO_AGO = YearMonth.now().minusMonths(2).toString();
    private static final String LAST = YearMonth.now().minusMonths(1).toString();

    @Autowired
    SchoolSignalImportService imports;
    @Autowired
    EarlyWarningService earlyWarning;
    @Autowired
    KaaImportService kaaImports;
    @Autowired
    KaaService kaa;
    @Autowired
    KaaFixture fixture;
    @Autowired
    JdbcClient jdbc;

    private void report(Actor coordinator, String... rows) {
        var preview = imports.upload(coordinator, "franvaro.csv", SchoolSignalImportIntegrationTest.csv(rows), SV);
        assertThat(preview.errors()).isEmpty();
        imports.confirm(coordinator, preview.importId(), preview.digest(), SV);
    }

    private static String row(String pin, String first, String school, String municipality, String period,
            String absence) {
        return SchoolSignalImportIntegrationTest.row(pin, first, school, municipality, period, absence, "nej");
    }

    private UUID idOf(String pin) {
        return jdbc.sql("SELECT id FROM young_person WHERE personal_identity_number = ?").param(pin)
                .query(UUID.class).single();
    }

    private static List<String> names(EarlyWarningService.Page page) {
        return page.rows().stream().map(EarlyWarningList.Row::name).toList();
    }

    @Test
    void theListIsFilteredByFlagSchoolAndSchoolMunicipalityAndShowsTheTrendOverThePeriods() {
        Actor coordinator = fixture.newMunicipality();
        String rising = fixture.kaaAgeNumber();
        String falling = fixture.kaaAgeNumber();
        String away = fixture.kaaAgeNumber();
        report(coordinator, row(rising, "Stig", "Bjuvs gymnasium", "1260", TWO_AGO, "6"),
                row(rising, "Stig", "Bjuvs gymnasium", "1260", LAST, "21"),
                row(falling, "Sjunn", "Bjuvs gymnasium", "1260", TWO_AGO, "30"),
                row(falling, "Sjunn", "Bjuvs gymnasium", "1260", LAST, "5"),
                row(away, "Borta", "Söderslättsgymnasiet", "1283", LAST, "17"));

        var all = earlyWarning.list(coordinator, ALL, 0);
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.flagged()).isEqualTo(2);
        assertThat(names(all)).as("flagged first, highest absence first")
                .containsExactly("Stig Signalsson", "Borta Signalsson", "Sjunn Signalsson");
        var stig = all.rows().get(0);
        assertThat(stig.trend()).extracting(SchoolSignal::period).containsExactly(TWO_AGO, LAST);
        assertThat(stig.direction()).isEqualTo("RISING");
        assertThat(all.rows().get(2).direction()).isEqualTo("FALLING");
        assertThat(all.rows().get(2).flagged()).as("30 % two months ago, but 5 % in the latest period").isFalse();

        assertThat(names(earlyWarning.list(coordinator, new Filter(true, null, null), 0)))
                .containsExactly("Stig Signalsson", "Borta Signalsson");
        assertThat(names(earlyWarning.list(coordinator, new Filter(false, "Bjuvs gymnasium", null), 0)))
                .containsExactly("Stig Signalsson", "Sjunn Signalsson");
        assertThat(names(earlyWarning.list(coordinator, new Filter(false, null, "1283"), 0)))
                .containsExactly("Borta Signalsson");
        assertThat(all.schoolMunicipalities()).extracting(EarlyWarningList.Choice::value)
                .containsExactlyInAnyOrder("1260", "1283");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE organisation_id = ? AND action = 'SEARCH'"
                + " AND purpose = ?").params(coordinator.organisationId().value(), EarlyWarningService.PURPOSE)
                .query(Integer.class).single()).as("every student shown is audited").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aContactAttemptIsRecordedForAStudentNotInTheRegisterAndStaysWhenTheyAppearOnTheKaaList() {
        Actor coordinator = fixture.newMunicipality();
        Actor caseWorker = fixture.caseWorkerOf(coordinator);
        String pin = fixture.kaaAgeNumber();
        report(coordinator, row(pin, "Frida", "Bjuvs gymnasium", "1260", LAST, "40"));
        UUID id = idOf(pin);
        assertThat(kaa.person(coordinator, id).episodes()).as("not in the KAA register").isEmpty();

        earlyWarning.recordContact(caseWorker, id, new ContactInput("TELEFON", LocalDate.now().toString(), "NADD",
                false, "Pratade med Frida, hon vill träffa studievägledaren."));

        var student = earlyWarning.student(coordinator, id);
        assertThat(student.contacts()).singleElement().satisfies(c -> {
            assertThat(c.channel()).isEqualTo(ContactChannel.TELEFON);
            assertThat(c.staffName()).startsWith("Uma Uppsökare");
        });
        assertThat(earlyWarning.list(coordinator, ALL, 0).rows()).singleElement()
                .satisfies(r -> assertThat(r.attempts()).isEqualTo(1));
        assertThat(jdbc.sql("SELECT count(*) FROM kaa_episode WHERE person_id = ?").param(id).query(Integer.class)
                .single()).as("a contact attempt creates no KAA episode").isZero();

        var list = kaaImports.upload(coordinator, "kaa.csv", ("personnummer;förnamn;efternamn;situation\n" + pin
                + ";Frida;Signalsson;avbrutit nationellt program\n").getBytes(StandardCharsets.UTF_8), SV);
        kaaImports.confirm(coordinator, list.importId(), list.digest(), Map.of(), SV);

        var inRegister = kaa.person(coordinator, id);
        assertThat(inRegister.openEpisode()).isPresent();
        assertThat(inRegister.contacts()).as("the contact history is the person's, not the episode's")
                .extracting(ContactAttempt::note)
                .containsExactly("Pratade med Frida, hon vill träffa studievägledaren.");
        assertThat(earlyWarning.list(coordinator, ALL, 0).rows().get(0).inKaaRegister()).isTrue();
    }

    @Test
    void aContactAttemptWithWrongInputNamesEachFieldAndSavesNothing() {
        Actor coordinator = fixture.newMunicipality();
        String pin = fixture.kaaAgeNumber();
        report(coordinator, row(pin, "Greta", "Bjuvs gymnasium", "1260", LAST, "40"));
        UUID id = idOf(pin);

        assertThatThrownBy(() -> earlyWarning.recordContact(coordinator, id, new ContactInput("BREVDUVA",
                LocalDate.now().plusDays(3).toString(), "", false, "x".repeat(301))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::messageKey).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("channel", "validation.invalidValue"),
                                org.assertj.core.groups.Tuple.tuple("outcome", "validation.required"),
                                org.assertj.core.groups.Tuple.tuple("contactedOn", "validation.dateInFuture"),
                                org.assertj.core.groups.Tuple.tuple("note", "validation.tooLong")));
        assertThat(earlyWarning.student(coordinator, id).contacts()).isEmpty();
    }

    @Test
    void anotherMunicipalitySeesNoneOfTheStudentsAndCannotRecordAttempts() {
        Actor coordinator = fixture.newMunicipality();
        Actor other = fixture.newMunicipality();
        String pin = fixture.kaaAgeNumber();
        report(coordinator, row(pin, "Hemlig", "Bjuvs gymnasium", "1260", LAST, "50"));
        UUID id = idOf(pin);

        assertThat(earlyWarning.list(other, ALL, 0).total()).isZero();
        assertThat(earlyWarning.list(fixture.caseWorkerOf(other), ALL, 0).rows()).isEmpty();
        assertThat(earlyWarning.list(fixture.caseWorkerOf(coordinator), ALL, 0).rows()).hasSize(1);
        assertThatThrownBy(() -> earlyWarning.student(other, id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> earlyWarning.recordContact(fixture.caseWorkerOf(other), id,
                new ContactInput("SMS", LocalDate.now().toString(), "EJ_NADD", false, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM contact_attempt WHERE person_id = ?").param(id)
                .query(Integer.class).single()).isZero();
    }
}
