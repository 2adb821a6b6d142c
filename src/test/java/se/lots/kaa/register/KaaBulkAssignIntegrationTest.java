package se.lots.kaa.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.kaa.KaaFixture;
import se.lots.kaa.KaaImportService;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.Role;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * The worklist's one POST that gives every checked row to a staff member: all in one transaction, with the single
 * assignment's access rule and audit, and nothing at all when one id is not an open episode of the user's own
 * municipality.
 */
@IntegrationTest
class KaaBulkAssignIntegrationTest {

    private static final String PASSWORD = "ett-langt-losenord";

    @LocalServerPort
    int port;
    @Autowired
    KaaFixture fixture;
    @Autowired
    KaaImportService imports;
    @Autowired
    KaaService kaa;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CurrentActor actors;
    @Autowired
    OrganisationService organisations;

    @Test
    void threeCheckedRowsAreGivenToTheCaseWorkerAuditedOncePerPerson() {
        Actor coordinator = fixture.newMunicipality();
        Actor outreach = fixture.caseWorkerOf(coordinator);
        List<UUID> episodes = register(coordinator, 4);
        var session = WebSession.logIn(port, coordinator.username(), PASSWORD);

        var response = assign(session, episodes.subList(0, 3), String.valueOf(outreach.userId()));

        assertThat(response.statusCode()).isEqualTo(302);
        var location = java.net.URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).isEqualTo("/kaa");
        assertThat(location.getQuery()).startsWith("filter=ALL&sort=NAME");
        assertThat(assignedTo(episodes)).containsExactly(outreach.userId(), outreach.userId(), outreach.userId(), null);
        assertThat(assignAudits(episodes, coordinator)).isEqualTo(3);
        assertThat(session.get(location.getPath() + "?" + location.getQuery()).body()).contains("3 personer har fått " + outreach.displayName()
                + " som ansvarig.");

        // and "Ingen ansvarig" takes them back
        assertThat(assign(session, episodes.subList(0, 1), "none").statusCode()).isEqualTo(302);
        assertThat(assignedTo(episodes)).containsExactly(null, outreach.userId(), outreach.userId(), null);
    }

    @Test
    void aForgedIdOfAnotherMunicipalitysEpisodeAssignsNobodyAndSaysWhy() {
        Actor coordinator = fixture.newMunicipality();
        Actor outreach = fixture.caseWorkerOf(coordinator);
        List<UUID> own = register(coordinator, 2);
        Actor neighbour = fixture.newMunicipality();
        List<UUID> theirs = register(neighbour, 1);
        var session = WebSession.logIn(port, coordinator.username(), PASSWORD);

        var response = assign(session, List.of(own.get(0), theirs.get(0), own.get(1)),
                String.valueOf(outreach.userId()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("govuk-error-summary")
                .contains("Någon av de markerade finns inte i kommunens KAA-lista. Ingen har fått någon ny ansvarig");
        assertThat(assignedTo(own)).containsExactly(null, null);
        assertThat(assignedTo(theirs)).containsOnlyNulls();
        assertThat(assignAudits(own, coordinator) + assignAudits(theirs, coordinator)).isZero();
        assertThat(response.body()).as("the own rows stay checked").contains("value=\"" + own.get(0) + "\"");
        assertThat(checked(response.body(), own.get(0))).isTrue();
    }

    @Test
    void nothingCheckedOrNobodyChosenIsRefusedInSwedish() {
        Actor coordinator = fixture.newMunicipality();
        Actor outreach = fixture.caseWorkerOf(coordinator);
        List<UUID> episodes = register(coordinator, 1);
        var session = WebSession.logIn(port, coordinator.username(), PASSWORD);

        var none = assign(session, List.of(), String.valueOf(outreach.userId()));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("Markera minst en person i arbetslistan.");

        var nobody = assign(session, episodes, "");
        assertThat(nobody.statusCode()).isEqualTo(400);
        assertThat(nobody.body()).contains("Välj vem som ska bli ansvarig för de markerade.");

        var stranger = assign(session, episodes, String.valueOf(actors.byUsername("kaa").userId()));
        assertThat(stranger.statusCode()).as("staff of another organisation").isEqualTo(400);
        assertThat(stranger.body()).contains("Personen finns inte i organisationen.");
        assertThat(assignedTo(episodes)).containsOnlyNulls();
    }

    @Test
    void someoneOfTheMunicipalityWhoDoesNotWorkInTheKaaRegisterGets403() {
        Actor coordinator = fixture.newMunicipality();
        Actor outreach = fixture.caseWorkerOf(coordinator);
        List<UUID> episodes = register(coordinator, 2);
        String lead = "ledare-" + coordinator.username();
        organisations.createUser(new NewUser(lead, PASSWORD, "Lea Ledare", Role.PROGRAMME_LEAD,
                coordinator.organisationId(), null));
        var session = WebSession.logIn(port, lead, PASSWORD);

        var response = assign(session, episodes, String.valueOf(outreach.userId()));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(assignedTo(episodes)).containsOnlyNulls();
    }

    private HttpResponse<String> assign(WebSession session, List<UUID> episodes, String assignTo) {
        var form = new ArrayList<Map.Entry<String, String>>();
        episodes.forEach(e -> form.add(Map.entry("episode", e.toString())));
        form.add(Map.entry("assignTo", assignTo));
        form.add(Map.entry("filter", "ALL"));
        form.add(Map.entry("sort", "NAME"));
        form.add(Map.entry("_csrf", WebSession.csrf(session.get("/").body())));
        String body = form.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return session.send(session.request("/kaa/episodes/assign")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private List<UUID> register(Actor coordinator, int people) {
        var sb = new StringBuilder("personnummer;förnamn;efternamn;situation\n");
        for (int i = 0; i < people; i++) {
            sb.append(fixture.kaaAgeNumber()).append(";Person").append((char) ('A' + i)).append(";Masssson;studiebevis\n");
        }
        var sv = Locale.forLanguageTag("sv");
        var preview = imports.upload(coordinator, "lista.csv", sb.toString().getBytes(StandardCharsets.UTF_8), sv);
        imports.confirm(coordinator, preview.importId(), preview.digest(), Map.of(), sv);
        return kaa.worklist(coordinator, Worklist.Filter.ALL, Worklist.Sort.NAME, 0).rows().stream()
                .map(Worklist.Row::episodeId).toList();
    }

    private List<Long> assignedTo(List<UUID> episodes) {
        var result = new ArrayList<Long>();
        for (UUID e : episodes) {
            result.add(jdbc.sql("SELECT assigned_to FROM kaa_episode WHERE id = ?").param(e)
                    .query((rs, row) -> rs.getObject(1, Long.class)).list().get(0));
        }
        return result;
    }

    private long assignAudits(List<UUID> episodes, Actor by) {
        long n = 0;
        for (UUID e : episodes) {
            n += jdbc.sql("""
                    SELECT count(*) FROM audit_entry a JOIN kaa_episode e ON e.person_id = a.person_id
                     WHERE e.id = ? AND a.username = ? AND a.action = 'UPDATE' AND a.detail = 'KAA-tilldelning'""")
                    .params(e, by.username()).query(Long.class).single();
        }
        return n;
    }

    private static boolean checked(String html, UUID episode) {
        int at = html.indexOf("value=\"" + episode + "\"");
        String tag = html.substring(html.lastIndexOf('<', at), html.indexOf('>', at));
        return tag.contains("checked");
    }
}
