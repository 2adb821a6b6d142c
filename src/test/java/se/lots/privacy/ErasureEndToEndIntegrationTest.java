package se.lots.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.MovableClock;
import se.lots.WebSession;
import se.lots.audit.AuditAction;
import se.lots.audit.internal.AuditEntries;
import se.lots.audit.internal.AuditQuery;
import se.lots.kaa.KaaFixture;
import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.registry.PersonBuilder;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * The end-to-end proof of erasure on request (issue 23): a person whose data exists only in a civil-society
 * organisation — the registry's record, a plan with a step and an enrolment, a participation with registrations and
 * an assessment, a withdrawn consent, a past appointment, a refused extract request and the log of who read them — is
 * erased by the organisation's lead on the page; then no table that can hold personal data (found from the schema, as
 * the coverage test finds them) holds a row naming them, the audit chain still verifies, and neither the log nor the
 * erasure's own case identifies them.
 */
@IntegrationTest
class ErasureEndToEndIntegrationTest {

    private static final String PASSWORD = "ett-langt-losenord";

    @Autowired
    RegistryService registry;
    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;
    @Autowired
    KaaFixture kaa;
    @Autowired
    AuditEntries audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;
    @LocalServerPort
    int port;

    /**
     * The test writes enrolments with SQL, without the plan module's EnrolmentChanged that keeps progression's
     * follow-up units in step: bring every unit in step again, as the events would have, so that the shared database
     * stays consistent for the tests that check all units (ProgressionFunderReportIntegrationTest).
     */
    @AfterEach
    void followUpUnitsInStep() {
        jdbc.sql("""
                SELECT follow_up_unit_refresh(ARRAY(SELECT id FROM enrolment
                                                   UNION SELECT enrolment_id FROM follow_up_unit
                                                          WHERE enrolment_id IS NOT NULL))""")
                .query((rs, n) -> 1).list();
    }

    @Test
    void aPersonErasedFromACivilSocietyOrganisationIsLeftNowhereAndTheLogStillVerifies() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var org = organisations.create(new NewOrganisation("Föreningen Raderas " + suffix, PartyType.CIVIL_SOCIETY,
                null, null, List.of("Verksamheten")));
        organisations.createUser(new NewUser("radera-" + suffix, PASSWORD, "Lea Ledare", Role.PROGRAMME_LEAD,
                org.id(), null));
        Actor lead = actors.byUsername("radera-" + suffix);
        Actor municipality = kaa.newMunicipality();
        YoungPerson person = registry.register(lead, PersonBuilder.aYoungPerson().named("Rut", "Utplånasson").build());
        UUID id = person.id();
        String pin = person.personalIdentityNumber().value();
        registry.read(lead, id);
        var created = records(lead, municipality, id);
        assertThat(mentions(id.toString())).as("the person is in several tables before").isGreaterThan(5);

        var session = WebSession.logIn(port, lead.username(), PASSWORD);
        String preview = session.get("/integritet/radering/ny?person=" + id).body();
        assertThat(preview).contains("id=\"erasure-held\"", "Begäran kan bifallas").doesNotContain("erasure-not-built");
        var decided = session.postForm("/integritet/radering/ny?person=" + id, "/integritet/radering/ny", Map.of(
                "identity", pin, "receivedOn", LocalDate.now(clock).toString(), "requestedBy", "PERSON",
                "identityCheck", "BANKID"));

