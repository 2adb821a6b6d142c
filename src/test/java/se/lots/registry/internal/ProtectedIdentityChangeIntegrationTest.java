package se.lots.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.audit.internal.AuditEntries;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.security.CurrentActor;

/**
 * Setting and lifting a protected identity (issue 23, item 5) as the API and the pages do it: never as a side effect
 * of a plain update, only with a reason, lifting only by a KAA coordinator or programme lead of the holding
 * organisation, each change an audit action of its own with the reason, which the auditor can filter on.
 */
@IntegrationTest
class ProtectedIdentityChangeIntegrationTest {

    private static final String NOT_BY_UPDATE = "Skyddad identitet kan inte ändras tillsammans med övriga uppgifter.";
    private static final String REASON_REQUIRED =
            "Ange skälet till ändringen av skyddad identitet (minst 10 tecken).";

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditEntries auditEntries;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anApiUpdateThatWouldSetOrLiftTheFlagIsRefusedNamingTheFieldAndNothingChanges() throws Exception {
        YoungPerson open = registry.register(actors.byUsername("kaa"), aYoungPerson().named("Api", "Öppen").build());
        YoungPerson hidden = registry.register(actors.byUsername("kaa"),
                aYoungPerson().named("Api", "Dold").protectedIdentity().build());

        for (YoungPerson p : List.of(open, hidden)) {
            String before = snapshot(p.id());
            var response = send("kaa", "PUT", "/api/v1/persons/" + p.id(), """
                    {"firstName":"Ändrad","lastName":"%s","gender":"KVINNA","municipalityCode":"1214",
                     "protectedIdentity":%s,"version":%d}""".formatted(p.lastName(), !p.protectedIdentity(),
                    p.version()));

            assertThat(response.statusCode()).as(p.lastName()).isEqualTo(400);
            assertThat(response.body()).contains("\"field\":\"protectedIdentity\"", NOT_BY_UPDATE,
                    "/protected-identity");
            assertThat(snapshot(p.id())).as("%s is unchanged", p.lastName()).isEqualTo(before);
        }
        assertThat(auditRows(open.id(), "PROTECTED_IDENTITY_SET")).isEmpty();
        assertThat(auditRows(hidden.id(), "PROTECTED_IDENTITY_LIFTED")).isEmpty();
    }

    @Test
    void anApiUpdateWithTheSameFlagOrWithoutItSaves() throws Exception {
        YoungPerson hidden = registry.register(actors.byUsername("kaa"),
                aYoungPerson().named("Api", "Kvarsson").protectedIdentity().build());

        var same = send("kaa", "PUT", "/api/v1/persons/" + hidden.id(), """
                {"firstName":"Samma","lastName":"Kvarsson","gender":"KVINNA","municipalityCode":"1214",
                 "protectedIdentity":true,"version":0}""");
        var without = send("kaa", "PUT", "/api/v1/persons/" + hidden.id(), """
                {"firstName":"Utan","lastName":"Kvarsson","gender":"KVINNA","municipalityCode":"1214","version":1}""");

        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(without.statusCode()).isEqualTo(200);
        assertThat(without.body()).contains("\"firstName\":\"Utan\"", "\"protectedIdentity\":true");
    }

