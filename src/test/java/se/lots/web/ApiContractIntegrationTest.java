package se.lots.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ResolvableType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import se.lots.IntegrationTest;
import se.lots.TestNumbers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published contract ({@code /v3/api-docs}) is exactly what a client sends and gets: every parameter is one the
 * handler reads from the path, the query or a header, and the JSON of the main reads has the keys of its schema,
 * no more and no fewer, and each record's schema has its components, so that an internal argument or a stray
 * {@code isSomething()} getter (which both Jackson and the schema would take for a property) fails here.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiContractIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    JdbcClient jdbc;

    JsonNode contract;

    @BeforeAll
    void readTheContract() throws Exception {
        var response = send(null, "GET", "/v3/api-docs", null);
        assertThat(response.statusCode()).isEqualTo(200);
        contract = json.readTree(response.body());
    }

    @Test
    void everyDocumentedParameterIsOneTheHandlerReadsFromThePathTheQueryOrAHeader() {
        int operations = 0;
        for (var path : contract.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                Set<String> documented = new TreeSet<>();
                JsonNode parameters = operation.getValue().get("parameters");
                if (parameters != null) {
                    parameters.forEach(p -> documented.add(p.get("in").asString() + " " + p.get("name").asString()));
                }
                assertThat(documented).as("%s %s", method, path.getKey()).doesNotContain("query actor");
                assertThat(documented).as("%s %s", method, path.getKey())
                        .isEqualTo(readByHandler(path.getKey(), method));
                operations++;
            }
        }
        assertThat(operations).as("the API's operations").isGreaterThan(30);
    }

    @Test
    void theJsonOfTheMainReadsHasExactlyThePropertiesOfTheirSchemas() throws Exception {
        ObjectNode personInput = (ObjectNode) json.readTree("""
                {"personalIdentityNumber":"%s","firstName":"Kontrakt","lastName":"Kontraktsson","gender":"KVINNA",
                 "municipalityCode":"1214","address":{"street":"Storgatan 2","postalCode":"26831","city":"Svalöv"},
                 "guardian":{"name":"Vera Vårdnad","phone":"070-1234567","email":"v@example.se"},
                 "phone":"070-7654321","email":"k@example.se"}""".formatted(TestNumbers.next()));
        var created = send("coach", "POST", "/api/v1/persons", personInput);
        assertThat(created.statusCode()).isEqualTo(201);
        String person = json.readTree(created.body()).get("id").asString();
        send("coach", "POST", "/api/v1/persons/" + person + "/plan", json.createObjectNode());
        long track = json.readTree(send("coach", "GET", "/api/v1/persons/" + person + "/plan", null).body())
                .get("tracks").get(0).get("id").asLong();
        var step = send("coach", "POST", "/api/v1/persons/" + person + "/plan/steps", json.createObjectNode()
                .put("trackId", String.valueOf(track)).put("title", "Praktik").put("responsibleParty", "KOMMUNEN")
                .put("status", "PLANERAD"));
        String stepId = json.readTree(step.body()).get("id").asString();
        long organisation = jdbc.sql("SELECT organisation_id FROM user_account WHERE username = 'coach'")
                .query(Long.class).single();
        var referral = send("coach", "POST", "/api/v1/persons/" + person + "/referrals", json.createObjectNode()
                .put("toOrganisationId", String.valueOf(organisation)).put("intervention", "Samtal")
                .put("request", "Samtal om studier").put("reason", "Behöver stöd"));
        assertThat(referral.statusCode()).as(referral.body()).isEqualTo(201);
        long intervention = json.readTree(send(null, "GET", "/api/v1/interventions", null).body())
                .get("items").get(0).get("id").asLong();
        String kaaPerson = json.readTree(send("coach", "GET", "/api/v1/kaa/episodes", null).body())
                .get("rows").get(0).get("personId").asString();
        long programme = json.readTree(send("coach", "GET", "/api/v1/follow-up/programmes", null).body()).get(0)
                .get("id").asLong();
        String today = java.time.LocalDate.now().toString();
        var enrolled = send("coach", "POST", "/api/v1/persons/" + person + "/enrolments", json.createObjectNode()
                .put("programmeId", String.valueOf(programme)).put("startedOn", today).put("reason", "Kontrakt"));
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        String enrolment = json.readTree(enrolled.body()).get("id").asString();
        var registered = send("coach", "PUT", "/api/v1/follow-up/enrolments/" + enrolment + "/registrations/START",
                json.createObjectNode().put("measuredOn", today).put("occupation", "ARBETSSOKANDE")
                        .put("educationLevel", "GYMNASIAL").put("registeredAtAf", true)
                        .set("incomeSources", json.createArrayNode().add("ANNAN")));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        JsonNode ladder = json.readTree(send("coach", "GET", "/api/v1/follow-up/ladder", null).body());
        var moved = send("coach", "POST", "/api/v1/follow-up/enrolments/" + enrolment + "/step-movements",
                json.createObjectNode().put("movedOn", today).put("fromStep", ladder.get(0).get("id").asString())
                        .put("toStep", ladder.get(1).get("id").asString()));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(201);

        List<String> reads = List.of(
                "/api/v1/persons/" + person,
                "/api/v1/persons?q=Kontraktsson",
                "/api/v1/persons/" + person + "/plan",
                "/api/v1/steps/" + stepId,
                "/api/v1/persons/" + person + "/consents",
                "/api/v1/persons/" + person + "/enrolments",
                "/api/v1/persons/" + person + "/meetings",
                "/api/v1/persons/" + person + "/referrals",
                "/api/v1/referrals/outgoing",
                "/api/v1/interventions",
                "/api/v1/interventions/" + intervention,
                "/api/v1/interventions/coverage",
                "/api/v1/organisations",
                "/api/v1/kaa/overview",
                "/api/v1/kaa/episodes?filter=ALL",
                "/api/v1/kaa/persons/" + kaaPerson,
                "/api/v1/kaa/persons/" + kaaPerson + "/measures",
                "/api/v1/kaa/measure-categories",
                "/api/v1/kaa/figures/2026H1?reporting=true",
                "/api/v1/follow-up/programmes",
                "/api/v1/follow-up/programmes/" + programme + "/participants",
                "/api/v1/follow-up/enrolments/" + enrolment,
                "/api/v1/follow-up/enrolments/" + enrolment + "/assessments",
                "/api/v1/follow-up/enrolments/" + enrolment + "/step-movements",
                "/api/v1/follow-up/instruments",
                "/api/v1/follow-up/ladder",
                "/api/v1/follow-up/programmes/" + programme + "/report",
                "forbund:/api/v1/follow-up/finsam",
                "forbund:/api/v1/federation/members",
                "forbund:/api/v1/federation/programmes");
        List<String> differences = new ArrayList<>();
        for (String entry : reads) {
            // a read is the case worker's unless it names its user (Uppföljning Finsam is the förbund's)
            String user = entry.contains(":") ? entry.substring(0, entry.indexOf(':')) : "coach";
            String read = entry.substring(entry.indexOf(':') + 1);
            var response = send(user, "GET", read, null);
            assertThat(response.statusCode()).as(read).isEqualTo(200);
            String template = template(read.replaceAll("\\?.*", ""));
            JsonNode schema = contract.get("paths").get(template).get("get").get("responses").get("200")
                    .get("content").properties().iterator().next().getValue().get("schema");
            compare(read, schema, json.readTree(response.body()), differences);
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void aVersionedUpdateDocumentsIfMatch428AndA409WithTheStateSavedNow() {
        for (String path : List.of("/api/v1/persons/{id}", "/api/v1/persons/{personId}/plan", "/api/v1/steps/{stepId}",
                "/api/v1/interventions/{id}", "/api/v1/follow-up/enrolments/{enrolmentId}/registrations/{kind}",
                "/api/v1/follow-up/participations/{participationId}/registrations/{kind}")) {
            JsonNode put = contract.get("paths").get(path).get("put");
            assertThat(put.get("parameters").findValuesAsString("name")).as(path).contains("If-Match");
            assertThat(put.get("responses").has("428")).as(path).isTrue();
            assertThat(put.get("responses").get("409").get("description").asString()).as(path).contains("current");
        }
        assertThat(contract.get("components").get("schemas").get("ApiError").get("properties").has("current"))
                .isTrue();
    }

    @Test
    void everySchemaOfARecordHasExactlyTheRecordsComponents() {
        Map<String, Class<?>> records = new TreeMap<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (info.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/"))) {
                collect(ResolvableType.forMethodReturnType(handler.getMethod()), records);
                for (var p : handler.getMethodParameters()) {
                    if (p.hasParameterAnnotation(RequestBody.class)) {
                        collect(ResolvableType.forMethodParameter(p), records);
                    }
                }
            }
        });
        JsonNode schemas = contract.get("components").get("schemas");
        List<String> differences = new ArrayList<>();
        // a value type (OrganisationId, MunicipalityCode) is the bare number or string it holds, never an object
        records.values().removeIf(type -> {
            boolean value = Arrays.stream(type.getRecordComponents())
                    .anyMatch(c -> c.getAccessor().isAnnotationPresent(JsonValue.class));
            if (value) {
                assertThat(schemas.has(type.getSimpleName())).as("%s documented as an object", type.getName())
                        .isFalse();
            }
            return value;
        });
        records.forEach((name, type) -> {
            JsonNode schema = schemas.get(name);
            assertThat(schema).as("the schema of %s", type.getName()).isNotNull();
            Set<String> components = new TreeSet<>();
            for (RecordComponent c : type.getRecordComponents()) {
                components.add(c.getName());
            }
            Set<String> documented = schema.has("properties") ? new TreeSet<>(schema.get("properties").propertyNames())
                    : Set.of();
            if (!documented.equals(components)) {
                differences.add(type.getName() + ": schema " + documented + ", record " + components);
            }
        });
        assertThat(records).as("records sent or read by the API").hasSizeGreaterThan(20);
        assertThat(differences).isEmpty();
    }

    /** The records of Lots a type is or holds (in a list, a map, a response entity, a record component). */
    private static void collect(ResolvableType type, Map<String, Class<?>> records) {
        Class<?> c = type.resolve();
        if (c == null) {
            return;
        }
        if (c.isRecord() && c.getName().startsWith("se.lots.")) {
            Class<?> same = records.get(c.getSimpleName());
            // two records of one simple name share one schema, and which one it documents depends on the scan order:
            // harmless only when both have the same components
            assertThat(same == null || componentNames(same).equals(componentNames(c)))
                    .as("%s and %s are both in the API under one schema name", same == null ? "" : same.getName(),
                            c.getName()).isTrue();
            if (records.putIfAbsent(c.getSimpleName(), c) == null) {
                for (RecordComponent component : c.getRecordComponents()) {
                    collect(ResolvableType.forType(component.getGenericType()), records);
                }
            }
            return;
        }
        if (type.isArray()) {
            collect(type.getComponentType(), records);
        }
        for (ResolvableType generic : type.getGenerics()) {
            collect(generic, records);
        }
    }

    private static List<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).sorted().toList();
    }

    private void compare(String where, JsonNode schema, JsonNode actual, List<String> differences) {
        schema = resolve(schema);
        if (actual == null || actual.isNull()) {
            return;
        }
        if (actual.isArray()) {
            JsonNode items = schema.get("items");
            assertThat(items).as("%s is an array in the schema", where).isNotNull();
            for (int i = 0; i < actual.size(); i++) {
                compare(where + "[" + i + "]", items, actual.get(i), differences);
            }
            return;
        }
        if (!actual.isObject()) {
            return;
        }
        JsonNode properties = schema.get("properties");
        if (properties == null) {
            // a map (additionalProperties): its keys are data, its values have a schema
            JsonNode values = schema.get("additionalProperties");
            if (values != null && values.isObject()) {
                actual.properties().forEach(e -> compare(where + "." + e.getKey(), values, e.getValue(), differences));
            }
            return;
        }
        Set<String> documented = new TreeSet<>(properties.propertyNames());
        Set<String> sent = new TreeSet<>(actual.propertyNames());
        if (!documented.equals(sent)) {
            differences.add(where + ": schema " + documented + ", JSON " + sent);
        }
        for (var e : actual.properties()) {
            if (properties.has(e.getKey())) {
                compare(where + "." + e.getKey(), properties.get(e.getKey()), e.getValue(), differences);
            }
        }
    }

    /** Follows a $ref, and the one non-null alternative of an OpenAPI 3.1 nullable. */
    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            return resolve(contract.get("components").get("schemas").get(name));
        }
        for (String combination : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.has(combination)) {
                for (JsonNode alternative : schema.get(combination)) {
                    if (!"null".equals(alternative.path("type").asString(""))) {
                        return resolve(alternative);
                    }
                }
            }
        }
        return schema;
    }

    private String template(String path) {
        for (var documented : contract.get("paths").propertyNames()) {
            if (path.matches(documented.replaceAll("\\{[^}]+}", "[^/]+"))
                    && contract.get("paths").get(documented).has("get")) {
                // a literal path (/referrals/outgoing) wins over a template (/referrals/{id})
                if (!documented.contains("{") || !contract.get("paths").has(path)) {
                    return documented;
                }
            }
        }
        throw new AssertionError("no documented GET for " + path);
    }

    private Set<String> readByHandler(String path, String method) {
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (e.getKey().getPatternValues().contains(path)
                    && e.getKey().getMethodsCondition().getMethods().contains(RequestMethod.valueOf(method))) {
                Set<String> read = new TreeSet<>();
                for (var p : e.getValue().getMethodParameters()) {
                    Parameter parameter = p.getParameter();
                    var pathVariable = p.getParameterAnnotation(PathVariable.class);
                    var query = p.getParameterAnnotation(RequestParam.class);
                    var header = p.getParameterAnnotation(RequestHeader.class);
                    if (pathVariable != null) {
                        read.add("path " + (pathVariable.name().isEmpty() ? parameter.getName() : pathVariable.name()));
                    } else if (query != null) {
                        read.add("query " + (query.name().isEmpty() ? parameter.getName() : query.name()));
                    } else if (header != null) {
                        read.add("header " + header.name());
                    }
                }
                return read;
            }
        }
        throw new AssertionError("no handler for " + method + " " + path);
    }

    private HttpResponse<String> send(String user, String method, String path, JsonNode body) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":lots-demo-2026").getBytes(StandardCharsets.UTF_8)));
        }
        if (body == null) {
            builder.GET();
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
