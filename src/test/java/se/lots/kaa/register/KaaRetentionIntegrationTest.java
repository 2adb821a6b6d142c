package se.lots.kaa.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import se.lots.IntegrationTest;
import se.lots.MovableClock;
import se.lots.kaa.ExitReason;
import se.lots.kaa.KaaFixture;
import se.lots.kaa.KaaImportService;
import se.lots.kaa.KaaRegisterBuilder;
import se.lots.kaa.earlywarning.SchoolSignalImportService;
import se.lots.organisation.OrganisationId;
import se.lots.privacy.PersonalDataEraser;
import se.lots.privacy.PersonalDataHolder;
import se.lots.privacy.RetentionCount;
import se.lots.privacy.RetentionEvent;
import se.lots.privacy.RetentionRule;
import se.lots.security.Actor;

/**
 * Gallring of the KAA register on the real database, the pattern for every register: the dry run counts exactly the
 * rows of the persons whose episodes in the municipality all closed before the rule's period, the removal takes those
 * rows from every KAA table and nothing else (not another person, not another municipality's records, not the move
 * into the municipality that the old one keeps), and an error half-way leaves everything as it was.
 */
@IntegrationTest
class KaaRetentionIntegrationTest {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final RetentionRule THREE_YEARS = new RetentionRule("kaa", "EPISODE", 36,
            RetentionEvent.EPISODE_CLOSED, "Kommunens gallringsbeslut (test)", false);

    @Autowired
    KaaFixture fixture;
    @Autowired
    KaaImportService imports;
    @Autowired
    SchoolSignalImportService signalImports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DataSource dataSource;
    @Autowired
    List<PersonalDataEraser> erasers;
    @Autowired
    List<PersonalDataHolder> holders;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private PersonalDataEraser kaa() {
        return erasers.stream().filter(e -> e.register().equals("kaa")).findFirst().orElseThrow();
    }

    /** Ada left on 2023-12-31 (due after three years), Bo on 2025-06-01 (not), Cia is still in the register. */
    private record Register(Actor coordinator, Actor other, UUID ada, UUID bo, UUID cia) {
    }

    private Register register() {
        Actor coordinator = fixture.newMunicipality();
        Actor other = fixture.newMunicipality();
        var builder = new KaaRegisterBuilder(coordinator, imports, fixture, jdbc);
        UUID[] ids = builder.person("Ada", "kvinna").person("Bo", "man").person("Cia", "kvinna").build();
        UUID ada = ids[0];
        UUID bo = ids[1];
        builder.registeredOn(ada, LocalDate.of(2023, 9, 1));
        builder.registeredOn(bo, LocalDate.of(2024, 9, 1));
        builder.exited(ada, LocalDate.of(2023, 12, 31), ExitReason.FLYTTAT);
        builder.exited(bo, LocalDate.of(2025, 6, 1), ExitReason.PABORJAT_NATIONELLT_PROGRAM);
        for (UUID person : List.of(ada, bo)) {
            addRecords(coordinator, person);
        }
        // Ada came from the other municipality (its closed episode and its record of the move stay there) and moved on
        // to it again (our record of the move out goes with her episode)
        long org = coordinator.organisationId().value();
        long otherOrg = other.organisationId().value();
        UUID adaHere = episode(org, ada);
        UUID adaBefore = jdbc.sql("""
                INSERT INTO kaa_episode (person_id, organisation_id, registered_on, registration_reason, exited_on,
                                         exit_reason)
                VALUES (?, ?, '2023-01-10', 'AVBRUTIT_NATIONELLT_PROGRAM', '2023-08-31', 'FLYTTAT') RETURNING id""")
                .params(ada, otherOrg).query(UUID.class).single();
        UUID adaAfter = jdbc.sql("""
                INSERT INTO kaa_episode (person_id, organisation_id, registered_on, registration_reason)
                VALUES (?, ?, '2023-12-31', 'INFLYTTAD') RETURNING id""").params(ada, otherOrg).query(UUID.class).single();
        String[] codes = jdbc.sql("SELECT code FROM municipality ORDER BY code LIMIT 2").query(String.class).list()
                .toArray(String[]::new);
        jdbc.sql("""
                INSERT INTO kaa_move (person_id, from_organisation_id, from_municipality, to_organisation_id,
                                      to_municipality, moved_on, source, closed_episode_id, opened_episode_id, recorded_by)
                VALUES (?, ?, ?, ?, ?, '2023-08-31', 'FOLKBOKFORINGEN', ?, ?, ?),
                       (?, ?, ?, ?, ?, '2023-12-31', 'FOLKBOKFORINGEN', ?, ?, ?)""")
                .params(ada, otherOrg, codes[0], org, codes[1], adaBefore, adaHere, other.userId(),
                        ada, org, codes[1], otherOrg, codes[0], adaHere, adaAfter, coordinator.userId())
                .update();
        return new Register(coordinator, other, ada, bo, ids[2]);
    }

