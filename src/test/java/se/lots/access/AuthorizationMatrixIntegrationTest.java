package se.lots.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.lots.IntegrationTest;
import se.lots.consent.Consent;
import se.lots.consent.ConsentPurpose;
import se.lots.consent.ConsentScope;
import se.lots.consent.ConsentService;
import se.lots.consent.DisclosureProvision;
import se.lots.consent.GivenHow;
import se.lots.consent.LineDisclosure;
import se.lots.consent.NewLineDisclosure;
import se.lots.consent.NewConsent;
import se.lots.organisation.LineOfWork;
import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.registry.PersonBuilder;
import se.lots.registry.PersonInput;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * The foundation's authorization matrix: every person-data endpoint × every role × the owner's or another
 * organisation × every consent state gives exactly the expected answer; every allowed read is audited with its
 * basis, and a refused one leaves no READ or SEARCH entry for that person.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIntegrationTest {

    private static final String PASSWORD = "matris-losenord-2026";
    private static final String FORBIDDEN_MESSAGE = "Du har inte behörighet till detta.";
    private static final String CONSENT_PURPOSE = "SAMTYCKE:" + ConsentPurpose.SAMORDNING.name();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    // the oracle's own copy of the rule, deliberately not Role.readsPersonalData()
    private static final Set<Role> WORKS_WITH_YOUNG_PERSONS =
            EnumSet.of(Role.KAA_COORDINATOR, Role.CASE_WORKER, Role.PROGRAMME_LEAD);

    @LocalServerPort
    int port;
    @Autowired
    OrganisationService organisations;
    @Autowired
    RegistryService registry;
    @Autowired
    ConsentService consents;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, HttpClient> browsers = new HashMap<>();
    private final Map<Org, OrganisationId> organisationIds = new EnumMap<>(Org.class);
    private final Map<Org, Map<Role, String>> usernames = new EnumMap<>(Org.class);
    private final Map<ConsentState, FixturePerson> matrixPersons = new EnumMap<>(ConsentState.class);
    private String token;
    private LocalDate today;
    private Actor recorder;
    private FixturePerson withdrawalPerson;
    private final Map<Position, Map<Role, String>> lineUsernames = new EnumMap<>(Position.class);
    private final Map<DisclosureState, FixturePerson> linePersons = new EnumMap<>(DisclosureState.class);
    private final Map<DisclosureState, LineDisclosure> lineDisclosures = new EnumMap<>(DisclosureState.class);

    // ---------------------------------------------------------------------------------------------------------
    // The matrix
    // ---------------------------------------------------------------------------------------------------------

    /** Who asks: one user of each role in the organisation that holds the record, in another, in an unrelated one. */
    enum Org {
        OWNER("of the owner org"), OTHER("of other org"), UNRELATED("of an unrelated org");

        final String text;

        Org(String text) {
            this.text = text;
        }
    }

    /** One matrix person per state of the consent from the owner org to the other org. */
    enum ConsentState {
        NONE("no consent", "ingen"),
        VALID("valid consent", "giltig"),
        WITHDRAWN("withdrawn consent", "aterkallad"),
        EXPIRED("expired consent", "utgangen"),
        FUTURE("consent valid from next month", "kommande"),
        PLAN_ONLY("consent covering only PLAN", "planbar"),
        TO_UNRELATED_ORG("valid consent to an unrelated org only", "tredjepart");

        final String text;
        final String surnameSuffix;

        ConsentState(String text, String surnameSuffix) {
            this.text = text;
            this.surnameSuffix = surnameSuffix;
        }
    }

    enum Endpoint {
        GET_PERSON("GET person"),
        SEARCH_BY_NAME("search by name"),
        SEARCH_BY_NUMBER("search by personnummer"),
        UPDATE_PERSON("PUT person"),
        LIST_CONSENTS("GET consents"),
        RECORD_CONSENT("POST consent"),
        PAGE_PERSON("page /persons/{id}"),
        PAGE_SEARCH("page /persons?q=name");

        final String text;

        Endpoint(String text) {
            this.text = text;
        }

        boolean isSearch() {
            return this == SEARCH_BY_NAME || this == SEARCH_BY_NUMBER || this == PAGE_SEARCH;
        }
    }

    /** Why a read is allowed, as the audit log must show it. */
    enum Basis {
        OWN_ORGANISATION, CONSENT, DISCLOSURE
    }

    /** What must happen: the status, for a search whether the person is in the result, and the audit basis. */
    record Expected(int status, boolean found, Basis basis) {

        @Override
        public String toString() {
            String text = String.valueOf(status);
            if (status == 200 && basis == null && !found) {
                text += " without the person";
            }
            return basis == null ? text : text + ", audited " + basis;
        }
    }

    record MatrixCase(Role role, Org org, ConsentState state, Endpoint endpoint) {

        Expected expected() {
            return oracle(role, org, state, endpoint);
        }

        @Override
        public String toString() {
            return role + " " + org.text + ", " + state.text + ", " + endpoint.text + " → " + expected();
        }
    }

    /**
     * Module 1's rule, written out: only roles that work with young persons read personal data; the owner org
     * reads, edits and records consent; another org only reads, and only through a consent that is recorded to it,
     * covers GRUNDUPPGIFTER, is in its validity period and not withdrawn. Search hides, it does not refuse.
     */
    static Expected oracle(Role role, Org org, ConsentState state, Endpoint endpoint) {
        boolean worker = WORKS_WITH_YOUNG_PERSONS.contains(role);
        Basis readBasis = !worker ? null
                : org == Org.OWNER ? Basis.OWN_ORGANISATION
                : org == Org.OTHER && state == ConsentState.VALID ? Basis.CONSENT
                : null;
        boolean holder = worker && org == Org.OWNER;
        return switch (endpoint) {
            case GET_PERSON, LIST_CONSENTS, PAGE_PERSON ->
                readBasis == null ? new Expected(403, false, null) : new Expected(200, true, readBasis);
            case SEARCH_BY_NAME, SEARCH_BY_NUMBER, PAGE_SEARCH ->
                !worker ? new Expected(403, false, null) : new Expected(200, readBasis != null, readBasis);
            case UPDATE_PERSON -> holder ? new Expected(200, true, null) : new Expected(403, false, null);
            case RECORD_CONSENT -> holder ? new Expected(201, true, null) : new Expected(403, false, null);
        };
    }

    static Stream<MatrixCase> matrix() {
        var cases = new ArrayList<MatrixCase>();
        for (Endpoint endpoint : Endpoint.values()) {
            for (Role role : Role.values()) {
                for (Org org : List.of(Org.OWNER, Org.OTHER)) {
                    for (ConsentState state : ConsentState.values()) {
                        cases.add(new MatrixCase(role, org, state, endpoint));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyEndpointAnswersEveryRoleOrganisationAndConsentStateAsTheRuleSays(MatrixCase c) {
        try {
            check(c);
        } catch (AssertionError e) {
            // surefire's report shows only the index of a parameterised case: name the case in the failure
            throw new AssertionError(c + "\n" + e.getMessage(), e);
        }
    }

    private void check(MatrixCase c) {
        FixturePerson person = matrixPersons.get(c.state());
        Expected expected = c.expected();
        exercise(username(c.org(), c.role()), person, c.endpoint(), expected,
                expected.basis() == Basis.CONSENT ? new AuditRow(null, CONSENT_PURPOSE, person.activeConsentId())
                        : new AuditRow(null, "EGEN_ORGANISATION", null));
    }

    /**
     * Calls the endpoint as the user about the person and checks the answer and the audit log: an allowed read leaves
     * exactly one READ (or SEARCH) entry with {@code readBasis}'s purpose and consent id, anything else none.
     */
    private void exercise(String username, FixturePerson person, Endpoint endpoint, Expected expected,
            AuditRow readBasis) {
        long mark = auditMark();

        switch (endpoint) {
            case GET_PERSON -> {
                Response r = api(username, "GET", "/api/v1/persons/" + person.id(), null);
                assertStatus(r, expected.status());
                if (expected.status() == 200) {
                    JsonNode body = r.json();
                    assertThat(body.get("id").asString()).isEqualTo(person.id().toString());
                    assertThat(body.get("lastName").asString()).isEqualTo(person.lastName());
                } else {
                    assertRefusedWithoutLeak(r, person);
                }
            }
            case SEARCH_BY_NAME, SEARCH_BY_NUMBER -> {
                String q = endpoint == Endpoint.SEARCH_BY_NAME ? person.lastName() : person.pin();
                Response r = api(username, "GET", "/api/v1/persons?q=" + encode(q), null);
                assertStatus(r, expected.status());
                if (expected.status() == 200) {
                    List<String> ids = new ArrayList<>();
                    r.json().get("persons").forEach(p -> ids.add(p.get("id").asString()));
                    if (expected.found()) {
                        assertThat(ids).as("the only hit").containsExactly(person.id().toString());
                    } else {
                        assertThat(ids).as("a person without access must simply not appear").isEmpty();
                        assertThat(r.json().get("total").asLong()).isZero();
                    }
                } else {
                    assertRefusedWithoutLeak(r, person);
                }
            }
            case UPDATE_PERSON -> {
                int versionBefore = version(person.id());
                Response r = api(username, "PUT", "/api/v1/persons/" + person.id(),
                        json.writeValueAsString(person.input().withVersion(versionBefore)));
                assertStatus(r, expected.status());
                if (expected.status() == 200) {
                    assertThat(version(person.id())).isEqualTo(versionBefore + 1);
                    assertThat(auditRows(mark, username, person.id(), "UPDATE"))
                            .containsExactly(new AuditRow("UPDATE", "EGEN_ORGANISATION", null));
                } else {
                    assertRefusedWithoutLeak(r, person);
                    assertThat(version(person.id())).as("the record is unchanged").isEqualTo(versionBefore);
                    assertThat(auditRows(mark, username, person.id(), "UPDATE")).isEmpty();
                }
            }
            case LIST_CONSENTS -> {
                Response r = api(username, "GET", "/api/v1/persons/" + person.id() + "/consents", null);
                assertStatus(r, expected.status());
                if (expected.status() == 200) {
                    List<String> ids = new ArrayList<>();
                    r.json().forEach(consent -> ids.add(consent.get("id").asString()));
                    assertThat(ids).containsAll(person.consentIds().stream().map(UUID::toString).toList());
                } else {
                    assertRefusedWithoutLeak(r, person);
                }
            }
            case RECORD_CONSENT -> {
                long consentsBefore = consentCount(person.id());
                String body = json.writeValueAsString(Map.of("toOrganisationId", organisationIds.get(Org.UNRELATED),
                        "purpose", "UPPFOLJNING", "scope", List.of("GRUNDUPPGIFTER"), "givenHow", "MUNTLIGT",
                        "validTo", today.plusMonths(6).toString()));
                Response r = api(username, "POST", "/api/v1/persons/" + person.id() + "/consents", body);
                assertStatus(r, expected.status());
                if (expected.status() == 201) {
                    assertThat(r.json().get("fromOrganisationId").asLong())
                            .isEqualTo(organisationIds.get(Org.OWNER).value());
                    assertThat(r.json().get("toOrganisationId").asLong())
                            .isEqualTo(organisationIds.get(Org.UNRELATED).value());
                    assertThat(consentCount(person.id())).isEqualTo(consentsBefore + 1);
                    assertThat(auditRows(mark, username, person.id(), "CREATE"))
                            .containsExactly(new AuditRow("CREATE", "EGEN_ORGANISATION", null));
                    // the next role records the same consent: not a duplicate once this one is withdrawn
                    consents.withdraw(recorder, UUID.fromString(r.json().get("id").asString()));
                } else {
                    assertRefusedWithoutLeak(r, person);
                    assertThat(consentCount(person.id())).as("no consent recorded").isEqualTo(consentsBefore);
                    assertThat(auditRows(mark, username, person.id(), "CREATE")).isEmpty();
                }
            }
            case PAGE_PERSON -> {
                Response r = page(username, "/persons/" + person.id());
                assertThat(r.status()).as("status").isEqualTo(expected.status());
                if (expected.status() == 200) {
                    assertThat(r.body()).contains(person.lastName());
                } else {
                    assertThat(r.body()).doesNotContain(person.lastName()).doesNotContain(person.pin())
                            .doesNotContain(person.pin().substring(2));
                }
            }
            case PAGE_SEARCH -> {
                Response r = page(username, "/persons?q=" + encode(person.lastName()));
                assertThat(r.status()).as("status").isEqualTo(expected.status());
                String link = "/persons/" + person.id();
                if (expected.found()) {
                    assertThat(r.body()).contains(link);
                } else {
                    assertThat(r.body()).doesNotContain(link).doesNotContain(person.pin());
                }
            }
        }
        assertReadsAudited(mark, username, person, endpoint, expected, readBasis);
    }

    /** Allowed reads leave exactly one READ (or SEARCH) entry with the basis; anything else leaves none. */
    private void assertReadsAudited(long mark, String username, FixturePerson person, Endpoint endpoint,
            Expected expected, AuditRow readBasis) {
        List<AuditRow> reads = auditRows(mark, username, person.id(), "READ", "SEARCH");
        if (expected.basis() == null) {
            assertThat(reads).as("READ/SEARCH entries for %s about the person", username).isEmpty();
            return;
        }
        String action = endpoint.isSearch() ? "SEARCH" : "READ";
        assertThat(reads).as("audit entries for %s about the person", username)
                .containsExactly(new AuditRow(action, readBasis.purpose(), readBasis.consentId()));
    }

    // ---------------------------------------------------------------------------------------------------------
    // The unit dimension (issue 23, secrecy inside one municipality): inside the owner org, divided into nämnder and
    // lines of work, the record is open to the holding line only, and to another line only through a disclosure in
    // force that cites its provision (offentlighets- och sekretesslagen 8 kap. 1 and 2 §§, docs/security.md)
    // ---------------------------------------------------------------------------------------------------------

    /** Where in the divided owner org the user works, relative to the unit whose case worker registered the person. */
    enum Position {
        HOLDING_UNIT("in the holding unit", "KAA-enheten", "Bildningsnämnden", "UTBILDNING_KAA"),
        SAME_LINE_OTHER_UNIT("in another unit of the same nämnd and line", "Uppsökande enheten", "Bildningsnämnden",
                "UTBILDNING_KAA"),
        OTHER_LINE_SAME_COMMITTEE("in another line of the same nämnd", "Arbetsmarknadsenheten", "Bildningsnämnden",
                "ARBETSMARKNAD"),
        OTHER_COMMITTEE("in the social committee's social services", "Ekonomiskt bistånd", "Socialnämnden",
                "SOCIALTJANST"),
        SAME_LINE_OTHER_COMMITTEE("in the same line of another nämnd", "Gymnasieskolan", "Gymnasienämnden",
                "UTBILDNING_KAA"),
        NO_UNIT("without a unit", null, null, null);

        final String text;
        final String unit;
        final String committee;
        final String line;

        Position(String text, String unit, String committee, String line) {
            this.text = text;
            this.unit = unit;
            this.committee = committee;
            this.line = line;
        }
    }

    /** One line-matrix person per state of the disclosure from the holding line. */
    enum DisclosureState {
        NONE("no disclosure", "ingen"),
        CONSENT_TO_SOCIAL("young person's consent (12:2) to the social services", "samtycke"),
        NECESSARY_TO_SOCIAL("necessary disclosure (10:2) to the social services", "nodvandig"),
        WITHDRAWN("withdrawn disclosure to the social services", "avslutad"),
        EXPIRED("expired disclosure to the social services", "utgangen"),
        FUTURE("disclosure to the social services valid from next month", "kommande"),
        TO_OTHER_LINE("disclosure to the labour-market line only", "arbetsmarknad");

        final String text;
        final String surnameSuffix;

        DisclosureState(String text, String surnameSuffix) {
            this.text = text;
            this.surnameSuffix = surnameSuffix;
        }
    }

    private static final List<Role> LINE_ROLES = List.of(Role.KAA_COORDINATOR, Role.CASE_WORKER,
            Role.PROGRAMME_LEAD, Role.ANALYST);
    private static final List<Endpoint> LINE_ENDPOINTS = List.of(Endpoint.GET_PERSON, Endpoint.SEARCH_BY_NAME,
            Endpoint.SEARCH_BY_NUMBER, Endpoint.UPDATE_PERSON, Endpoint.PAGE_PERSON, Endpoint.PAGE_SEARCH);

    record LineCase(Role role, Position position, DisclosureState state, Endpoint endpoint) {

        Expected expected() {
            return lineOracle(role, position, state, endpoint);
        }

        @Override
        public String toString() {
            return role + " " + position.text + ", " + state.text + ", " + endpoint.text + " → " + expected();
        }
    }

    /**
     * Issue 23's rule, written out: the line of work (and nämnd) that holds the record reads and edits it, whichever
     * of its units the user is in; another line, of the same nämnd or another, and the same line of another nämnd,
     * read it only through a disclosure to exactly their nämnd and line that is in force; a disclosure opens reading,
     * never editing; a user without a unit in an organisation divided into lines sees no one.
     */
    static Expected lineOracle(Role role, Position position, DisclosureState state, Endpoint endpoint) {
        boolean worker = WORKS_WITH_YOUNG_PERSONS.contains(role);
        boolean holds = worker && (position == Position.HOLDING_UNIT || position == Position.SAME_LINE_OTHER_UNIT);
        boolean disclosed = worker && ((position == Position.OTHER_COMMITTEE
                && (state == DisclosureState.CONSENT_TO_SOCIAL || state == DisclosureState.NECESSARY_TO_SOCIAL))
                || (position == Position.OTHER_LINE_SAME_COMMITTEE && state == DisclosureState.TO_OTHER_LINE));
        Basis readBasis = holds ? Basis.OWN_ORGANISATION : disclosed ? Basis.DISCLOSURE : null;
        return switch (endpoint) {
            case GET_PERSON, LIST_CONSENTS, PAGE_PERSON ->
                readBasis == null ? new Expected(403, false, null) : new Expected(200, true, readBasis);
            case SEARCH_BY_NAME, SEARCH_BY_NUMBER, PAGE_SEARCH ->
                !worker ? new Expected(403, false, null) : new Expected(200, readBasis != null, readBasis);
            case UPDATE_PERSON -> holds ? new Expected(200, true, null) : new Expected(403, false, null);
            case RECORD_CONSENT -> holds ? new Expected(201, true, null) : new Expected(403, false, null);
        };
    }

    static Stream<LineCase> lineMatrix() {
        var cases = new ArrayList<LineCase>();
        for (Endpoint endpoint : LINE_ENDPOINTS) {
            for (Role role : LINE_ROLES) {
                for (Position position : Position.values()) {
                    for (DisclosureState state : DisclosureState.values()) {
                        cases.add(new LineCase(role, position, state, endpoint));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lineMatrix")
    void insideTheOwnerOrganisationEveryLineOfWorkAndNamndGetsWhatTheRuleSays(LineCase c) {
        FixturePerson person = linePersons.get(c.state());
        Expected expected = c.expected();
        try {
            exercise(lineUsername(c.position(), c.role()), person, c.endpoint(), expected,
                    expected.basis() == Basis.DISCLOSURE
                            ? new AuditRow(null, lineDisclosures.get(c.state()).provision().basis(),
                                    lineDisclosures.get(c.state()).id())
                            : new AuditRow(null, "EGEN_ORGANISATION", null));
        } catch (AssertionError e) {
            throw new AssertionError(c + "\n" + e.getMessage(), e);
        }
    }

    /**
     * The measure the issue asks for: every user of every position of the divided organisation asks for every
     * line-matrix person by the API and the pages, and the audit log then holds not one READ or SEARCH entry that the
     * rule does not allow — 0 unauthorised reads — while the allowed ones are all there.
     */
    @Test
    void theAuditLogHoldsNoUnauthorisedReadAcrossLinesOfWork() {
        long mark = auditMark();
        int allowed = 0;
        for (Position position : Position.values()) {
            for (Role role : LINE_ROLES) {
                String username = lineUsername(position, role);
                for (DisclosureState state : DisclosureState.values()) {
                    FixturePerson person = linePersons.get(state);
                    api(username, "GET", "/api/v1/persons/" + person.id(), null);
                    api(username, "GET", "/api/v1/persons?q=" + encode(person.lastName()), null);
                    page(username, "/persons/" + person.id());
                    if (lineOracle(role, position, state, Endpoint.GET_PERSON).basis() != null) {
                        allowed++;
                    }
                }
            }
        }
        var persons = linePersons.values().stream().map(FixturePerson::id).toArray(UUID[]::new);
        var reads = jdbc.sql("""
                SELECT username, person_id FROM audit_entry
                 WHERE id > ? AND person_id = ANY (?) AND action IN ('READ', 'SEARCH')""")
                .params(mark, persons).query((rs, n) -> Map.entry(rs.getString("username"),
                        rs.getObject("person_id", UUID.class))).list();
        var unauthorised = reads.stream().filter(r -> !mayRead(r.getKey(), r.getValue())).toList();
        assertThat(unauthorised).as("unauthorised reads").isEmpty();
        // each allowed (user, person) read three times: the API, the search and the page
        assertThat(reads).hasSize(3 * allowed);
        assertThat(allowed).as("allowed pairs").isEqualTo(2 * 3 * DisclosureState.values().length + 2 * 3 + 3);
    }

    /** The KAA register is the education line's: only its KAA staff open or export it. */
    @ParameterizedTest(name = "{0} {1}: KAA worklist")
    @MethodSource("kaaCases")
    void onlyTheEducationLinesKaaStaffOpenOrExportTheKaaRegister(Role role, Position position) {
        String username = lineUsername(position, role);
        boolean allowed = (role == Role.KAA_COORDINATOR || role == Role.CASE_WORKER)
                && "UTBILDNING_KAA".equals(position.line);
        int status = allowed ? 200 : 403;
        assertStatus(api(username, "GET", "/api/v1/kaa/episodes?filter=ALL", null), status);
        assertThat(page(username, "/kaa").status()).isEqualTo(status);
        assertThat(page(username, "/kaa/worklist.xlsx").status()).isEqualTo(status);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> kaaCases() {
        return LINE_ROLES.stream().flatMap(role -> Arrays.stream(Position.values())
                .map(position -> org.junit.jupiter.params.provider.Arguments.of(role, position)));
    }

    private boolean mayRead(String username, UUID personId) {
        for (Position position : Position.values()) {
            for (Role role : LINE_ROLES) {
                if (lineUsername(position, role).equals(username)) {
                    DisclosureState state = linePersons.entrySet().stream().filter(e -> e.getValue().id().equals(personId))
                            .map(Map.Entry::getKey).findFirst().orElseThrow();
                    return lineOracle(role, position, state, Endpoint.GET_PERSON).basis() != null;
                }
            }
        }
        return false; // no one else asked
    }

    private String lineUsername(Position position, Role role) {
        return lineUsernames.get(position).get(role);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Withdrawing a consent: the giving or the receiving organisation, nobody else
    // ---------------------------------------------------------------------------------------------------------

    record WithdrawalCase(Role role, Org org) {

        boolean allowed() {
            return WORKS_WITH_YOUNG_PERSONS.contains(role) && org != Org.UNRELATED;
        }

        @Override
        public String toString() {
            return role + " " + (org == Org.OWNER ? "of the giving org" : org == Org.OTHER ? "of the receiving org"
                    : org.text) + ", POST withdraw → " + (allowed() ? "200" : "403");
        }
    }

    static Stream<WithdrawalCase> withdrawals() {
        return Arrays.stream(Role.values())
                .flatMap(role -> Arrays.stream(Org.values()).map(org -> new WithdrawalCase(role, org)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withdrawals")
    void onlyThePartiesToAConsentWithdrawIt(WithdrawalCase c) {
        Consent consent = recordConsent(withdrawalPerson.id(), Org.OTHER, List.of(ConsentScope.GRUNDUPPGIFTER),
                today, today.plusYears(1));
        String username = username(c.org(), c.role());
        long mark = auditMark();

        Response r = api(username, "POST", "/api/v1/consents/" + consent.id() + "/withdraw", null);

        if (c.allowed()) {
            assertStatus(r, 200);
            assertThat(r.json().get("withdrawnAt").isNull()).isFalse();
            assertThat(consents.byId(consent.id()).withdrawnAt()).isNotNull();
            assertThat(auditRows(mark, username, withdrawalPerson.id(), "UPDATE"))
                    .containsExactly(new AuditRow("UPDATE", "SAMTYCKE_ATERKALLAT", null));
        } else {
            assertStatus(r, 403);
            assertThat(consents.byId(consent.id()).withdrawnAt()).as("still in force").isNull();
            assertThat(auditRows(mark, username, withdrawalPerson.id())).isEmpty();
            // the next case records the same consent: not a duplicate once this one is withdrawn
            consents.withdraw(recorder, consent.id());
        }
    }

    @Test
    void withdrawingAConsentEndsTheOtherOrganisationsAccessAtOnce() {
        FixturePerson person = registerPerson("aterkallas");
        Consent consent = recordConsent(person.id(), Org.OTHER, List.of(ConsentScope.GRUNDUPPGIFTER), today,
                today.plusYears(1));
        String reader = username(Org.OTHER, Role.CASE_WORKER);
        String path = "/api/v1/persons/" + person.id();

        long mark = auditMark();
        assertStatus(api(reader, "GET", path, null), 200);
        assertThat(auditRows(mark, reader, person.id(), "READ"))
                .containsExactly(new AuditRow("READ", CONSENT_PURPOSE, consent.id()));

        assertStatus(api(username(Org.OWNER, Role.CASE_WORKER), "POST",
                "/api/v1/consents/" + consent.id() + "/withdraw", null), 200);

        mark = auditMark();
        assertRefusedWithoutLeak(api(reader, "GET", path, null), person);
        assertRefusedWithoutLeak(api(reader, "GET", path + "/consents", null), person);
        Response search = api(reader, "GET", "/api/v1/persons?q=" + encode(person.lastName()), null);
        assertStatus(search, 200);
        assertThat(search.json().get("persons").size()).isZero();
        assertThat(page(reader, "/persons/" + person.id()).status()).isEqualTo(403);
        assertThat(auditRows(mark, reader, person.id(), "READ", "SEARCH")).isEmpty();

        Response again = api(reader, "POST", "/api/v1/consents/" + consent.id() + "/withdraw", null);
        assertStatus(again, 409);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Emergency access ("break the glass")
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void emergencyAccessOpensTheRecordToThatUserOnlyAndIsFlaggedInTheAuditLog() {
        FixturePerson person = registerPerson("nodlage");
        String caseWorker = username(Org.OTHER, Role.CASE_WORKER);
        String colleague = username(Org.OTHER, Role.KAA_COORDINATOR);
        String path = "/api/v1/persons/" + person.id();
        assertRefusedWithoutLeak(api(caseWorker, "GET", path, null), person);

        long mark = auditMark();
        // nine characters after trimming: one short of the minimum
        Response tooShort = api(caseWorker, "POST", path + "/emergency-access",
                json.writeValueAsString(Map.of("reason", "  kort skäl  ")));
        assertStatus(tooShort, 400);
        JsonNode error = tooShort.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("reason");
        assertThat(error.get("message").asString()).isEqualTo("Ange skälet till nödåtkomst (minst 10 tecken).");
        assertThat(auditRows(mark, caseWorker, person.id())).isEmpty();
        assertRefusedWithoutLeak(api(caseWorker, "GET", path, null), person);

        String reason = "Akut oro, den unge nås inte";
        Instant before = Instant.now();
        Response granted = api(caseWorker, "POST", path + "/emergency-access",
                json.writeValueAsString(Map.of("reason", reason)));
        assertStatus(granted, 201);
        assertThat(granted.json().get("personId").asString()).isEqualTo(person.id().toString());
        assertThat(Instant.parse(granted.json().get("expiresAt").asString()))
                .isAfter(before.plusSeconds(60 * 60 * 3 - 60)).isBefore(Instant.now().plusSeconds(60 * 60 * 3 + 60));
        assertThat(auditRows(mark, caseWorker, person.id(), "BREAK_GLASS"))
                .containsExactly(new AuditRow("BREAK_GLASS", "NODATKOMST: " + reason, null));

        mark = auditMark();
        Response read = api(caseWorker, "GET", path, null);
        assertStatus(read, 200);
        assertThat(read.json().get("lastName").asString()).isEqualTo(person.lastName());
        Response search = api(caseWorker, "GET", "/api/v1/persons?q=" + encode(person.lastName()), null);
        assertStatus(search, 200);
        assertThat(search.json().get("persons").get(0).get("id").asString()).isEqualTo(person.id().toString());
        assertThat(auditRows(mark, caseWorker, person.id(), "READ", "SEARCH"))
                .containsExactly(new AuditRow("READ", "NODATKOMST: " + reason, null),
                        new AuditRow("SEARCH", "NODATKOMST: " + reason, null));

        // the glass is broken for one user, and it opens reading, not editing
        mark = auditMark();
        assertRefusedWithoutLeak(api(colleague, "GET", path, null), person);
        assertThat(auditRows(mark, colleague, person.id())).isEmpty();
        assertStatus(api(caseWorker, "PUT", path,
                json.writeValueAsString(person.input().withVersion(version(person.id())))), 403);
    }

    @ParameterizedTest(name = "{0} of other org cannot break the glass → 403")
    @EnumSource(value = Role.class, names = { "ADMIN", "FEDERATION_OFFICER", "ANALYST", "AUDITOR" })
    void rolesWithoutPersonDataCannotBreakTheGlass(Role role) {
        String username = username(Org.OTHER, role);
        FixturePerson person = matrixPersons.get(ConsentState.NONE);
        long mark = auditMark();

        Response r = api(username, "POST", "/api/v1/persons/" + person.id() + "/emergency-access",
                json.writeValueAsString(Map.of("reason", "Jag vill bara titta i posten")));

        assertRefusedWithoutLeak(r, person);
        assertThat(auditRows(mark, username, person.id())).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM emergency_access WHERE person_id = ?").param(person.id())
                .query(Long.class).single()).isZero();
        assertRefusedWithoutLeak(api(username, "GET", "/api/v1/persons/" + person.id(), null), person);
    }

    @Test
    void anUnknownPersonIsNotFoundForThoseWhoMayLookAndForbiddenForTheRest() {
        String path = "/api/v1/persons/" + UUID.randomUUID();
        assertStatus(api(username(Org.OTHER, Role.CASE_WORKER), "GET", path, null), 404);
        assertStatus(api(username(Org.OTHER, Role.CASE_WORKER), "POST", path + "/emergency-access",
                json.writeValueAsString(Map.of("reason", "Akut oro, den unge nås inte"))), 404);
        assertStatus(api(username(Org.OTHER, Role.ANALYST), "GET", path, null), 403);
    }

    @Test
    void withoutCredentialsTheApiAnswers401() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/persons/"
                + matrixPersons.get(ConsentState.NONE).id())).GET().build();
        assertThat(http.send(request, BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Fixture: organisations A (owner), B (other) and C (unrelated), one user per role in each, one person per
    // consent state, all with names no other test uses.
    // ---------------------------------------------------------------------------------------------------------

    record FixturePerson(UUID id, String pin, String lastName, PersonInput input, List<UUID> consentIds,
            UUID activeConsentId) {
    }

    @BeforeAll
    void createOrganisationsUsersPersonsAndConsents() {
        token = randomLetters(6);
        today = LocalDate.now(clock);
        // ~600 Basic-auth requests each verify the password: a cheap bcrypt cost for these users keeps the run short
        String passwordHash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        for (Org org : Org.values()) {
            OrganisationId id = organisations.create(new NewOrganisation("Matriskommun "
                    + org.name().toLowerCase(Locale.ROOT) + " " + token, PartyType.KOMMUN,
                    org == Org.OTHER ? "1280" : "1214", null, List.of())).id();
            organisationIds.put(org, id);
            var users = new EnumMap<Role, String>(Role.class);
            for (Role role : Role.values()) {
                String username = ("m-" + token + "-" + org + "-" + role).toLowerCase(Locale.ROOT).replace('_', '-');
                organisations.createUser(new NewUser(username, PASSWORD, role + " " + org.text, role, id, null));
                jdbc.sql("UPDATE user_account SET password_hash = ? WHERE username = ?").params(passwordHash, username)
                        .update();
                users.put(role, username);
            }
            usernames.put(org, users);
        }
        recorder = actors.byUsername(username(Org.OWNER, Role.CASE_WORKER));
        var grund = List.of(ConsentScope.GRUNDUPPGIFTER);
        // a year from yesterday is a day longer than SAMORDNING allows
        LocalDate yearEnd = today.plusYears(1).minusDays(1);
        for (ConsentState state : ConsentState.values()) {
            FixturePerson p = registerPerson(state.surnameSuffix);
            Consent c = switch (state) {
                case NONE -> null;
                case VALID -> recordConsent(p.id(), Org.OTHER, grund, today.minusDays(1), yearEnd);
                case WITHDRAWN -> {
                    Consent recorded = recordConsent(p.id(), Org.OTHER, grund, today.minusDays(1), yearEnd);
                    consents.withdraw(recorder, recorded.id());
                    yield recorded;
                }
                case EXPIRED -> recordConsent(p.id(), Org.OTHER, grund, LocalDate.of(2020, 1, 1),
                        LocalDate.of(2020, 12, 31));
                case FUTURE -> recordConsent(p.id(), Org.OTHER, grund, today.plusMonths(1), yearEnd);
                case PLAN_ONLY -> recordConsent(p.id(), Org.OTHER, List.of(ConsentScope.PLAN), today.minusDays(1),
                        yearEnd);
                case TO_UNRELATED_ORG -> recordConsent(p.id(), Org.UNRELATED, grund, today.minusDays(1),
                        yearEnd);
            };
            matrixPersons.put(state, new FixturePerson(p.id(), p.pin(), p.lastName(), p.input(),
                    c == null ? List.of() : List.of(c.id()), state == ConsentState.VALID ? c.id() : null));
        }
        withdrawalPerson = registerPerson("samtyckesbyte");
        createTheDividedMunicipality(passwordHash);
    }

    /** The line matrix's organisation: one unit per position, one user per role in each, one person per state. */
    private void createTheDividedMunicipality(String passwordHash) {
        OrganisationId id = organisations.create(new NewOrganisation("Matriskommun med nämnder " + token,
                PartyType.KOMMUN, "1214", null, List.of())).id();
        for (Position position : Position.values()) {
            Long unit = null;
            if (position.unit != null) {
                unit = organisations.addUnit(id, position.unit).id();
                organisations.setUnitBoundary(unit, position.committee, LineOfWork.valueOf(position.line));
            }
            var users = new EnumMap<Role, String>(Role.class);
            for (Role role : LINE_ROLES) {
                String username = ("l-" + token + "-" + position + "-" + role).toLowerCase(Locale.ROOT)
                        .replace('_', '-');
                organisations.createUser(new NewUser(username, PASSWORD, role + " " + position.text, role, id, unit));
                jdbc.sql("UPDATE user_account SET password_hash = ? WHERE username = ?").params(passwordHash, username)
                        .update();
                users.put(role, username);
            }
            lineUsernames.put(position, users);
        }
        Actor holder = actors.byUsername(lineUsername(Position.HOLDING_UNIT, Role.CASE_WORKER));
        String why = "Den unga och handläggarna behöver planera tillsammans.";
        for (DisclosureState state : DisclosureState.values()) {
            String lastName = "Linje" + token + state.surnameSuffix;
            PersonInput input = PersonBuilder.aYoungPerson().named("Test", lastName).build();
            YoungPerson p = registry.register(holder, input);
            LineDisclosure d = switch (state) {
                case NONE -> null;
                case CONSENT_TO_SOCIAL -> disclose(holder, p.id(), Position.OTHER_COMMITTEE,
                        DisclosureProvision.SAMTYCKE, why, today.minusDays(1), today.plusMonths(6));
                case NECESSARY_TO_SOCIAL -> disclose(holder, p.id(), Position.OTHER_COMMITTEE,
                        DisclosureProvision.NODVANDIGT_FOR_VERKSAMHETEN, why, null, today.plusMonths(1));
                case WITHDRAWN -> {
                    LineDisclosure given = disclose(holder, p.id(), Position.OTHER_COMMITTEE,
                            DisclosureProvision.SAMTYCKE, why, null, today.plusMonths(6));
                    consents.withdrawDisclosure(holder, given.id());
                    yield given;
                }
                case EXPIRED -> disclose(holder, p.id(), Position.OTHER_COMMITTEE, DisclosureProvision.SAMTYCKE, why,
                        LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31));
                case FUTURE -> disclose(holder, p.id(), Position.OTHER_COMMITTEE, DisclosureProvision.SAMTYCKE, why,
                        today.plusMonths(1), today.plusMonths(6));
                case TO_OTHER_LINE -> disclose(holder, p.id(), Position.OTHER_LINE_SAME_COMMITTEE,
                        DisclosureProvision.UPPGIFTSSKYLDIGHET, why, null, today.plusMonths(6));
            };
            linePersons.put(state, new FixturePerson(p.id(), p.personalIdentityNumber().value(), lastName, input,
                    List.of(), null));
            if (d != null) {
                lineDisclosures.put(state, d);
            }
        }
    }

    private LineDisclosure disclose(Actor holder, UUID personId, Position to, DisclosureProvision provision,
            String why, LocalDate from, LocalDate until) {
        return consents.disclose(holder, personId, holder.organisationId(), new NewLineDisclosure(to.committee,
                LineOfWork.valueOf(to.line), provision, why, from, until));
    }

    private FixturePerson registerPerson(String surnameSuffix) {
        String lastName = "Matris" + token + surnameSuffix;
        PersonInput input = PersonBuilder.aYoungPerson().named("Test", lastName).build();
        YoungPerson p = registry.register(recorder, input);
        return new FixturePerson(p.id(), p.personalIdentityNumber().value(), lastName, input, List.of(), null);
    }

    private Consent recordConsent(UUID personId, Org to, List<ConsentScope> scope, LocalDate from, LocalDate until) {
        return consents.record(recorder, personId, organisationIds.get(Org.OWNER), new NewConsent(null,
                organisationIds.get(to), ConsentPurpose.SAMORDNING, scope, GivenHow.SKRIFTLIGT, from, until));
    }

    private String username(Org org, Role role) {
        return usernames.get(org).get(role);
    }

    private static String randomLetters(int n) {
        var random = new SecureRandom();
        var s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // HTTP: the API with Basic auth, pages with a form-login session per user
    // ---------------------------------------------------------------------------------------------------------

    record Response(int status, String body, JsonMapper mapper) {

        JsonNode json() {
            return mapper.readTree(body);
        }
    }

    private Response api(String username, String method, String path, String body) {
        var request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        return send(http, request.build());
    }

    private Response page(String username, String path) {
        HttpClient browser = browsers.computeIfAbsent(username, this::logIn);
        return send(browser, HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
    }

    private HttpClient logIn(String username) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = send(browser, HttpRequest.newBuilder(URI.create(base() + "/login")).GET().build()).body();
        var csrf = CSRF.matcher(loginPage);
        assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
        String form = "username=" + encode(username) + "&password=" + encode(PASSWORD) + "&_csrf=" + encode(csrf.group(1));
        var login = HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(form)).build();
        try {
            var response = browser.send(login, BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return browser;
    }

    private Response send(HttpClient client, HttpRequest request) {
        try {
            var response = client.send(request, BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void assertStatus(Response r, int status) {
        assertThat(r.status()).as("status, body: %s", r.body()).isEqualTo(status);
    }

    /** 403 with the Swedish JSON error, and not a trace of the person in the answer. */
    private static void assertRefusedWithoutLeak(Response r, FixturePerson person) {
        assertStatus(r, 403);
        assertThat(r.json().get("errors").get(0).get("message").asString()).isEqualTo(FORBIDDEN_MESSAGE);
        assertThat(r.body()).doesNotContain(person.lastName()).doesNotContain(person.pin());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Database: the audit log and the few facts that show a refused change changed nothing
    // ---------------------------------------------------------------------------------------------------------

    record AuditRow(String action, String purpose, UUID consentId) {
    }

    private long auditMark() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_entry").query(Long.class).single();
    }

    /** Entries written after {@code mark} by the user about the person, optionally only the given actions. */
    private List<AuditRow> auditRows(long mark, String username, UUID personId, String... actions) {
        return jdbc.sql("""
                SELECT action, purpose, consent_id FROM audit_entry
                 WHERE id > ? AND username = ? AND person_id = ? AND (cardinality(?::text[]) = 0 OR action = ANY (?::text[]))
                 ORDER BY id""")
                .params(mark, username, personId, actions, actions)
                .query((rs, n) -> new AuditRow(rs.getString("action"), rs.getString("purpose"),
                        rs.getObject("consent_id", UUID.class)))
                .list();
    }

    private int version(UUID personId) {
        return jdbc.sql("SELECT version FROM young_person WHERE id = ?").param(personId).query(Integer.class).single();
    }

    private long consentCount(UUID personId) {
        return jdbc.sql("SELECT count(*) FROM consent WHERE person_id = ?").param(personId).query(Long.class).single();
    }
}
