package se.lots.kaa.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.kaa.ExitReason;
import se.lots.kaa.KaaFixture;
import se.lots.kaa.KaaImportService;
import se.lots.kaa.register.KaaService.ContactInput;
import se.lots.kaa.register.KaaService.StatusInput;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.shared.FieldError;
import se.lots.shared.InvalidInputException;

@IntegrationTest
class KaaWorklistIntegrationTest {

    private static final Locale SV = Locale.forLanguageTag("sv");

    @Autowired
    KaaImportService imports;
    @Autowired
    KaaService kaa;
    @Autowired
    KaaFixture fixture;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CurrentActor actors;
    @Autowired
    org.springframework.context.MessageSource messages;
    @Autowired
    se.lots.registry.RegistryService registry;
    @Autowired
    se.lots.organisation.OrganisationService organisationsService;

    /** Imports one row per first name and returns the person ids in that order. */
    private UUID[] register(Actor coordinator, String... firstNames) {
        var sb = new StringBuilder("personnummer;förnamn;efternamn;situation\n");
        var pins = new String[firstNames.length];
        for (int i = 0; i < firstNames.length; i++) {
            pins[i] = fixture.kaaAgeNumber();
            sb.append(pins[i]).append(';').append(firstNames[i]).append(";Listsson;studiebevis\n");
        }
        var preview = imports.upload(coordinator, "lista.csv", sb.toString().getBytes(StandardCharsets.UTF_8), SV);
        imports.confirm(coordinator, preview.importId(), preview.digest(), Map.of(), SV);
        var ids = new UUID[pins.length];
        for (int i = 0; i < pins.length; i++) {
            ids[i] = jdbc.sql("SELECT id FROM young_person WHERE personal_identity_number = ?").param(pins[i])
                    .query(UUID.class).single();
        }
        return ids;
    }

    private static ContactInput attempt(String outcome, String newStatus) {
        String today = LocalDate.now().toString();
        return new ContactInput("TELEFON", today, outcome, false, null,
                new StatusInput(newStatus, null, null, today, "UNGDOMEN", null));
    }

    private static java.util.List<String> names(KaaService.WorklistPage page) {
        return page.rows().stream().map(Worklist.Row::name).toList();
    }

    @Test
    void theNotKnownShareShrinksWhenAnAttemptReachesSomeone() {
        Actor coordinator = fixture.newMunicipality();
        UUID[] ids = register(coordinator, "Ada", "Bea", "Cia", "Dan");
        assertThat(kaa.overview(coordinator).notKnownPercent()).isEqualTo(100);

        kaa.recordContact(coordinator, ids[0], attempt("NADD", "KONTAKTAD"));

        var overview = kaa.overview(coordinator);
        assertThat(overview.notKnown()).isEqualTo(3);
        assertThat(overview.notKnownPercent()).isEqualTo(75);
        assertThat(names(kaa.worklist(coordinator, Worklist.Filter.NOT_KNOWN, Worklist.Sort.NAME, 0)))
                .containsExactly("Bea Listsson", "Cia Listsson", "Dan Listsson");
        assertThat(kaa.person(coordinator, ids[0]).statuses()).extracting(StatusRecord::status)
                .containsExactly(KaaStatus.KONTAKTAD, KaaStatus.OKAND);
    }

