package se.lots.kaa.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.MovableClock;
import se.lots.kaa.KaaFixture;
import se.lots.kaa.KaaImportService;
import se.lots.registry.PersonalIdentityNumber;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

@IntegrationTest
class TwentiethBirthdaysIntegrationTest {

    private static final Locale SV = Locale.forLanguageTag("sv");

    @Autowired
    KaaImportService imports;
    @Autowired
    KaaService kaa;
    @Autowired
    TwentiethBirthdays twentiethBirthdays;
    @Autowired
    KaaFixture fixture;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CurrentActor actors;
    @Autowired
    MovableClock clock;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    private UUID register(Actor coordinator, String pin, String firstName) {
        var csv = "personnummer;förnamn;efternamn;situation\n" + pin + ";" + firstName + ";Tjugosson;studiebevis\n";
        var preview = imports.upload(coordinator, "lista.csv", csv.getBytes(StandardCharsets.UTF_8), SV);
        assertThat(preview.canConfirm()).isTrue();
        imports.confirm(coordinator, preview.importId(), preview.digest(), Map.of(), SV);
        return jdbc.sql("SELECT e.person_id FROM kaa_episode e JOIN young_person y ON y.id = e.person_id"
                + " WHERE e.organisation_id = ? AND y.personal_identity_number = ?")
                .params(coordinator.organisationId().value(), pin).query(UUID.class).single();
    }

    private Map<String, Object> episode(Actor coordinator, UUID personId) {
        return jdbc.sql("SELECT exited_on, exit_reason FROM kaa_episode WHERE organisation_id = ? AND person_id = ?")
                .params(coordinator.organisationId().value(), personId).query().singleRow();
    }

    private static LocalDate twentiethBirthday(String pin) {
        return KaaTargetGroupPolicy.twentiethBirthday(new PersonalIdentityNumber(pin).latestPossibleBirthDate());
    }

    @Test
    void theEpisodeStaysOpenTheDayBeforeAndClosesOnTheTwentiethBirthday() {
        Actor coordinator = fixture.newMunicipality();
        String pin = fixture.kaaAgeNumber();
        UUID person = register(coordinator, pin, "Tora");
        LocalDate birthday = twentiethBirthday(pin);

        assertThat(twentiethBirthdays.closeAll(coordinator.organisationId(), birthday.minusDays(1))).isZero();
        assertThat(episode(coordinator, person).get("exited_on")).isNull();

        assertThat(twentiethBirthdays.closeAll(coordinator.organisationId(), birthday)).isEqualTo(1);
        var closed = episode(coordinator, person);
        assertThat(closed.get("exit_reason")).isEqualTo("FYLLT_20");
        assertThat(((java.sql.Date) closed.get("exited_on")).toLocalDate()).isEqualTo(birthday);
    }

    @Test
    void theNightlyRunAtFivePastMidnightSwedishTimeInWinterClosesTheEpisodesOfThoseWhoTurn20ThatDay() {
        // 20 on a winter day already past, so no open episode of the demo data or of another test is due that day
        String pin = fixture.unusedNumberBornBetween(LocalDate.of(2005, 12, 1), LocalDate.of(2006, 2, 28));
        LocalDate birthday = twentiethBirthday(pin);
        ZoneId sweden = ZoneId.of("Europe/Stockholm");
        Actor coordinator = fixture.newMunicipality();
        clock.moveTo(ZonedDateTime.of(birthday.minusDays(1), LocalTime.NOON, sweden));
        UUID person = register(coordinator, pin, "Vinter");

        // the scheduled job's moment: 00:05 in Stockholm is still 23:05 the day before in UTC
        ZonedDateTime fivePastMidnight = ZonedDateTime.of(birthday, LocalTime.of(0, 5), sweden);
        assertThat(fivePastMidnight.withZoneSameInstant(ZoneOffset.UTC).toLocalDate())
                .isEqualTo(birthday.minusDays(1));
        clock.moveTo(fivePastMidnight);
        twentiethBirthdays.closeToday();

        var closed = episode(coordinator, person);
        assertThat(closed.get("exit_reason")).isEqualTo("FYLLT_20");
        assertThat(((java.sql.Date) closed.get("exited_on")).toLocalDate()).isEqualTo(birthday);
    }