        assertThat(decided.statusCode()).isEqualTo(200);
        assertThat(decided.body()).contains("id=\"letter-erased\"", "Lots har inte längre några uppgifter om dig");
        assertThat(registry.exists(id)).isFalse();
        // nowhere in the schema's tables of personal data: not by id, not by personnummer, not by name
        for (String text : List.of(id.toString(), pin, pin.substring(0, 8) + "-" + pin.substring(8), "Utplånasson")) {
            assertThat(tablesMentioning(text)).as("tables still holding %s", text).isEmpty();
        }
        for (var row : created.entrySet()) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + row.getKey() + " WHERE id = ?").param(row.getValue())
                    .query(Long.class).single()).as(row.getKey()).isZero();
        }
        // the log: verifies, nothing names the person, the erasure is in it without them
        var verification = audit.verify();
        assertThat(verification.valid()).isTrue();
        assertThat(verification.firstBrokenId()).isNull();
        assertThat(audit.count(new AuditQuery(id, null, null, null, null))).isZero();
        var erasure = audit.search(new AuditQuery(null, lead.username(), null, null, AuditAction.ERASURE), 1, 0)
                .get(0);
        assertThat(erasure.personId()).isNull();
        assertThat(erasure.detail()).contains("RAD-", "personen borttagen ur Lots").doesNotContain(pin, "Utplånasson");
        // the case keeps no identity
        String caseRow = jdbc.sql("""
                SELECT row_to_json(r)::text FROM privacy_erasure_request r
                 WHERE organisation_id = ? ORDER BY decided_at DESC LIMIT 1""").param(lead.organisationId().value())
                .query(String.class).single();
        assertThat(caseRow).contains("\"ERASED\"", "\"person_forgotten\":true").doesNotContain(id.toString(), pin,
                "Utplånasson", "Rut");
    }

    /** The person's records in each register, all of the civil-society organisation; the rows' ids by table. */
    private Map<String, UUID> records(Actor lead, Actor other, UUID person) {
        long org = lead.organisationId().value();
        long programme = jdbc.sql("INSERT INTO programme (organisation_id, name) VALUES (?, 'Steget') RETURNING id")
                .param(org).query(Long.class).single();
        UUID enrolment = jdbc.sql("""
                INSERT INTO enrolment (person_id, programme_id, organisation_id, started_on, reason, ended_on,
                                       end_reason, created_by)
                VALUES (?, ?, ?, '2025-01-10', 'Egen anmälan', '2025-06-30', 'ARBETE', ?) RETURNING id""")
                .params(person, programme, org, lead.userId()).query(UUID.class).single();
        UUID plan = jdbc.sql("""
                INSERT INTO plan (person_id, goal, strengths, created_by, created_at, updated_by, updated_at)
                VALUES (?, 'Jobba med djur', 'Noggrann', ?, '2025-01-15', ?, '2025-05-01') RETURNING id""")
                .params(person, lead.userId(), lead.userId()).query(UUID.class).single();
        long track = jdbc.sql("INSERT INTO plan_track (plan_id, kind, position) VALUES (?, 'ARBETE', 1) RETURNING id")
                .param(plan).query(Long.class).single();
        UUID step = jdbc.sql("""
                INSERT INTO plan_step (plan_id, track_id, organisation_id, responsible_party, title, status,
                                       created_by, created_at, updated_by, updated_at)
                VALUES (?, ?, ?, 'KOMMUNEN', 'Praktik', 'KLAR', ?, '2025-02-01', ?, '2025-05-01') RETURNING id""")
                .params(plan, track, org, lead.userId(), lead.userId()).query(UUID.class).single();
        jdbc.sql("""
                INSERT INTO journey_event (person_id, organisation_id, user_id, occurred_on, recorded_at, kind, summary)
                VALUES (?, ?, ?, '2025-03-01', '2025-03-01', 'KONTAKT', 'Samtal med Rut')""")
                .params(person, org, lead.userId()).update();
        UUID participant = jdbc.sql("""
                INSERT INTO participant (programme_id, organisation_id, enrolment_id, gender, birth_year, started_on,
                                         ended_on, created_by, created_at)
                VALUES (?, ?, ?, 'KVINNA', 2004, '2025-01-10', '2025-06-30', ?, '2025-01-10') RETURNING id""")
                .params(programme, org, enrolment, lead.userId()).query(UUID.class).single();
        UUID registration = jdbc.sql("""
                INSERT INTO registration (participant_id, kind, measured_on, occupation, education_level,
                                          registered_at_af, created_by, created_at)
                VALUES (?, 'START', '2025-01-10', 'ARBETSSOKANDE', 'GYMNASIAL', true, ?, '2025-01-10') RETURNING id""")
                .params(participant, lead.userId()).query(UUID.class).single();
        UUID assessment = jdbc.sql("""
                INSERT INTO assessment (participant_id, instrument_id, rater, assessed_on, total, created_by, created_at)
                SELECT ?, id, 'DEN_UNGE', '2025-02-01', 12, ?, '2025-02-01' FROM instrument
                 WHERE name = 'Skattning av mående (ORS-liknande)' RETURNING id""")
                .params(participant, lead.userId()).query(UUID.class).single();
        UUID consent = jdbc.sql("""
                INSERT INTO consent (person_id, from_organisation_id, to_organisation_id, purpose, scope, given_how,
                                     valid_from, valid_to, withdrawn_at, recorded_at, recorded_by, withdrawn_by)
                VALUES (?, ?, ?, 'SAMORDNING', '{PLAN}', 'SKRIFTLIGT', '2025-01-10', '2026-01-10',
                        '2025-03-01 10:00+01', '2025-01-10 09:00+01', ?, ?) RETURNING id""")
                .params(person, org, other.organisationId().value(), lead.userId(), lead.userId())
                .query(UUID.class).single();
        UUID appointment = jdbc.sql("""
                INSERT INTO appointment (person_id, organisation_id, with_user_id, starts_at, ends_at, place, purpose,
                                         context, reminder_channel, reminder_address, attendance, attendance_by,
                                         attendance_at, created_by, created_at)
                VALUES (?, ?, ?, '2025-02-01 10:00+01', '2025-02-01 11:00+01', 'Föreningslokalen', 'Samtal', 'PLAN',
                        'SMS', '070-111 22 33', 'KOM', ?, '2025-02-01 11:00+01', ?, '2025-01-25 10:00+01')
                RETURNING id""")
                .params(person, org, lead.userId(), lead.userId(), lead.userId()).query(UUID.class).single();
        UUID extract = jdbc.sql("""
                INSERT INTO privacy_extract_request (organisation_id, person_id, received_on, requested_by,
                       identity_check, status, deadline, refusal_reason, created_at, created_by)
                VALUES (?, ?, '2025-02-01', 'PERSON', 'BANKID', 'REFUSED', '2025-03-01', 'Uppenbart ogrundad',
                        '2025-02-01 10:00+01', ?) RETURNING id""")
                .params(org, person, lead.userId()).query(UUID.class).single();
        var ids = new java.util.LinkedHashMap<String, UUID>();
        ids.put("enrolment", enrolment);
        ids.put("plan", plan);
        ids.put("plan_step", step);
        ids.put("participant", participant);
        ids.put("registration", registration);
        ids.put("assessment", assessment);
        ids.put("consent", consent);
        ids.put("appointment", appointment);
        ids.put("privacy_extract_request", extract);
        return ids;
    }

    private List<String> tablesMentioning(String text) {
        var found = new ArrayList<String>();
        for (String table : PersonalDataCoverageIntegrationTest.personTables(jdbc)) {
            long n = jdbc.sql("SELECT count(*) FROM " + table + " t WHERE strpos(row_to_json(t)::text, ?) > 0")
                    .param(text).query(Long.class).single();
            if (n > 0) {
                found.add(table + " (" + n + ")");
            }
        }
        return found;
    }

    private long mentions(String text) {
        return tablesMentioning(text).size();
    }
}
