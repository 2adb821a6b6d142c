package se.lots.attack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import se.lots.security.FromAddress;

/**
 * The attacks of issue 20 run again against a running Lots, from outside, as an attacker and a careless user would:
 * uploads that try to exhaust memory, password guessing, weak passwords, missing headers, the embedded database
 * without a password, updates without a version, control characters in names, broken periods and filters, the
 * published API contract, the administrator's pages. Prints one line per attack with HELD or FAILED and exits 1 if
 * any failed.
 * <p>
 * {@code ./mvnw -Pattack test-compile exec:java} against {@code http://localhost:8080} with the demo data
 * (docs/security.md, "The attack set"); {@code -Dlots.attack.url=…}, {@code -Dlots.attack.password=…} (the demo
 * users' password) and {@code -Dlots.attack.data-dir=…} (the embedded database's folder, for its port) change it.
 * It creates two throw-away users (named {@code attack-…}) and leaves them deactivated.
 */
public final class AttackSet {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String base;
    private final String demoPassword;
    private final Path dataDir;
    private final List<String[]> results = new ArrayList<>();
    private final Map<String, String> createdUsers = new LinkedHashMap<>();

    AttackSet(String base, String demoPassword, Path dataDir) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.demoPassword = demoPassword;
        this.dataDir = dataDir;
    }

    public static void main(String[] args) throws Exception {
        var attacks = new AttackSet(System.getProperty("lots.attack.url", "http://localhost:8080"),
                System.getProperty("lots.attack.password", "lots-demo-2026"),
                Path.of(System.getProperty("lots.attack.data-dir", "data/pg17")));
        int failed = attacks.run();
        System.exit(failed == 0 ? 0 : 1);
    }

    int run() throws Exception {
        System.out.println("Attack set against " + base);
        attempt("admin pages", this::adminPages);
        attempt("uploads: zip bomb", () -> upload("zip bomb", "bomb.xlsx", zipBomb(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        attempt("uploads: a million columns", () -> upload("a million columns", "columns.csv", millionColumns(),
                "text/csv"));
        attempt("uploads: over the size limit", () -> upload("over the size limit", "huge.csv", hugeFile(),
                "text/csv"));
        attempt("accounts: weak passwords", this::weakPasswords);
        attempt("accounts: deactivation", this::deactivation);
        attempt("headers", this::headers);
        attempt("database: no password", this::passwordlessDatabase);
        attempt("updates without a version", this::updatesWithoutVersion);
        attempt("control characters in names", this::controlCharacters);
        attempt("periods and filters", this::periodsAndFilters);
        attempt("published API contract", this::apiContract);
        // last: guessing from the attacker's address slows that address's logins down for an hour
        attempt("login: password guessing on the web", this::webGuessing);
        attempt("login: password guessing on the API", this::apiGuessing);
        attempt("login: guessing an account that does not exist", this::unknownAccountGuessing);
        leaveProbesDeactivated();
        int failed = 0;
        System.out.println();
        for (String[] r : results) {
            System.out.printf("%-7s %-48s %s%n", r[0], r[1], r[2]);
            if (!r[0].equals("HELD")) {
                failed++;
            }
        }
        System.out.printf("%n%d of %d attacks held%n", results.size() - failed, results.size());
        return failed;
    }

    interface Attack {
        String run() throws Exception;
    }

    /** An attack returns what it saw when Lots held, and throws {@link Broken} with what it saw when it did not. */
    static final class Broken extends RuntimeException {
        Broken(String what) {
            super(what);
        }
    }

    private void attempt(String name, Attack attack) {
        String outcome;
        String verdict;
        try {
            outcome = attack.run();
            verdict = "HELD";
        } catch (Broken e) {
            outcome = e.getMessage();
            verdict = "FAILED";
        } catch (Exception e) {
            outcome = e.getClass().getSimpleName() + ": " + e.getMessage();
            verdict = "FAILED";
        }
        // a server that stopped answering fails every attack after it: say so where it happened
        if (!alive()) {
            outcome += " — and the server no longer answers";
            verdict = "FAILED";
        }
        results.add(new String[] { verdict, name, outcome });
        System.out.printf("%-7s %s: %s%n", verdict, name, outcome);
    }

    // ---- the attacks ----

    private String adminPages() throws Exception {
        var admin = login("demoadmin");
        var out = new StringBuilder();
        for (String path : List.of("/admin/organisations", "/admin/users")) {
            var r = admin.get(path);
            if (r.statusCode() != 200 || !r.body().contains("</html>")) {
                throw new Broken(path + " answered " + r.statusCode() + (r.body().contains("</html>") ? ""
                        : " and was cut off"));
            }
            out.append(path).append(" 200 whole; ");
        }
        return out.toString();
    }

    private String upload(String what, String fileName, byte[] content, String type) throws Exception {
        var kaa = login("kaa");
        var page = kaa.get("/kaa/import");
        String csrf = csrf(page.body());
        long start = System.nanoTime();
        HttpResponse<String> r;
        try {
            r = kaa.multipart("/kaa/import", csrf, fileName, content, type);
        } catch (IOException e) {
            // Tomcat may close the connection while a too large body is still being sent: acceptable only if the
            // server stays alive and a small request afterwards is answered (checked by attempt())
            return "connection closed by the server for " + content.length / 1024 / 1024 + " MB (" + e + ")";
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (r.statusCode() == 303 || r.statusCode() == 302) {
            // refused before it was read: the form is shown again with the message
            String location = r.headers().firstValue("Location").orElse("/kaa/import");
            r = kaa.get(location.startsWith("http") ? URI.create(location).getRawPath() : location);
        }
        if (r.statusCode() >= 500) {
            throw new Broken(what + ": " + r.statusCode() + " after " + ms + " ms");
        }
        Matcher m = Pattern.compile("class=\"[^\"]*error[^\"]*\"[^>]*>\\s*([^<\\s][^<]{4,300})").matcher(r.body());
        if (!m.find()) {
            throw new Broken(what + ": " + r.statusCode() + " without an error message");
        }
        return r.statusCode() + " in " + ms + " ms: \"" + m.group(1).strip() + "\"";
    }

    private String webGuessing() throws Exception {
        String password = strongPassword();
        String user = createUser(password);
        var from = guesser();
        int wrong = 0;
        for (; wrong < 15; wrong++) {
            from.webLogin(user, "wrong-password-" + wrong);
        }
        var right = from.webLogin(user, password);
        String location = right.header("location") == null ? "" : right.header("location");
        if (right.status() == 302 && !location.contains("/login")) {
            throw new Broken(wrong + " wrong web logins, then the right password worked at once");
        }
        return wrong + " wrong web logins, then the right password was refused (" + location + ")";
    }

    private String apiGuessing() throws Exception {
        String password = strongPassword();
        String user = createUser(password);
        var from = guesser();
        FromAddress.Response last = null;
        int tries = 0;
        for (; tries < 30; tries++) {
            last = from.apiGet("/api/v1/persons?q=andersson", user, "wrong-" + tries);
            if (last.status() == 429) {
                break;
            }
        }
        if (last.status() != 429 || last.header("retry-after") == null) {
            throw new Broken(tries + " wrong API logins gave " + last.status() + " without 429 and Retry-After");
        }
        var right = from.apiGet("/api/v1/persons?q=andersson", user, password);
        if (right.status() == 200) {
            throw new Broken("429 after " + tries + " tries, but the right password then worked");
        }
        return "429 with Retry-After " + last.header("retry-after") + " s after " + (tries + 1)
                + " wrong logins; the right password then " + right.status();
    }

    private String unknownAccountGuessing() throws Exception {
        String user = "attack-nobody-" + shortId();
        var from = guesser();
        FromAddress.Response last = null;
        int tries = 0;
        for (; tries < 30; tries++) {
            last = from.apiGet("/api/v1/persons?q=andersson", user, "wrong-" + tries);
            if (last.status() == 429) {
                break;
            }
        }
        if (last.status() != 429) {
            throw new Broken("an account that does not exist is never throttled: it tells that it does not exist");
        }
        return "throttled like an existing account (429 after " + (tries + 1) + " tries)";
    }

    /**
     * Each guessing attack comes from an address of its own on the loopback network (127.x.y.z), so that the throttle
     * of one address does not stop the next attack (the JDK's HttpClient cannot choose its address on Java 17).
     */
    private FromAddress guesser() {
        URI uri = URI.create(base);
        if (!uri.getHost().equals("localhost") && !uri.getHost().startsWith("127.")) {
            throw new Broken("the guessing attacks run against a Lots on this machine only (" + uri.getHost() + ")");
        }
        var random = new java.security.SecureRandom();
        String local = "127." + (1 + random.nextInt(250)) + "." + random.nextInt(250) + "." + (1 + random.nextInt(250));
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        return new FromAddress(local, port);
    }

    private String weakPasswords() throws Exception {
        var out = new StringBuilder();
        for (String weak : List.of("aaaaaaaaaa", "1234567890", demoPassword, "password123456")) {
            var r = postJson("demoadmin", "/api/v1/users", newUserJson("attack-weak-" + shortId(), weak));
            if (r.statusCode() < 400 || r.statusCode() >= 500) {
                throw new Broken("the password \"" + weak + "\" gave " + r.statusCode());
            }
            out.append('"').append(weak).append("\" ").append(r.statusCode()).append("; ");
        }
        return out.toString();
    }

    private String deactivation() throws Exception {
        String password = strongPassword();
        String user = createUser(password);
        if (basic(user, password, "/api/v1/persons?q=andersson").statusCode() != 200) {
            throw new Broken("the new account could not log in before it was deactivated");
        }
        var r = postJson("demoadmin", "/api/v1/users/" + userId(user) + "/deactivate", "{}");
        if (r.statusCode() >= 300) {
            throw new Broken("deactivation answered " + r.statusCode() + ": " + r.body());
        }
        var after = basic(user, password, "/api/v1/persons?q=andersson");
        if (after.statusCode() == 200) {
            throw new Broken("a deactivated account still reads the API");
        }
        return "deactivated through the API; its login then " + after.statusCode();
    }

    private String headers() throws Exception {
        var r = client().send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("X-Forwarded-Proto", "https").timeout(TIMEOUT).build(), BodyHandlers.ofString());
        var h = r.headers();
        String csp = h.firstValue("Content-Security-Policy").orElse("");
        var missing = new ArrayList<String>();
        if (csp.isEmpty()) {
            missing.add("Content-Security-Policy");
        } else if (scriptSources(csp).contains("'unsafe-inline'")) {
            missing.add("a CSP without inline script");
        }
        for (String name : List.of("Referrer-Policy", "Permissions-Policy", "X-Content-Type-Options")) {
            if (h.firstValue(name).isEmpty()) {
                missing.add(name);
            }
        }
        String cookie = String.join(" | ", h.allValues("Set-Cookie"));
        if (!cookie.isEmpty() && !cookie.contains("Secure")) {
            missing.add("Secure on the session cookie behind TLS");
        }
        if (!missing.isEmpty()) {
            throw new Broken("missing: " + String.join(", ", missing));
        }
        return "CSP \"" + csp + "\"; Referrer-Policy " + h.firstValue("Referrer-Policy").get()
                + "; cookie behind TLS: " + cookie.replaceAll("=[^;]+;", "=…;");
    }

    private static String scriptSources(String csp) {
        for (String directive : csp.split(";")) {
            String d = directive.strip();
            if (d.startsWith("script-src ")) {
                return d;
            }
        }
        for (String directive : csp.split(";")) {
            if (directive.strip().startsWith("default-src ")) {
                return directive;
            }
        }
        return "'unsafe-inline'";
    }

    private String passwordlessDatabase() throws Exception {
        Path pid = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return "skipped: no embedded database at " + dataDir.toAbsolutePath() + " (external database)";
        }
        String port = Files.readAllLines(pid).get(3).strip();
        var out = new StringBuilder("port " + port + ": ");
        for (String role : List.of("postgres", "lots_app", "lots_owner")) {
            try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", role, "")) {
                throw new Broken(role + " connected without a password on port " + port);
            } catch (SQLException e) {
                out.append(role).append(" refused (").append(e.getSQLState()).append("); ");
            }
        }
        return out.toString();
    }

    private String updatesWithoutVersion() throws Exception {
        String person = "{\"anonymous\":false,\"birthDate\":\"2008-05-01\",\"firstName\":\"Attack\",\"lastName\":\"Probe\","
                + "\"gender\":\"KVINNA\",\"municipalityCode\":\"1214\"}";
        var created = postJson("kaa", "/api/v1/persons", person);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(created.body());
        if (created.statusCode() != 201 || !id.find()) {
            throw new Broken("could not register a person to update: " + created.statusCode() + " " + created.body());
        }
        String path = "/api/v1/persons/" + id.group(1);
        String etag = basic("kaa", demoPassword, path).headers().firstValue("ETag").orElse("\"0\"");
        var without = put("kaa", path, person, null);
        if (without.statusCode() != 428) {
            throw new Broken("an update without a version answered " + without.statusCode());
        }
        var first = put("kaa", path, person.replace("Probe", "Probe-ett"), etag);
        var second = put("kaa", path, person.replace("Probe", "Probe-två"), etag);
        if (first.statusCode() != 200 || second.statusCode() != 409 || !second.body().contains("Probe-ett")) {
            throw new Broken("two updates from the same version answered " + first.statusCode() + " and "
                    + second.statusCode() + " without the first one's state: " + second.body());
        }
        return "no version: 428; two updates from version " + etag + ": 200, then 409 with the state saved now";
    }

    private HttpResponse<String> put(String user, String path, String json, String ifMatch) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path)).PUT(BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(user, request);
    }

    private String controlCharacters() throws Exception {
        var out = new StringBuilder();
        for (String bad : List.of("Anna\u0000", "\u202Eanna", "An\u200Bna")) {
            String json = "{\"anonymous\":false,\"birthDate\":\"2008-05-01\",\"firstName\":\"" + jsonEscape(bad)
                    + "\",\"lastName\":\"Attack\",\"gender\":\"KVINNA\",\"municipalityCode\":\"1214\"}";
            var r = postJson("kaa", "/api/v1/persons", json);
            if (r.statusCode() != 400 || !r.body().contains("\"field\":\"firstName\"")) {
                throw new Broken("the name " + jsonEscape(bad) + " gave " + r.statusCode() + " " + r.body());
            }
            out.append(jsonEscape(bad)).append(" 400 on firstName; ");
        }
        return out.toString();
    }

    private String periodsAndFilters() throws Exception {
        var officer = login("forbund");
        var out = new StringBuilder();
        for (String path : List.of("/uppfoljning/finsam?from=2026-12-31&to=2026-01-01", "/uppfoljning/finsam?from=bad",
                "/uppfoljning/finsam.xlsx?from=bad")) {
            var r = officer.get(path);
            if (r.statusCode() >= 500 || r.statusCode() == 403) {
                throw new Broken(path + " answered " + r.statusCode());
            }
            out.append(path.substring(path.indexOf('?'))).append(' ').append(r.statusCode()).append("; ");
        }
        var filter = basic("coach", demoPassword, "/api/v1/interventions?age=abc");
        if (filter.statusCode() != 400) {
            throw new Broken("/api/v1/interventions?age=abc answered " + filter.statusCode());
        }
        return out + "?age=abc 400";
    }

    private String apiContract() throws Exception {
        String docs = client().send(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).timeout(TIMEOUT).build(),
                BodyHandlers.ofString()).body();
        if (docs.contains("\"name\":\"actor\"")) {
            throw new Broken("the internal actor is a parameter in /v3/api-docs");
        }
        var search = basic("kaa", demoPassword, "/api/v1/persons?q=andersson");
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(search.body());
        if (id.find() && basic("kaa", demoPassword, "/api/v1/persons/" + id.group(1)).body().contains("\"empty\"")) {
            throw new Broken("the person JSON carries an internal \"empty\"");
        }
        return "no actor parameter, no \"empty\" in the person";
    }

    private void leaveProbesDeactivated() {
        for (var id : createdUsers.values()) {
            try {
                postJson("demoadmin", "/api/v1/users/" + id + "/deactivate", "{}");
            } catch (Exception e) {
                System.out.println("could not deactivate the throw-away user " + id + ": " + e);
            }
        }
    }

    // ---- files ----

    /**
     * A workbook of 200 MB inflated in well under a megabyte: its shared-string table (which a reader keeps in memory)
     * holds 200 000 strings of 1 000 characters.
     */
    static byte[] zipBomb() throws IOException {
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas."
                    + "openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\""
                    + "application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
                    + "ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\""
                    + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override "
                    + "PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" "
                    + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                    + "</Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://"
                    + "schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                    + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + main
                    + "\" xmlns:r=\"" + rel + "\"><sheets><sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
                    + "</workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                    + "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1"
                    + "\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" "
                    + "Type=\"" + rel + "/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
            entry(zip, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                    + main + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c "
                    + "r=\"A2\" t=\"s\"><v>1</v></c></row></sheetData></worksheet>");
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + main + "\" count=\"200000\" "
                    + "uniqueCount=\"200000\">").getBytes(StandardCharsets.UTF_8));
            byte[] strings = ("<si><t>" + "x".repeat(1000) + "</t></si>").repeat(1000).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 200; i++) {
                zip.write(strings);
            }
            zip.write("</sst>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static byte[] millionColumns() {
        var header = new StringBuilder("personnummer");
        for (int i = 0; i < 1_000_000; i++) {
            header.append(";k").append(i);
        }
        return (header + "\n189001019802;a\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] hugeFile() {
        byte[] line = "189001019802;Anna;Andersson;Skolan;2026-01-01\n".getBytes(StandardCharsets.UTF_8);
        var out = new ByteArrayOutputStream(61 * 1024 * 1024);
        out.writeBytes("personnummer;fornamn;efternamn;skola;datum\n".getBytes(StandardCharsets.UTF_8));
        while (out.size() < 60 * 1024 * 1024) {
            out.writeBytes(line);
        }
        return out.toByteArray();
    }

    // ---- HTTP ----

    private static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private boolean alive() {
        try {
            var r = client().send(HttpRequest.newBuilder(URI.create(base + "/login")).timeout(Duration.ofSeconds(20))
                    .build(), BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /** A browser-like session: cookies kept, CSRF token read from the pages. */
    final class Session {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).build(),
                    BodyHandlers.ofString());
        }

        HttpResponse<String> form(String path, String csrf, String... pairs) throws Exception {
            var body = new StringBuilder("_csrf=" + enc(csrf));
            for (int i = 0; i < pairs.length; i += 2) {
                body.append('&').append(enc(pairs[i])).append('=').append(enc(pairs[i + 1]));
            }
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(BodyPublishers.ofString(body.toString())).build(), BodyHandlers.ofString());
        }

        HttpResponse<String> multipart(String path, String csrf, String fileName, byte[] content, String type)
                throws Exception {
            String boundary = "----lots-attack-" + UUID.randomUUID();
            var body = new ByteArrayOutputStream(content.length + 1024);
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                    + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(3))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(BodyPublishers.ofByteArray(body.toByteArray())).build(), BodyHandlers.ofString());
        }
    }

    private Session login(String user) throws Exception {
        var session = new Session();
        var page = session.get("/login");
        var r = session.form("/login", csrf(page.body()), "username", user, "password", demoPassword);
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new Broken("the demo user " + user + " could not log in (" + r.statusCode() + " " + location + ")");
        }
        return session;
    }

    private boolean webLogin(String user, String password) throws Exception {
        var session = new Session();
        var page = session.get("/login");
        var r = session.form("/login", csrf(page.body()), "username", user, "password", password);
        return r.statusCode() == 302 && !r.headers().firstValue("Location").orElse("").contains("/login");
    }

    private HttpResponse<String> basic(String user, String password, String path) throws Exception {
        return client().send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", basicAuth(user, password)).build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String user, String path, String json) throws Exception {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).POST(BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"));
    }

    private HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
        return client().send(request.timeout(TIMEOUT).header("Authorization", basicAuth(user, demoPassword)).build(),
                BodyHandlers.ofString());
    }

    private String createUser(String password) throws Exception {
        String name = "attack-" + shortId();
        var r = postJson("demoadmin", "/api/v1/users", newUserJson(name, password));
        if (r.statusCode() != 201) {
            throw new Broken("could not create the throw-away user: " + r.statusCode() + " " + r.body());
        }
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(r.body());
        createdUsers.put(name, id.find() ? id.group(1) : null);
        return name;
    }

    private String userId(String username) {
        String id = createdUsers.get(username);
        if (id == null) {
            throw new Broken("the id of " + username + " is not known");
        }
        return id;
    }

    private String newUserJson(String name, String password) throws Exception {
        var orgs = basic("demoadmin", demoPassword, "/api/v1/organisations").body();
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(orgs);
        if (!id.find()) {
            throw new Broken("no organisation to put the throw-away user in");
        }
        return "{\"username\":\"" + name + "\",\"password\":\"" + jsonEscape(password) + "\",\"displayName\":\""
                + "Attack probe\",\"role\":\"CASE_WORKER\",\"organisationId\":" + id.group(1) + "}";
    }

    private static String strongPassword() {
        return "probe " + UUID.randomUUID() + " river";
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new Broken("no CSRF token on the page");
        }
        return m.group(1).replace("&#45;", "-");
    }

    private static String basicAuth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String jsonEscape(String s) {
        var sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