    @Test
    void someoneNotReachedAfterThreeAttemptsAndAnOverdueReviewShowOnTheWorklist() {
        Actor coordinator = fixture.newMunicipality();
        UUID[] ids = register(coordinator, "Eva", "Fia");
        for (int i = 0; i < 3; i++) {
            kaa.recordContact(coordinator, ids[0], attempt("EJ_NADD", null));
        }
        // two months pass: the statuses from the list are due for review
        jdbc.sql("UPDATE kaa_status SET ascertained_on = ascertained_on - 60, review_on = review_on - 60"
                + " WHERE organisation_id = ?").param(coordinator.organisationId().value()).update();
        kaa.recordStatus(coordinator, ids[0], new StatusInput("STUDERAR", "FOLKHOGSKOLA", "Allmän kurs",
                LocalDate.now().toString(), "SKOLAN", null));

        assertThat(names(kaa.worklist(coordinator, Worklist.Filter.NOT_REACHED, Worklist.Sort.NAME, 0)))
                .containsExactly("Eva Listsson");
        assertThat(names(kaa.worklist(coordinator, Worklist.Filter.DUE, Worklist.Sort.NAME, 0)))
                .containsExactly("Fia Listsson");
        assertThat(names(kaa.worklist(coordinator, Worklist.Filter.NEW_FROM_IMPORT, Worklist.Sort.NAME, 0)))
                .containsExactly("Eva Listsson", "Fia Listsson");
    }

