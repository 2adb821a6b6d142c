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

    /** The test writes enrolments with SQL ({@link RegisterRecords#followUpUnitsInStep}). */
    @AfterEach
    void followUpUnitsInStep() {
        RegisterRecords.followUpUnitsInStep(jdbc);
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
        var created = RegisterRecords.write(jdbc, lead, municipality, id, true);
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