    @Test
    void closingAgainChangesNothingAndEveryClosingIsAuditedAsTheSystemJob() {
        Actor coordinator = fixture.newMunicipality();
        String pin = fixture.kaaAgeNumber();
        UUID person = register(coordinator, pin, "Sune");
        LocalDate birthday = twentiethBirthday(pin);

        assertThat(twentiethBirthdays.closeAll(coordinator.organisationId(), birthday.plusDays(3))).isEqualTo(1);
        assertThat(twentiethBirthdays.closeAll(coordinator.organisationId(), birthday.plusDays(4))).isZero();

        // a late run still closes on the birthday itself, not on the day it ran
        assertThat(((java.sql.Date) episode(coordinator, person).get("exited_on")).toLocalDate()).isEqualTo(birthday);
        var audits = jdbc.sql("SELECT username, role, action, purpose FROM audit_entry WHERE person_id = ?"
                + " AND username = ?").params(person, TwentiethBirthdays.SYSTEM_USER).query().listOfRows();
        assertThat(audits).hasSize(1);
        assertThat(audits.get(0)).containsEntry("action", "UPDATE").containsEntry("purpose", "LAGSTOD:KAA")
                .containsEntry("role", null);
    }

    @Test
    void aSamordningsnummerWithDayZeroTurns20OnTheLastDayOfItsMonth() {
        Actor coordinator = fixture.newMunicipality();
        String pin = "200706602398"; // Skatteverket's test samordningsnummer: born some day in June 2007
        UUID person = register(coordinator, pin, "Noa");

        assertThat(twentiethBirthdays.closeAll(coordinator.organisationId(), LocalDate.of(2027, 6, 29))).isZero();
        assertThat(twentiethBirthdays.closeAll(coordinator.organisationId(), LocalDate.of(2027, 6, 30))).isEqualTo(1);
        assertThat(((java.sql.Date) episode(coordinator, person).get("exited_on")).toLocalDate())
                .isEqualTo(LocalDate.of(2027, 6, 30));
    }

    @Test
    void theMonthsListShowsWhoLeavesBeforeAndAfterTheEpisodeIsClosed() {
        Actor coordinator = fixture.newMunicipality();
        String pin = fixture.kaaAgeNumber();
        register(coordinator, pin, "Vera");
        String other = fixture.kaaAgeNumber();
        register(coordinator, other, "Olle");
        LocalDate birthday = twentiethBirthday(pin);
        YearMonth month = YearMonth.from(birthday);

        var before = kaa.leaving(coordinator, month);
        assertThat(before).extracting(TwentiethBirthdays.Leaving::name).contains("Vera Tjugosson");
        assertThat(before).filteredOn(l -> l.name().equals("Vera Tjugosson")).singleElement()
                .satisfies(l -> {
                    assertThat(l.closed()).isFalse();
                    assertThat(l.twentiethBirthday()).isEqualTo(birthday);
                    assertThat(l.status()).isEqualTo(KaaStatus.OKAND);
                });
        if (!YearMonth.from(twentiethBirthday(other)).equals(month)) {
            assertThat(before).extracting(TwentiethBirthdays.Leaving::name).doesNotContain("Olle Tjugosson");
        }

        twentiethBirthdays.closeAll(coordinator.organisationId(), birthday);
        var after = kaa.leaving(coordinator, month);
        assertThat(after).filteredOn(l -> l.name().equals("Vera Tjugosson")).singleElement()
                .satisfies(l -> assertThat(l.closed()).isTrue());
        assertThat(kaa.leaving(coordinator, month.plusMonths(1))).extracting(TwentiethBirthdays.Leaving::name)
                .doesNotContain("Vera Tjugosson");
    }

    @Test
    void anotherMunicipalityAndOtherRolesCannotSeeTheList() {
        Actor coordinator = fixture.newMunicipality();
        String pin = fixture.kaaAgeNumber();
        register(coordinator, pin, "Ines");
        YearMonth month = YearMonth.from(twentiethBirthday(pin));

        Actor elsewhere = fixture.newMunicipality();
        assertThat(kaa.leaving(elsewhere, month)).extracting(TwentiethBirthdays.Leaving::name)
                .doesNotContain("Ines Tjugosson");
        assertThatThrownBy(() -> kaa.leaving(actors.byUsername("analytiker"), month))
                .isInstanceOf(AccessDeniedException.class);
    }
}