    @Test
    void settingWithAReasonErasesTheAddressAndIsAuditedWithTheReason() throws Exception {
        YoungPerson p = registry.register(actors.byUsername("kaa"), aYoungPerson().named("Api", "Sättsson").build());
        assertThat(row(p.id())).contains("Storgatan 1");

        var response = send("coach", "POST", "/api/v1/persons/" + p.id() + "/protected-identity", """
                {"protectedIdentity":true,"reason":"Skatteverket: skyddad folkbokföring från i dag","version":0}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(response.body()).contains("\"protectedIdentity\":true", "\"address\":null", "\"version\":1");
        assertThat(row(p.id())).isEqualTo("true|||");
        assertThat(auditRows(p.id(), "PROTECTED_IDENTITY_SET"))
                .containsExactly("coach|CASE_WORKER|EGEN_ORGANISATION|Skatteverket: skyddad folkbokföring från i dag");
        assertThat(auditEntries.verify().valid()).as("the hash chain with the new actions").isTrue();
    }

    @Test
    void liftingByACaseWorkerIs403AndNothingChanges() throws Exception {
        YoungPerson p = registry.register(actors.byUsername("kaa"),
                aYoungPerson().named("Api", "Hävsson").protectedIdentity().build());
        String before = snapshot(p.id());

        var response = send("coach", "POST", "/api/v1/persons/" + p.id() + "/protected-identity", """
                {"protectedIdentity":false,"reason":"Skatteverket har hävt skyddet","version":0}""");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Du har inte behörighet till detta.");
        assertThat(snapshot(p.id())).isEqualTo(before);
        assertThat(auditRows(p.id(), "PROTECTED_IDENTITY_LIFTED")).isEmpty();
    }

    @Test
    void liftingWithoutAReasonIsRefusedInSwedishAndWithOneItIsAudited() throws Exception {
        YoungPerson p = registry.register(actors.byUsername("kaa"),
                aYoungPerson().named("Api", "Skälsson").protectedIdentity().build());
        String path = "/api/v1/persons/" + p.id() + "/protected-identity";

        var without = send("kaa", "POST", path, "{\"protectedIdentity\":false,\"version\":0}");
        var tooShort = send("kaa", "POST", path, "{\"protectedIdentity\":false,\"reason\":\"hävt\",\"version\":0}");

        for (var refused : List.of(without, tooShort)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("\"field\":\"reason\"", REASON_REQUIRED);
        }
        assertThat(row(p.id())).startsWith("true|");

        var noVersion = send("kaa", "POST", path, "{\"protectedIdentity\":false,\"reason\":\"Skatteverket har hävt\"}");
        assertThat(noVersion.statusCode()).isEqualTo(428);

        var lifted = send("kaa", "POST", path, """
                {"protectedIdentity":false,"reason":"Skatteverket har hävt skyddet 2026-12-01"}""",
                "If-Match", "\"0\"");
        assertThat(lifted.statusCode()).isEqualTo(200);
        assertThat(row(p.id())).isEqualTo("false|||");
        assertThat(auditRows(p.id(), "PROTECTED_IDENTITY_LIFTED"))
                .containsExactly("kaa|KAA_COORDINATOR|EGEN_ORGANISATION|Skatteverket har hävt skyddet 2026-12-01");

        var stale = send("kaa", "POST", path, """
                {"protectedIdentity":true,"reason":"Skatteverket igen, nytt beslut","version":0}""");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("\"current\"");
    }

    @Test
    void aUserOfAnotherOrganisationCanNeitherSetNorLift() throws Exception {
        YoungPerson open = registry.register(actors.byUsername("kaa"), aYoungPerson().named("Api", "Annanorg").build());
        YoungPerson hidden = registry.register(actors.byUsername("kaa"),
                aYoungPerson().named("Api", "Annanorgdold").protectedIdentity().build());

        for (YoungPerson p : List.of(open, hidden)) {
            String before = snapshot(p.id());
            var response = send("af", "POST", "/api/v1/persons/" + p.id() + "/protected-identity", """
                    {"protectedIdentity":%s,"reason":"Försöker från en annan organisation","version":0}"""
                    .formatted(!p.protectedIdentity()));
            assertThat(response.statusCode()).as(p.lastName()).isEqualTo(403);
            assertThat(snapshot(p.id())).isEqualTo(before);
        }
        var page = WebSession.logIn(port, "af");
        var post = page.postForm("/persons/" + open.id(), "/persons/" + open.id() + "/protected-identity",
                Map.of("protectedIdentity", "true", "reason", "Försöker från en annan organisation", "version", "0"));
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(row(open.id())).startsWith("false|");
    }

    @Test
    void thePlainEditPageRefusesAChangedFlagInTheErrorSummaryAndSavesNothing() {
        YoungPerson p = registry.register(actors.byUsername("kaa"), aYoungPerson().named("Sida", "Öppensson").build());
        String before = snapshot(p.id());
        WebSession browser = WebSession.logIn(port, "kaa");
        String edit = "/persons/" + p.id() + "/edit";
        String form = browser.get(edit).body();
        assertThat(form).as("no checkbox for the flag on the edit page")
                .doesNotContain("name=\"protectedIdentity\"").contains("id=\"protected-identity-link\"");

        var form2 = new LinkedHashMap<String, String>();
        form2.put("firstName", "Ändrad");
        form2.put("lastName", p.lastName());
        form2.put("gender", p.gender().name());
        form2.put("municipalityCode", p.municipalityCode().value());
        form2.put("protectedIdentity", "true");
        form2.put("version", "0");
        var response = browser.postForm(edit, form2);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("govuk-error-summary", "href=\"#protectedIdentity\"", NOT_BY_UPDATE);
        assertThat(snapshot(p.id())).isEqualTo(before);
    }

    @Test
    void thePersonPageSetsAndLiftsWithAReasonAndACaseWorkerIsToldWhoMayLift() {
        YoungPerson p = registry.register(actors.byUsername("kaa"), aYoungPerson().named("Sida", "Sättsson").build());
        String page = "/persons/" + p.id();
        String action = page + "/protected-identity";
        WebSession coach = WebSession.logIn(port, "coach");
        assertThat(coach.get(page).body()).contains("id=\"skyddad-identitet\"", "id=\"protected-form\"",
                "Sätt skyddad identitet");

        var set = coach.postForm(page, action, Map.of("protectedIdentity", "true",
                "reason", "Skolan har fått besked om sekretessmarkering", "version", "0"));
        assertThat(set.statusCode()).isEqualTo(302);
        assertThat(set.headers().firstValue("Location").orElseThrow()).endsWith(page + "#skyddad-identitet");
        String after = coach.get(page).body();
        assertThat(after).contains("Skyddad identitet är satt. Adressen är raderad.", "id=\"protected-banner\"",
                "id=\"protected-lift-not-allowed\"").doesNotContain("id=\"protected-form\"", "Storgatan 1");
        assertThat(row(p.id())).isEqualTo("true|||");

        var refused = coach.postForm(page, action, Map.of("protectedIdentity", "false",
                "reason", "Skatteverket har hävt skyddet", "version", "1"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(row(p.id())).startsWith("true|");

        WebSession kaa = WebSession.logIn(port, "kaa");
        assertThat(kaa.get(page).body()).contains("id=\"protected-form\"", "Häv skyddad identitet");
        var noReason = kaa.postForm(page, action, Map.of("protectedIdentity", "false", "reason", "", "version", "1"));
        assertThat(noReason.statusCode()).isEqualTo(302);
        assertThat(kaa.get(page).body()).contains("govuk-error-summary", "href=\"#reason\"", REASON_REQUIRED);
        assertThat(row(p.id())).startsWith("true|");

        var lifted = kaa.postForm(page, action, Map.of("protectedIdentity", "false",
                "reason", "Skatteverket har hävt skyddet", "version", "1"));
        assertThat(lifted.statusCode()).isEqualTo(302);
        assertThat(kaa.get(page).body()).contains("Skyddad identitet är hävd.").doesNotContain("id=\"protected-banner\"");
        assertThat(auditRows(p.id(), "PROTECTED_IDENTITY_SET"))
                .containsExactly("coach|CASE_WORKER|EGEN_ORGANISATION|Skolan har fått besked om sekretessmarkering");
        assertThat(auditRows(p.id(), "PROTECTED_IDENTITY_LIFTED"))
                .containsExactly("kaa|KAA_COORDINATOR|EGEN_ORGANISATION|Skatteverket har hävt skyddet");
    }

    @Test
    void aPageChangeWithoutAVersionOrFromAStaleOneSavesNothingAndSaysWhy() {
        YoungPerson p = registry.register(actors.byUsername("kaa"), aYoungPerson().named("Sida", "Versionsson").build());
        String page = "/persons/" + p.id();
        WebSession kaa = WebSession.logIn(port, "kaa");
        String before = snapshot(p.id());

        var without = kaa.postForm(page, page + "/protected-identity",
                Map.of("protectedIdentity", "true", "reason", "Skatteverket har beslutat om skydd"));
        assertThat(without.statusCode()).isEqualTo(428);
        assertThat(without.body()).contains("Formuläret sa inte vilken version");

        var stale = kaa.postForm(page, page + "/protected-identity",
                Map.of("protectedIdentity", "true", "reason", "Skatteverket har beslutat om skydd", "version", "7"));
        assertThat(stale.statusCode()).isEqualTo(302);
        assertThat(kaa.get(page).body()).contains("Någon annan har ändrat personens uppgifter sedan du öppnade dem.");
        assertThat(snapshot(p.id())).isEqualTo(before);
    }

    @Test
    void theAuditorFiltersTheLogOnTheNewActionsAndReadsTheReason() throws Exception {
        YoungPerson p = registry.register(actors.byUsername("kaa"),
                aYoungPerson().named("Logg", "Skyddsson").protectedIdentity().build());
        var lifted = send("insatsledare", "POST", "/api/v1/persons/" + p.id() + "/protected-identity", """
                {"protectedIdentity":false,"reason":"Beslut från Skatteverket om hävt skydd","version":0}""");
        assertThat(lifted.statusCode()).isEqualTo(200);

        WebSession auditor = WebSession.logIn(port, "granskare");
        var log = auditor.get("/audit?action=PROTECTED_IDENTITY_LIFTED&personId=" + p.id()).body();
        assertThat(log).contains("id=\"audit-entries\"", "Skyddad identitet hävd",
                "Beslut från Skatteverket om hävt skydd", "value=\"PROTECTED_IDENTITY_LIFTED\" selected");
        assertThat(log).doesNotContain("registrerad med skyddad identitet");
        var byActionAlone = auditor.get("/audit?action=PROTECTED_IDENTITY_LIFTED").body();
        assertThat(byActionAlone).contains("id=\"audit-entries\"", "Beslut från Skatteverket om hävt skydd")
                .doesNotContain("data-label=\"Händelse\">Läsning<");
        var api = send("granskare", "GET", "/api/v1/audit?action=PROTECTED_IDENTITY_SET&personId=" + p.id(), null);
        assertThat(api.body()).contains("\"action\":\"PROTECTED_IDENTITY_SET\"", "registrerad med skyddad identitet");
    }

    /** The flag and the stored address as "flag|street|postal code|city", nulls empty. */
    private String row(UUID id) {
        return jdbc.sql("""
                SELECT protected_identity::text || '|' || coalesce(street, '') || '|' || coalesce(postal_code, '')
                       || '|' || coalesce(city, '') FROM young_person WHERE id = ?""")
                .param(id).query(String.class).single();
    }

    /** As {@link #row}, with the version, first name and time of the last save: whether anything was saved. */
    private String snapshot(UUID id) {
        return row(id) + jdbc.sql("SELECT '|' || version || '|' || first_name || '|' || updated_at FROM young_person"
                + " WHERE id = ?").param(id).query(String.class).single();
    }

    private List<String> auditRows(UUID personId, String action) {
        return jdbc.sql("""
                SELECT username || '|' || role || '|' || coalesce(purpose, '') || '|' || coalesce(detail, '')
                  FROM audit_entry WHERE person_id = ? AND action = ? ORDER BY id""")
                .params(personId, action).query(String.class).list();
    }

    private HttpResponse<String> send(String user, String method, String path, String json, String... headers)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":lots-demo-2026").getBytes(StandardCharsets.UTF_8)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