    /** A contact, a home visit, a measure, a school signal and a placement for the person's episode. */
    private void addRecords(Actor coordinator, UUID person) {
        long org = coordinator.organisationId().value();
        UUID episode = episode(org, person);
        Actor caseWorker = fixture.caseWorkerOf(coordinator);
        jdbc.sql("""
                INSERT INTO contact_attempt (person_id, organisation_id, channel, contacted_on, staff_user_id, outcome)
                SELECT ?, ?, 'TELEFON', registered_on + 3, ?, 'NADD' FROM kaa_episode WHERE id = ?""")
                .params(person, org, caseWorker.userId(), episode).update();
        UUID day = jdbc.sql("""
                INSERT INTO home_visit_day (organisation_id, visit_on, first_staff_id, second_staff_id, contact_phone,
                                            created_by)
                VALUES (?, '2023-10-01', ?, ?, '010-123 45 67', ?) RETURNING id""")
                .params(org, coordinator.userId(), caseWorker.userId(), coordinator.userId()).query(UUID.class)
                .single();
        jdbc.sql("INSERT INTO home_visit (day_id, person_id, episode_id) VALUES (?, ?, ?)")
                .params(day, person, episode).update();
        jdbc.sql("""
                INSERT INTO kaa_measure (episode_id, person_id, organisation_id, category_code, responsible, offered_on)
                SELECT id, person_id, organisation_id, 'SYV', 'KOMMUN', registered_on FROM kaa_episode WHERE id = ?""")
                .param(episode).update();
        jdbc.sql("""
                INSERT INTO school_signal (person_id, organisation_id, school, school_municipality, period_start,
                                           period_end, absence_percent)
                VALUES (?, ?, 'Testskolan', '1260', '2023-08-20', '2023-09-20', 40)""").params(person, org).update();
        jdbc.sql("""
                INSERT INTO kaa_placement (person_id, organisation_id, municipality, kind, from_on, recorded_by)
                VALUES (?, ?, '1260', 'HVB', '2023-10-01', ?)""").params(person, org, coordinator.userId()).update();
    }

    private UUID episode(long org, UUID person) {
        return jdbc.sql("SELECT id FROM kaa_episode WHERE organisation_id = ? AND person_id = ? ORDER BY registered_on"
                + " LIMIT 1").params(org, person).query(UUID.class).single();
    }

    /** Every KAA table's rows about the person, by table (in any municipality). */
    private Map<String, Long> rowsOf(UUID person) {
        var result = new LinkedHashMap<String, Long>();
        for (String table : holders.stream().filter(h -> h.register().equals("kaa")).findFirst().orElseThrow()
                .tables().stream().sorted().toList()) {
            result.put(table, jdbc.sql("SELECT count(*) FROM " + table + " WHERE person_id = ?").param(person)
                    .query(Long.class).single());
        }
        return result;
    }