    @Test
    void anAssignedPersonIsOnTheStaffMembersOwnList() {
        Actor coordinator = fixture.newMunicipality();
        Actor outreach = fixture.caseWorkerOf(coordinator);
        register(coordinator, "Gun", "Hans");
        var gun = kaa.worklist(coordinator, Worklist.Filter.ALL, Worklist.Sort.NAME, 0).rows().get(0);

        kaa.assign(coordinator, gun.episodeId(), outreach.userId());

        assertThat(names(kaa.worklist(outreach, Worklist.Filter.MINE, Worklist.Sort.NAME, 0)))
                .containsExactly("Gun Listsson");
        assertThat(names(kaa.worklist(coordinator, Worklist.Filter.UNASSIGNED, Worklist.Sort.NAME, 0)))
                .containsExactly("Hans Listsson");
        assertThatThrownBy(() -> kaa.assign(coordinator, gun.episodeId(), actors.byUsername("kaa").userId()))
                .as("staff of another organisation").isInstanceOf(InvalidInputException.class);
        organisationsService.createUser(new se.lots.organisation.NewUser("lead-" + coordinator.username(),
                "ett-langt-losenord", "Lea Ledare", se.lots.organisation.Role.PROGRAMME_LEAD,
                coordinator.organisationId(), null));
        long lead = actors.byUsername("lead-" + coordinator.username()).userId();
        assertThatThrownBy(() -> kaa.assign(coordinator, gun.episodeId(), lead))
                .as("someone of the organisation who does not work in the KAA register")
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aStatusWithoutSourceOrWithAFutureDateIsRefusedFieldByField() {
        Actor coordinator = fixture.newMunicipality();
        UUID id = register(coordinator, "Ida")[0];

        assertThatThrownBy(() -> kaa.recordStatus(coordinator, id, new StatusInput("ARBETAR", null, null,
                LocalDate.now().plusDays(3).toString(), "", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::messageKey).containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("source", "validation.required"),
                                org.assertj.core.groups.Tuple.tuple("ascertainedOn", "validation.dateInFuture")));
        assertThat(kaa.person(coordinator, id).statuses()).hasSize(1);
    }

    @Test
    void anotherMunicipalityOrAnotherRoleCannotReadOrWriteTheRegister() {
        Actor coordinator = fixture.newMunicipality();
        Actor other = fixture.newMunicipality();
        UUID id = register(coordinator, "Jan")[0];

        assertThatThrownBy(() -> kaa.recordContact(other, id, attempt("NADD", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(kaa.person(other, id).episodes()).isEmpty();
        assertThat(kaa.worklist(other, Worklist.Filter.ALL, Worklist.Sort.NAME, 0).rows()).isEmpty();
        assertThatThrownBy(() -> kaa.worklist(actors.byUsername("analytiker"), Worklist.Filter.ALL,
                Worklist.Sort.NAME, 0)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> kaa.worklist(actors.byUsername("af"), Worklist.Filter.ALL, Worklist.Sort.NAME, 0))
                .as("a case worker at AF has no municipality").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void everyPersonOnAWorklistPageIsAudited() {
        Actor coordinator = fixture.newMunicipality();
        UUID[] ids = register(coordinator, "Kim", "Lo");

        kaa.worklist(coordinator, Worklist.Filter.ALL, Worklist.Sort.NAME, 0);

        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE username = ? AND action = 'SEARCH'"
                + " AND detail = 'KAA-arbetslista' AND person_id IN (?, ?)").params(coordinator.username(), ids[0],
                ids[1]).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void theWorklistExportHoldsEveryoneOfTheFilterInOrderAndAuditsEachAsExported() throws Exception {
        Actor coordinator = fixture.newMunicipality();
        UUID[] ids = register(coordinator, "Nora", "Mira", "Olle");
        kaa.recordContact(coordinator, ids[0], attempt("NADD", "KONTAKTAD"));

        byte[] xlsx = kaa.worklistWorkbook(coordinator, Worklist.Filter.NOT_KNOWN, Worklist.Sort.NAME, messages, SV);

        java.util.List<java.util.List<String>> rows;
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            rows = workbook.getFirstSheet().read().stream()
                    .map(r -> r.stream().map(c -> c == null ? "" : c.getText()).toList()).toList();
        }
        assertThat(rows.get(0)).startsWith("Namn", "Identitet", "Status");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0)).containsExactly("Mira Listsson",
                "Olle Listsson");
        assertThat(rows.get(1).get(2)).isEqualTo("Okänd");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE username = ? AND action = 'EXPORT'"
                + " AND person_id IN (?, ?, ?)").params(coordinator.username(), ids[0], ids[1], ids[2])
                .query(Integer.class).single()).as("Mira and Olle, not Nora").isEqualTo(2);

        byte[] others = kaa.worklistWorkbook(fixture.newMunicipality(), Worklist.Filter.ALL, Worklist.Sort.NAME,
                messages, SV);
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(others))) {
            assertThat(workbook.getFirstSheet().read()).as("another municipality: the header only").hasSize(1);
        }
    }

    @Test
    void theWorklistFollowsTheLatestStatusByDateAndAReturningPersonKeepsTheirEarlierAttempts() {
        Actor coordinator = fixture.newMunicipality();
        UUID id = register(coordinator, "Pia")[0];
        kaa.recordStatus(coordinator, id, new StatusInput("ARBETAR", null, "Extrajobb", LocalDate.now().toString(),
                "UNGDOMEN", null));
        // a status learnt later but true earlier does not replace the newer one
        kaa.recordStatus(coordinator, id, new StatusInput("EJ_ANTRAFFBAR", null, null,
                LocalDate.now().minusDays(10).toString(), "SKOLAN", null));
        kaa.recordContact(coordinator, id, attempt("EJ_NADD", null));
        kaa.recordContact(coordinator, id, attempt("EJ_NADD", null));

        var row = kaa.worklist(coordinator, Worklist.Filter.ALL, Worklist.Sort.NAME, 0).rows().get(0);
        assertThat(row.status()).isEqualTo(KaaStatus.ARBETAR);
        assertThat(row.attempts()).isEqualTo(2);
        assertThat(row.reached()).isFalse();

        String pin = jdbc.sql("SELECT personal_identity_number FROM young_person WHERE id = ?").param(id)
                .query(String.class).single();
        var without = imports.upload(coordinator, "utan.csv", "personnummer;förnamn;efternamn;situation\n"
                .getBytes(StandardCharsets.UTF_8), SV);
        imports.confirm(coordinator, without.importId(), without.digest(),
                Map.of(without.closing().get(0).episodeId(), ExitReason.FLYTTAT), SV);
        assertThat(kaa.worklist(coordinator, Worklist.Filter.ALL, Worklist.Sort.NAME, 0).rows()).isEmpty();
        var back = imports.upload(coordinator, "tillbaka.csv", ("personnummer;förnamn;efternamn;situation\n" + pin
                + ";Pia;Listsson;studiebevis\n").getBytes(StandardCharsets.UTF_8), SV);
        imports.confirm(coordinator, back.importId(), back.digest(), Map.of(), SV);

        var again = kaa.worklist(coordinator, Worklist.Filter.ALL, Worklist.Sort.NAME, 0).rows();
        assertThat(again).singleElement().satisfies(r -> {
            assertThat(r.episodeId()).isNotEqualTo(row.episodeId());
            assertThat(r.attempts()).as("attempts of the earlier episode").isEqualTo(2);
            assertThat(r.status()).as("the list's new OKÄND of today").isEqualTo(KaaStatus.OKAND);
        });
        assertThat(kaa.worklist(coordinator, Worklist.Filter.ALL, Worklist.Sort.NAME, 5).total())
                .as("a page beyond the last still counts the filter").isEqualTo(1);
    }

    @Test
    void statusesAndAttemptsWrittenTogetherInOneStatementCountAsTheirHistorySays() {
        Actor coordinator = fixture.newMunicipality();
        UUID id = register(coordinator, "Stina")[0];
        LocalDate today = LocalDate.now();
        // one statement each (as a batch writes them): the latest ascertained status wins (the list's OKÄND is of
        // today), of two ascertained the same day the one recorded last; every attempt counts, the latest day is the
        // last attempt
        jdbc.sql("""
                INSERT INTO kaa_status (person_id, organisation_id, status, ascertained_on, source, review_on,
                                        recorded_at)
                VALUES (:p, :o, 'ARBETAR', :d3, 'UNGDOMEN', NULL, now() + interval '1 second'),
                       (:p, :o, 'AVBOJER', :d0, 'UNGDOMEN', :review, now() + interval '2 seconds'),
                       (:p, :o, 'KONTAKTAD', :d0, 'UNGDOMEN', NULL, now() + interval '1 second'),
                       (:p, :o, 'I_ATGARD', :d3, 'UNGDOMEN', NULL, now() + interval '3 seconds')""")
                .param("p", id).param("o", coordinator.organisationId().value()).param("d3", today.minusDays(3))
                .param("d0", today).param("review", today.plusDays(30)).update();
        jdbc.sql("""
                INSERT INTO contact_attempt (person_id, organisation_id, channel, contacted_on, staff_user_id, outcome)
                VALUES (:p, :o, 'BREV', :d5, :u, 'EJ_NADD'), (:p, :o, 'TELEFON', :d2, :u, 'NADD'),
                       (:p, :o, 'SMS', :d4, :u, 'EJ_NADD')""")
                .param("p", id).param("o", coordinator.organisationId().value()).param("u", coordinator.userId())
                .param("d5", today.minusDays(5)).param("d2", today.minusDays(2)).param("d4", today.minusDays(4))
                .update();

        var row = kaa.worklist(coordinator, Worklist.Filter.ALL, Worklist.Sort.NAME, 0).rows().get(0);
        assertThat(row.status()).isEqualTo(KaaStatus.AVBOJER);
        assertThat(row.reviewOn()).isEqualTo(today.plusDays(30));
        assertThat(row.attempts()).isEqualTo(3);
        assertThat(row.reached()).isTrue();
        assertThat(row.lastAttempt()).isEqualTo(today.minusDays(2));
        // and the same as the episode computed again from the whole history
        jdbc.sql("SELECT kaa_episode_recompute(?, ?)").params(coordinator.organisationId().value(),
                id).query().singleRow();
        var recomputed = kaa.worklist(coordinator, Worklist.Filter.ALL, Worklist.Sort.NAME, 0).rows().get(0);
        assertThat(recomputed).isEqualTo(row);
    }

    /** The figures the triggers keep on the person's episodes in the municipality, oldest episode first. */
    private java.util.List<Map<String, Object>> figures(Actor coordinator, UUID person) {
        return jdbc.sql("""
                SELECT current_status, current_ascertained_on, current_review_on, attempts, reached, last_attempt_on
                  FROM kaa_episode WHERE organisation_id = ? AND person_id = ? ORDER BY registered_on, created_at""")
                .params(coordinator.organisationId().value(), person).query().listOfRows();
    }

    @Test
    void deletedStatusesAndAttemptsLeaveTheFiguresTheRemainingHistorySays() {
        Actor coordinator = fixture.newMunicipality();
        UUID[] ids = register(coordinator, "Siv", "Tor", "Ulla");
        long org = coordinator.organisationId().value();
        LocalDate today = LocalDate.now();
        for (UUID id : ids) {
            jdbc.sql("""
                    INSERT INTO kaa_status (person_id, organisation_id, status, ascertained_on, source, review_on,
                                            recorded_at)
                    VALUES (:p, :o, 'ARBETAR', :d3, 'UNGDOMEN', NULL, now() + interval '1 second'),
                           (:p, :o, 'AVBOJER', :d0, 'UNGDOMEN', :review, now() + interval '2 seconds')""")
                    .param("p", id).param("o", org).param("d3", today.minusDays(3)).param("d0", today)
                    .param("review", today.plusDays(30)).update();
            jdbc.sql("""
                    INSERT INTO contact_attempt (person_id, organisation_id, channel, contacted_on, staff_user_id,
                                                 outcome)
                    VALUES (:p, :o, 'BREV', :d5, :u, 'EJ_NADD'), (:p, :o, 'TELEFON', :d2, :u, 'NADD'),
                           (:p, :o, 'SMS', :d4, :u, 'EJ_NADD')""")
                    .param("p", id).param("o", org).param("u", coordinator.userId()).param("d5", today.minusDays(5))
                    .param("d2", today.minusDays(2)).param("d4", today.minusDays(4)).update();
        }
        // Ulla's episode closes: its figures stay as they were when it closed, whatever happens to the history later
        jdbc.sql("UPDATE kaa_episode SET exited_on = ?, exit_reason = 'FLYTTAT' WHERE person_id = ?")
                .params(today, ids[2]).update();
        var ullaClosed = figures(coordinator, ids[2]);
        assertThat(ullaClosed).singleElement().satisfies(f -> assertThat(f).containsEntry("current_status", "AVBOJER")
                .containsEntry("attempts", 3));

        // one statement each over the three persons: the latest status and the attempt that reached them go; and Siv's
        // first attempt alone in a statement of its own
        assertThat(jdbc.sql("DELETE FROM kaa_status WHERE person_id IN (?, ?, ?) AND status = 'AVBOJER'")
                .params(ids[0], ids[1], ids[2]).update()).isEqualTo(3);
        assertThat(jdbc.sql("DELETE FROM contact_attempt WHERE person_id IN (?, ?, ?) AND outcome = 'NADD'")
                .params(ids[0], ids[1], ids[2]).update()).isEqualTo(3);
        assertThat(jdbc.sql("DELETE FROM contact_attempt WHERE person_id = ? AND channel = 'BREV'").param(ids[0])
                .update()).isOne();

        var siv = figures(coordinator, ids[0]);
        var tor = figures(coordinator, ids[1]);
        assertThat(siv).singleElement().satisfies(f -> assertThat(f)
                .as("the list's OKÄND of today is the latest left").containsEntry("current_status", "OKAND")
                .containsEntry("attempts", 1).containsEntry("reached", false)
                .containsEntry("last_attempt_on", java.sql.Date.valueOf(today.minusDays(4))));
        assertThat(tor).singleElement().satisfies(f -> assertThat(f).containsEntry("current_status", "OKAND")
                .containsEntry("attempts", 2).containsEntry("reached", false)
                .containsEntry("last_attempt_on", java.sql.Date.valueOf(today.minusDays(4))));
        assertThat(figures(coordinator, ids[2])).as("a closed episode is not recomputed").isEqualTo(ullaClosed);
        // and the same as the episodes computed again from the whole history
        for (UUID id : ids) {
            jdbc.sql("SELECT kaa_episode_recompute(?, ?)").params(org, id).query().singleRow();
        }
        assertThat(figures(coordinator, ids[0])).isEqualTo(siv);
        assertThat(figures(coordinator, ids[1])).isEqualTo(tor);
        // a delete that removes nothing changes nothing
        assertThat(jdbc.sql("DELETE FROM kaa_status WHERE person_id = ? AND status = 'AVBOJER'").param(ids[0])
                .update()).isZero();
        assertThat(figures(coordinator, ids[0])).isEqualTo(siv);
    }

    @Test
    void aNameChangedInTheRegistryMovesThePersonInTheWorklistsNameOrder() {
        Actor coordinator = fixture.newMunicipality();
        UUID[] ids = register(coordinator, "Ada", "Bea");
        assertThat(names(kaa.worklist(coordinator, Worklist.Filter.ALL, Worklist.Sort.NAME, 0)))
                .containsExactly("Ada Listsson", "Bea Listsson");

        var ada = registry.read(coordinator, ids[0]).person();
        var renamed = se.lots.registry.PersonInput.of(ada);
        registry.update(coordinator, ada.id(), new se.lots.registry.PersonInput(renamed.anonymous(),
                renamed.personalIdentityNumber(), renamed.birthDate(), renamed.birthYear(), renamed.firstName(),
                "Öberg", renamed.gender(), renamed.municipalityCode(), renamed.protectedIdentity(), renamed.address(),
                renamed.phone(), renamed.email(), renamed.preferredLanguage(), renamed.interpreterNeeded(),
                renamed.guardian(), renamed.version()));

        assertThat(names(kaa.worklist(coordinator, Worklist.Filter.ALL, Worklist.Sort.NAME, 0)))
                .containsExactly("Bea Listsson", "Ada Öberg");
    }

    @Test
    void anEpisodeWrittenByHandTakesItsFiguresFromTheRegistryAndTheHistory() {
        Actor coordinator = fixture.newMunicipality();
        UUID id = register(coordinator, "Ebba")[0];
        kaa.recordContact(coordinator, id, attempt("EJ_NADD", null));
        LocalDate today = LocalDate.now();
        jdbc.sql("UPDATE kaa_episode SET exited_on = ?, exit_reason = 'FLYTTAT' WHERE person_id = ?")
                .params(today, id).update();
        // another writer than Lots' own gives no figures: the row trigger (R__kaa_functions.sql) fills them in
        jdbc.sql("""
                INSERT INTO kaa_episode (person_id, organisation_id, registered_on, registration_reason)
                VALUES (?, ?, ?, 'OVRIGT')""").params(id, coordinator.organisationId().value(), today).update();

        var row = kaa.worklist(coordinator, Worklist.Filter.ALL, Worklist.Sort.NAME, 0).rows().get(0);
        assertThat(row.name()).isEqualTo("Ebba Listsson");
        assertThat(row.status()).isEqualTo(KaaStatus.OKAND);
        assertThat(row.attempts()).isEqualTo(1);
        var birth = registry.read(coordinator, id).person().birthDate();
        assertThat(row.twentiethBirthday()).isEqualTo(birth.plusYears(20));
        assertThat(jdbc.sql("SELECT sort_name FROM kaa_episode WHERE person_id = ? AND exited_on IS NULL").param(id)
                .query(String.class).single()).isEqualTo("Listsson\tEbba");
    }

    @Test
    void theFunctionsThatKeepTheFiguresNeverScanAWholeTable() {
        // a trigger function keeps its plans for the connection's life (V13); CREATE OR REPLACE resets the setting
        assertThat(jdbc.sql("""
                SELECT proname FROM pg_proc
                 WHERE proname IN ('kaa_episode_summary_from_history', 'kaa_statuses_to_episodes',
                                   'contact_attempts_to_episodes', 'kaa_history_removed')
                   AND 'enable_seqscan=off' = ANY (proconfig)""").query(String.class).list())
                .containsExactlyInAnyOrder("kaa_episode_summary_from_history", "kaa_statuses_to_episodes",
                        "contact_attempts_to_episodes", "kaa_history_removed");
    }
}