    private Map<String, Long> rowsOf(UUID person, OrganisationId organisation) {
        var result = new LinkedHashMap<String, Long>();
        for (String table : List.of("kaa_episode", "kaa_status", "contact_attempt", "kaa_measure", "school_signal",
                "kaa_placement")) {
            result.put(table, jdbc.sql("SELECT count(*) FROM " + table + " WHERE person_id = ? AND organisation_id = ?")
                    .params(person, organisation.value()).query(Long.class).single());
        }
        return result;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(SWEDEN));
    }

    @Test
    void theDryRunCountsThePersonsWhoseEpisodesAllClosedBeforeTheRulesPeriodAndChangesNothing() {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        clock.moveTo(LocalDate.of(2026, 12, 31).atTime(12, 0).atZone(SWEDEN));
        assertThat(kaa().countDue(org, THREE_YEARS, today()).persons())
                .as("Ada's episode closed 2023-12-31: kept through the day three years on").isZero();

        clock.moveTo(LocalDate.of(2027, 1, 1).atTime(12, 0).atZone(SWEDEN));
        var before = Map.of(r.ada(), rowsOf(r.ada()), r.bo(), rowsOf(r.bo()), r.cia(), rowsOf(r.cia()));
        RetentionCount due = kaa().countDue(org, THREE_YEARS, today());
        assertThat(due.persons()).isEqualTo(1);
        assertThat(due.rowsByTable()).containsExactlyInAnyOrderEntriesOf(Map.of("home_visit", 1L, "kaa_measure", 1L,
                "kaa_move", 1L, "kaa_placement", 1L, "school_signal", 1L, "contact_attempt", 1L,
                "kaa_status", rowsOf(r.ada(), org).get("kaa_status"), "kaa_episode", 1L));
        assertThat(due.rowsByTable().get("kaa_status")).isPositive();
        assertThat(Map.of(r.ada(), rowsOf(r.ada()), r.bo(), rowsOf(r.bo()), r.cia(), rowsOf(r.cia())))
                .as("the dry run changes nothing").isEqualTo(before);
        assertThat(kaa().countDue(r.other().organisationId(), THREE_YEARS, today()).persons())
                .as("Ada's episode in the other municipality is open").isZero();
    }

    @Test
    void theRemovalTakesWhatTheDryRunCountedFromEveryKaaTableAndNothingElse() {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        clock.moveTo(LocalDate.of(2027, 1, 1).atTime(12, 0).atZone(SWEDEN));
        RetentionCount counted = kaa().countDue(org, THREE_YEARS, today());
        var bo = rowsOf(r.bo());
        var cia = rowsOf(r.cia());
        var adaElsewhere = rowsOf(r.ada(), r.other().organisationId());

        RetentionCount removed = transactions.execute(tx -> kaa().removeDue(org, THREE_YEARS, today()));

        assertThat(removed.rowsByTable()).isEqualTo(counted.rowsByTable());
        assertThat(removed.persons()).isEqualTo(counted.persons());
        assertThat(removed.personIds()).as("the run learns whom it removed").containsExactly(r.ada());
        assertThat(rowsOf(r.ada(), org).values()).as("nothing left of Ada in the municipality").containsOnly(0L);
        assertThat(jdbc.sql("SELECT count(*) FROM home_visit h JOIN home_visit_day d ON d.id = h.day_id"
                + " WHERE h.person_id = ? AND d.organisation_id = ?").params(r.ada(), org.value()).query(Long.class)
                .single()).isZero();
        assertThat(rowsOf(r.bo())).as("Bo's time is not up").isEqualTo(bo);
        assertThat(rowsOf(r.cia())).as("Cia is still in the register").isEqualTo(cia);
        assertThat(rowsOf(r.ada(), r.other().organisationId())).as("the other municipality's records")
                .isEqualTo(adaElsewhere).containsEntry("kaa_episode", 2L);
        assertThat(jdbc.sql("SELECT count(*) FROM kaa_move WHERE person_id = ? AND from_organisation_id = ?"
                + " AND opened_episode_id IS NULL").params(r.ada(), r.other().organisationId().value())
                .query(Long.class).single()).as("the old municipality keeps its record of the move in").isEqualTo(1);
        assertThat(kaa().countDue(org, THREE_YEARS, today()).isEmpty()).as("repeatable: nothing due any more")
                .isTrue();
        assertThat(transactions.execute(tx -> kaa().removeDue(org, THREE_YEARS, today())).rows()).isZero();
    }

    @Test
    void theRemovalIsAllOrNothing() throws SQLException {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        clock.moveTo(LocalDate.of(2027, 1, 1).atTime(12, 0).atZone(SWEDEN));
        var ada = rowsOf(r.ada());
        // another transaction holds Ada's episode (as a coordinator saving it would): the removal has deleted from
        // the other tables when it reaches the episode, and gives up there
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var lock = other.prepareStatement("SELECT id FROM kaa_episode WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, episode(org.value(), r.ada()));
                lock.executeQuery().close();
            }
            assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                jdbc.sql("SET LOCAL lock_timeout = '300ms'").update();
                kaa().removeDue(org, THREE_YEARS, today());
            })).isInstanceOf(DataAccessException.class).hasMessageContaining("DELETE FROM kaa_episode")
                    .hasMessageContaining("lock timeout");
            other.rollback();
        }
        assertThat(rowsOf(r.ada())).as("nothing half-removed").isEqualTo(ada);
        assertThat(kaa().countDue(org, THREE_YEARS, today()).persons()).isEqualTo(1);
    }

    /** Every row of every KAA table about these persons (any municipality), as JSON; a move without its link in. */
    private List<String> snapshot(UUID... persons) {
        var rows = new ArrayList<String>();
        for (String table : holders.stream().filter(h -> h.register().equals("kaa")).findFirst().orElseThrow()
                .tables()) {
            rows.addAll(jdbc.sql("SELECT '" + table + " ' || (row_to_json(t)::jsonb - 'opened_episode_id')::text FROM "
                    + table + " t WHERE person_id = ANY(?::uuid[])").param(persons).query(String.class).list());
        }
        rows.sort(null);
        return rows;
    }

    @Test
    void theArchiveHoldsExactlyTheRowsTheRemovalRemoves() {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        clock.moveTo(LocalDate.of(2027, 1, 1).atTime(12, 0).atZone(SWEDEN));
        var archived = new ArrayList<String>();
        kaa().archiveDue(org, THREE_YEARS, today(), (table, json) -> archived.add(table + " " + jdbc
                .sql("SELECT (?::jsonb - 'opened_episode_id')::text").param(json).query(String.class).single()));
        var gone = snapshot(r.ada(), r.bo(), r.cia());

        RetentionCount removed = transactions.execute(tx -> kaa().removeDue(org, THREE_YEARS, today()));

        gone.removeAll(snapshot(r.ada(), r.bo(), r.cia()));
        assertThat(archived).as("the archive package holds what went, no more").hasSize((int) removed.rows())
                .containsExactlyInAnyOrderElementsOf(gone);
        assertThat(archived.stream().map(a -> a.substring(0, a.indexOf(' '))).distinct().toList())
                .as("in the removal's order, children before parents").containsExactly("home_visit", "kaa_measure",
                        "kaa_move", "kaa_placement", "school_signal", "contact_attempt", "kaa_status", "kaa_episode");
    }

    /** The school reports the person's absence over {@code period} (yyyy-MM); returns the person. */
    private UUID reported(Actor coordinator, String pin, String firstName, String period) {
        String csv = "personnummer;förnamn;efternamn;skola;skolans kommun;program;period;frånvaro %;risk för avbrott\n"
                + String.join(";", pin, firstName, "Signalsson", "Testskolan", "1260", "EL", period, "40", "nej")
                + "\n";
        var sv = java.util.Locale.forLanguageTag("sv");
        var preview = signalImports.upload(coordinator, "franvaro.csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), sv);
        assertThat(preview.errors()).isEmpty();
        signalImports.confirm(coordinator, preview.importId(), preview.digest(), sv);
        return jdbc.sql("SELECT id FROM young_person WHERE personal_identity_number = ?").param(pin)
                .query(UUID.class).single();
    }

    @Test
    void aPersonOnlyTheSchoolReportedIsDueWhenTheirLastSignalAndContactAreOlderThanThePeriod() {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        Actor caseWorker = fixture.caseWorkerOf(r.coordinator());
        // Dan and Eva never had an episode here: the school reported them (kaa.earlywarning); Dan in May 2023, and he
        // was called in June; Eva in October 2026
        UUID dan = reported(r.coordinator(), fixture.kaaAgeNumber(), "Dan", "2023-05");
        UUID eva = reported(r.coordinator(), fixture.kaaAgeNumber(), "Eva", "2026-10");
        jdbc.sql("""
                INSERT INTO contact_attempt (person_id, organisation_id, channel, contacted_on, staff_user_id, outcome)
                VALUES (?, ?, 'TELEFON', '2023-06-10', ?, 'NADD')""").params(dan, org.value(), caseWorker.userId())
                .update();
        assertThat(jdbc.sql("SELECT count(*) FROM kaa_episode WHERE person_id IN (?, ?)").params(dan, eva)
                .query(Long.class).single()).isZero();
        // Cia is in the register (an open episode) and the school reported her long ago
        jdbc.sql("""
                INSERT INTO school_signal (person_id, organisation_id, school, school_municipality, period_start,
                                           period_end, absence_percent)
                VALUES (?, ?, 'Testskolan', '1260', '2022-08-20', '2022-09-20', 40)""").params(r.cia(), org.value())
                .update();
        var eve = rowsOf(eva);
        var cia = rowsOf(r.cia());

        clock.moveTo(LocalDate.of(2026, 6, 10).atTime(12, 0).atZone(SWEDEN));
        assertThat(kaa().countDue(org, THREE_YEARS, today()).persons())
                .as("Dan's contact of 2023-06-10 is kept through the day three years on").isZero();
        clock.moveTo(LocalDate.of(2026, 6, 11).atTime(12, 0).atZone(SWEDEN));
        assertThat(kaa().countDue(org, THREE_YEARS, today()).persons()).as("Dan, from the day after").isOne();

        clock.moveTo(LocalDate.of(2027, 1, 1).atTime(12, 0).atZone(SWEDEN));
        RetentionCount counted = kaa().countDue(org, THREE_YEARS, today());
        assertThat(counted.persons()).as("Ada and Dan").isEqualTo(2);
        assertThat(counted.rowsByTable()).containsEntry("school_signal", 2L).containsEntry("contact_attempt", 2L)
                .containsEntry("kaa_episode", 1L);
        var archived = new ArrayList<String>();
        kaa().archiveDue(org, THREE_YEARS, today(), (table, json) -> archived.add(table));

        RetentionCount removed = transactions.execute(tx -> kaa().removeDue(org, THREE_YEARS, today()));

        assertThat(removed.rowsByTable()).isEqualTo(counted.rowsByTable());
        assertThat(archived).as("the archive package holds what went").hasSize((int) removed.rows());
        assertThat(removed.personIds()).containsExactlyInAnyOrder(r.ada(), dan);
        assertThat(rowsOf(dan, org).values()).as("nothing left of Dan in the municipality").containsOnly(0L);
        assertThat(rowsOf(eva)).as("Eva's signal is recent").isEqualTo(eve).containsEntry("school_signal", 1L);
        assertThat(rowsOf(r.cia())).as("Cia's episode is open: her old signal stays").isEqualTo(cia)
                .containsEntry("school_signal", 1L);
        assertThat(kaa().countDue(org, THREE_YEARS, today()).isEmpty()).as("repeatable").isTrue();
    }

    @Test
    void aSignalNewerThanAnOldEpisodesCloseKeepsThePersonUntilItIsOldToo() {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        // Ada left in 2023 and came back to school in the municipality, where she was absent again in autumn 2025
        jdbc.sql("""
                INSERT INTO school_signal (person_id, organisation_id, school, school_municipality, period_start,
                                           period_end, absence_percent)
                VALUES (?, ?, 'Testskolan', '1260', '2025-09-01', '2025-09-30', 35)""").params(r.ada(), org.value())
                .update();
        clock.moveTo(LocalDate.of(2027, 1, 1).atTime(12, 0).atZone(SWEDEN));
        assertThat(kaa().countDue(org, THREE_YEARS, today()).persons()).isZero();
        clock.moveTo(LocalDate.of(2028, 9, 30).atTime(12, 0).atZone(SWEDEN));
        assertThat(kaa().countDue(org, THREE_YEARS, today()).persons()).as("Bo (left 2025-06-01), not Ada").isOne();
        clock.moveTo(LocalDate.of(2028, 10, 1).atTime(12, 0).atZone(SWEDEN));
        RetentionCount removed = transactions.execute(tx -> kaa().removeDue(org, THREE_YEARS, today()));
        assertThat(removed.personIds()).containsExactlyInAnyOrder(r.ada(), r.bo());
        assertThat(rowsOf(r.ada(), org).values()).as("her old episode and both signals went").containsOnly(0L);
    }

    @Test
    void erasingAPersonTakesOnlyTheirRecordsInTheMunicipality() {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        var bo = rowsOf(r.bo());
        var cia = rowsOf(r.cia());
        var adaElsewhere = rowsOf(r.ada(), r.other().organisationId());
        RetentionCount counted = kaa().countPerson(org, r.ada());
        assertThat(counted.persons()).isEqualTo(1);
        assertThat(counted.rowsByTable()).containsEntry("kaa_episode", 1L).containsEntry("home_visit", 1L)
                .containsEntry("kaa_move", 1L);
        assertThat(counted.rowsByTable().keySet()).as("every table of the register")
                .containsExactlyInAnyOrderElementsOf(holders.stream().filter(h -> h.register().equals("kaa"))
                        .findFirst().orElseThrow().tables());

        RetentionCount erased = transactions.execute(tx -> kaa().erasePerson(org, r.ada()));

        assertThat(erased.rowsByTable()).isEqualTo(counted.rowsByTable());
        assertThat(erased.personIds()).containsExactly(r.ada());
        assertThat(rowsOf(r.ada(), org).values()).as("nothing left of Ada in the municipality").containsOnly(0L);
        assertThat(rowsOf(r.ada(), r.other().organisationId())).as("the other municipality's records")
                .isEqualTo(adaElsewhere);
        assertThat(jdbc.sql("SELECT count(*) FROM kaa_move WHERE person_id = ? AND from_organisation_id = ?"
                + " AND opened_episode_id IS NULL").params(r.ada(), r.other().organisationId().value())
                .query(Long.class).single()).as("the old municipality keeps its record of the move in").isEqualTo(1);
        assertThat(rowsOf(r.bo())).isEqualTo(bo);
        assertThat(rowsOf(r.cia())).isEqualTo(cia);
        assertThat(kaa().countPerson(org, r.ada()).isEmpty()).isTrue();
        assertThat(transactions.execute(tx -> kaa().erasePerson(org, r.ada())).personIds())
                .as("nothing held, nobody removed").isEmpty();
    }

    @Test
    void anOpenEpisodeMustBeKeptAndAClosedOneNeedNot() {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        assertThat(kaa().mustKeep(org, r.cia())).as("Cia is still in the register")
                .contains("privacy.keep.kaa.openEpisode");
        assertThat(kaa().mustKeep(org, r.ada())).as("Ada left the municipality").isEmpty();
        assertThat(kaa().mustKeep(r.other().organisationId(), r.ada())).as("and is in the other one's register")
                .contains("privacy.keep.kaa.openEpisode");
        assertThat(kaa().mustKeep(org, r.bo())).isEmpty();
        assertThat(kaa().mustKeep(r.other().organisationId(), r.bo())).as("Bo was never there").isEmpty();
    }

    @Test
    void aPersonIsStillHeldWhileAnyMunicipalityHoldsAnythingOnThem() {
        var r = register();
        UUID stranger = UUID.randomUUID();
        assertThat(kaa().stillHeld(List.of(r.ada(), r.bo(), r.cia(), stranger)))
                .containsExactlyInAnyOrder(r.ada(), r.bo(), r.cia());
        OrganisationId org = r.coordinator().organisationId();
        transactions.execute(tx -> kaa().erasePerson(org, r.bo()));
        transactions.execute(tx -> kaa().erasePerson(org, r.ada()));
        assertThat(kaa().stillHeld(List.of(r.ada(), r.bo(), r.cia()))).as("Ada is in the other municipality's")
                .containsExactlyInAnyOrder(r.ada(), r.cia());
        transactions.execute(tx -> kaa().erasePerson(r.other().organisationId(), r.ada()));
        assertThat(kaa().stillHeld(List.of(r.ada(), r.bo()))).isEmpty();
        assertThat(snapshot(r.ada(), r.bo())).as("no KAA row names them").isEmpty();
    }
}
