package se.lots.privacy.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

import se.lots.organisation.OrganisationId;
import se.lots.privacy.ArchiveSink;
import se.lots.privacy.RetentionEvent;
import se.lots.privacy.RetentionRule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The archive package as an archivist receives it: a zip with one root folder, METS.xml valid against the METS schema
 * (with the E-ARK extensions), every file listed with the SHA-256 and size it really has, the rows exactly as they
 * were given, one JSON line each, and the rules with their legal basis in the descriptive metadata; an aborted package
 * leaves nothing behind.
 */
class ArchivePackageTest {

    static final String METS = "http://www.loc.gov/METS/";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final RetentionRule KAA = new RetentionRule("kaa", "EPISODE", 60, RetentionEvent.EPISODE_CLOSED,
            "Skollagen (2010:800) 29 kap. 9 §, förordning (2006:39)", true);
    static final RetentionRule PLAN = new RetentionRule("plan", "PLAN", 24, RetentionEvent.PLAN_CLOSED,
            "Gallringsbeslut KS 2025/117 (Exempelkommun)", true);
    static final Instant NOW = Instant.parse("2026-12-07T21:30:00Z");
    static final OrganisationId ORGANISATION = new OrganisationId(7);
    static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path directory;

    final UUID run = UUID.fromString("0b5c3f0e-4a57-4d1a-9a42-3f1f0c2a9e11");

    ArchivePackage open() {
        return new ArchivePackage(directory, run, "Exempelkommun", ORGANISATION, DAY, "Alva Administratör",
                Clock.fixed(NOW, ZoneId.of("Europe/Stockholm")), "test",
                table -> List.of(new ArchivePackage.Column("id", "uuid", false),
                        new ArchivePackage.Column("note", "text", true)));
    }

    @Test
    void holdsEveryRowOfTwoRegistersAsOneJsonLineAndListsEachFileWithItsRealChecksumInValidMets() throws Exception {
        var episodes = List.of("{\"id\":\"e1\",\"note\":\"Åsa är \\\"hemma\\\"\"}", "{\"id\":\"e2\",\"note\":null}");
        var statuses = List.of("{\"id\":\"s1\",\"status\":\"KONTAKT\"}");
        var plans = List.of("{\"id\":\"p1\",\"title\":\"Plan ↦ arbete\"}", "{\"id\":\"p2\",\"title\":\"\"}",
                "{\"id\":\"p3\"}");
        Path path;
        try (ArchivePackage pkg = open()) {
            ArchiveSink kaa = pkg.sink(KAA);
            statuses.forEach(row -> kaa.row("kaa_status", row));
            episodes.forEach(row -> kaa.row("kaa_episode", row));
            ArchiveSink plan = pkg.sink(PLAN);
            plans.forEach(row -> plan.row("plan", row));
            path = pkg.finish();
        }

        String id = "lots-gallring-7-2026-12-07-" + run;
        assertThat(path).isEqualTo(directory.resolve(id + ".zip")).exists();
        if (Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
        }
        try (var files = Files.list(directory)) {
            assertThat(files.toList()).as("no partial file beside the package").containsExactly(path);
        }
        Map<String, byte[]> zip = read(path);
        assertThat(zip.keySet()).as("one root folder, named by the package's id").allMatch(n -> n.startsWith(id + "/"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        zip.forEach((name, bytes) -> files.put(name.substring(id.length() + 1), bytes));
        assertThat(files.keySet()).contains("METS.xml", "representations/rep1/METS.xml",
                "representations/rep1/data/kaa/kaa_status.jsonl", "representations/rep1/data/kaa/kaa_episode.jsonl",
                "representations/rep1/data/plan/plan.jsonl", "metadata/descriptive/dc.xml",
                "metadata/descriptive/gallring.json", "metadata/preservation/premis.xml", "documentation/tables.json",
                "documentation/LASMIG.txt", "schemas/mets.xsd", "schemas/xlink.xsd");

        assertThat(lines(files.get("representations/rep1/data/kaa/kaa_episode.jsonl"))).isEqualTo(episodes);
        assertThat(lines(files.get("representations/rep1/data/kaa/kaa_status.jsonl"))).isEqualTo(statuses);
        assertThat(lines(files.get("representations/rep1/data/plan/plan.jsonl"))).isEqualTo(plans);

        Document mets = parse(files.get("METS.xml"));
        Document representation = parse(files.get("representations/rep1/METS.xml"));
        validate(files.get("METS.xml"));
        validate(files.get("representations/rep1/METS.xml"));

        // every file but the package's METS.xml is listed once, in the package's or the representation's METS
        var listed = new ArrayList<String>();
        listed.addAll(checkReferences(mets, "", files));
        listed.addAll(checkReferences(representation, "representations/rep1/", files));
        var expected = new ArrayList<>(files.keySet());
        expected.remove("METS.xml");
        assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);

        Element root = mets.getDocumentElement();
        assertThat(root.getAttribute("OBJID")).isEqualTo(id);
        assertThat(root.getAttribute("PROFILE")).isEqualTo("https://earksip.dilcis.eu/profile/E-ARK-SIP.xml");
        assertThat(root.getAttribute("TYPE")).isEqualTo("Databases");
        assertThat(agent(mets, "ARCHIVIST", "ORGANIZATION")).isEqualTo("Exempelkommun");
        assertThat(agent(mets, "CREATOR", "OTHER")).isEqualTo("Lots");
        assertThat(agent(mets, "CREATOR", "INDIVIDUAL")).isEqualTo("Alva Administratör");
        Element header = (Element) mets.getElementsByTagNameNS(METS, "metsHdr").item(0);
        assertThat(header.getAttributeNS("https://DILCIS.eu/XML/METS/CSIPExtensionMETS", "OAISPACKAGETYPE"))
                .isEqualTo("SIP");

        String dc = new String(files.get("metadata/descriptive/dc.xml"), StandardCharsets.UTF_8);
        parse(files.get("metadata/descriptive/dc.xml"));
        assertThat(dc).contains(KAA.legalBasis(), PLAN.legalBasis(), "Alva Administratör", "3 rader i 2 filer",
                "3 rader i 1 fil");
        JsonNode rules = JSON.readTree(files.get("metadata/descriptive/gallring.json"));
        assertThat(rules.get("rules")).hasSize(2);
        assertThat(rules.get("rules").get(1).get("legalBasis").asString()).isEqualTo(PLAN.legalBasis());
        assertThat(rules.get("rules").get(0).get("files").get(1).get("rows").asLong()).isEqualTo(2);
        Document premis = parse(files.get("metadata/preservation/premis.xml"));
        assertThat(premis.getElementsByTagNameNS("http://www.loc.gov/premis/v3", "object").getLength()).isEqualTo(3);
        JsonNode tables = JSON.readTree(files.get("documentation/tables.json")).get("tables");
        assertThat(tables).hasSize(3);
        assertThat(tables.get(0).get("table").asString()).isEqualTo("kaa_episode");
        assertThat(tables.get(0).get("rows").asLong()).isEqualTo(2);
        assertThat(tables.get(0).get("columns").get(1).get("name").asString()).isEqualTo("note");
    }

    @Test
    void aTableWhoseRowsComeAgainGetsAFileOfItsOwnAndNoRowIsLost() throws Exception {
        Path path;
        try (ArchivePackage pkg = open()) {
            ArchiveSink kaa = pkg.sink(KAA);
            kaa.row("kaa_status", "{\"n\":1}");
            kaa.row("kaa_episode", "{\"n\":2}");
            kaa.row("kaa_status", "{\"n\":3}");
            // the same rule again (an equal copy): its rows count to the one rule
            pkg.sink(new RetentionRule(KAA.register(), KAA.recordKind(), KAA.keepMonths(), KAA.countedFrom(),
                    KAA.legalBasis(), KAA.archiveFirst())).row("kaa_status", "{\"n\":4}");
            pkg.sink(PLAN);
            path = pkg.finish();
        }
        Map<String, byte[]> zip = read(path);
        String data = "lots-gallring-7-2026-12-07-" + run + "/representations/rep1/data/kaa/";
        assertThat(lines(zip.get(data + "kaa_status.jsonl"))).containsExactly("{\"n\":1}");
        assertThat(lines(zip.get(data + "kaa_status-2.jsonl"))).containsExactly("{\"n\":3}", "{\"n\":4}");
        assertThat(lines(zip.get(data + "kaa_episode.jsonl"))).containsExactly("{\"n\":2}");
        String dc = new String(zip.get("lots-gallring-7-2026-12-07-" + run + "/metadata/descriptive/dc.xml"),
                StandardCharsets.UTF_8);
        assertThat(dc).as("a rule with nothing due is still named").contains(PLAN.legalBasis(), "0 rader i 0 filer");
        assertThat(dc).contains("4 rader i 3 filer").containsOnlyOnce(KAA.legalBasis());
    }

    @Test
    void manyRowsStreamThroughAndTheChecksumCoversThemAll() throws Exception {
        Path path;
        try (ArchivePackage pkg = open()) {
            ArchiveSink kaa = pkg.sink(KAA);
            IntStream.range(0, 200_000).forEach(n -> kaa.row("kaa_status", "{\"id\":" + n + ",\"status\":\"X\"}"));
            path = pkg.finish();
        }
        String id = "lots-gallring-7-2026-12-07-" + run + "/";
        Map<String, byte[]> zip = read(path);
        List<String> lines = lines(zip.get(id + "representations/rep1/data/kaa/kaa_status.jsonl"));
        assertThat(lines).hasSize(200_000);
        assertThat(lines.get(199_999)).isEqualTo("{\"id\":199999,\"status\":\"X\"}");
        checkReferences(parse(zip.get(id + "representations/rep1/METS.xml")), "representations/rep1/",
                strip(zip, id));
    }

    @Test
    void anAbortedPackageLeavesNoFileWhetherItWasBeingWrittenOrFinished() throws Exception {
        ArchivePackage writing = open();
        writing.sink(KAA).row("kaa_episode", "{\"id\":1}");
        assertThat(directory).isNotEmptyDirectory();
        writing.abort();
        assertThat(directory).isEmptyDirectory();
        assertThatThrownBy(() -> writing.sink(KAA)).isInstanceOf(IllegalStateException.class);

        try (ArchivePackage unfinished = open()) {
            unfinished.sink(KAA).row("kaa_episode", "{\"id\":1}");
        }
        assertThat(directory).as("closed without finish is aborted").isEmptyDirectory();

        ArchivePackage finished = open();
        finished.sink(KAA).row("kaa_episode", "{\"id\":1}");
        Path path = finished.finish();
        assertThat(path).exists();
        finished.abort();
        assertThat(directory).as("the run's removal failed after the package was finished").isEmptyDirectory();
    }

    @Test
    void aPartialFileLeftByARunThatDiedIsRemovedLaterButNotOneBeingWritten() throws Exception {
        Path dead = Files.createFile(directory.resolve(".lots-gallring-7-2026-12-01-x.zip.part"));
        Files.setLastModifiedTime(dead, FileTime.from(NOW.minus(Duration.ofDays(3))));
        Path writing = Files.createFile(directory.resolve(".lots-gallring-8-2026-12-07-y.zip.part"));
        Files.setLastModifiedTime(writing, FileTime.from(NOW.minus(Duration.ofHours(5))));
        Path other = Files.createFile(directory.resolve("not-ours.zip.part"));
        Files.setLastModifiedTime(other, FileTime.from(NOW.minus(Duration.ofDays(30))));

        var packages = new ArchivePackages(null, Clock.fixed(NOW, ZoneId.of("Europe/Stockholm")), directory);
        packages.open(run, "Exempelkommun", ORGANISATION, DAY, "Alva Administratör").abort();

        assertThat(dead).doesNotExist();
        assertThat(writing).exists();
        assertThat(other).exists();
    }

    @Test
    void refusesNamesThatAreNotPlainAndRowsThatAreNotOneLine() {
        try (ArchivePackage pkg = open()) {
            ArchiveSink kaa = pkg.sink(KAA);
            assertThatThrownBy(() -> kaa.row("../../etc/passwd", "{}")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> kaa.row("kaa_episode", "{\"a\":\n1}"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> pkg.sink(new RetentionRule("../kaa", "EPISODE", 1, RetentionEvent.EPISODE_CLOSED,
                    "x", true))).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(directory).isEmptyDirectory();
    }

    // ---- reading the package back

    static Map<String, byte[]> read(Path zip) throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                assertThat(entries.put(entry.getName(), in.readAllBytes())).as(entry.getName()).isNull();
            }
        }
        return entries;
    }

    static Map<String, byte[]> strip(Map<String, byte[]> zip, String prefix) {
        var files = new LinkedHashMap<String, byte[]>();
        zip.forEach((name, bytes) -> files.put(name.substring(prefix.length()), bytes));
        return files;
    }

    static List<String> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        return List.of(text.substring(0, text.length() - 1).split("\n", -1));
    }

    /** Checks each file and metadata reference's size and SHA-256 against the file; returns the files referenced. */
    static List<String> checkReferences(Document mets, String base, Map<String, byte[]> files) {
        var referenced = new ArrayList<String>();
        for (String element : List.of("file", "mdRef")) {
            var nodes = mets.getElementsByTagNameNS(METS, element);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                Element located = element.equals("file")
                        ? (Element) e.getElementsByTagNameNS(METS, "FLocat").item(0) : e;
                String path = base + located.getAttributeNS(XLINK, "href");
                byte[] bytes = files.get(path);
                assertThat(bytes).as(path + " is in the package").isNotNull();
                assertThat(e.getAttribute("CHECKSUMTYPE")).isEqualTo("SHA-256");
                assertThat(e.getAttribute("CHECKSUM")).as(path)
                        .isEqualTo(HexFormat.of().formatHex(ArchivePackage.sha256().digest(bytes)));
                assertThat(Long.parseLong(e.getAttribute("SIZE"))).as(path).isEqualTo(bytes.length);
                referenced.add(path);
            }
        }
        return referenced;
    }

    static String agent(Document mets, String role, String type) {
        var agents = mets.getElementsByTagNameNS(METS, "agent");
        for (int i = 0; i < agents.getLength(); i++) {
            Element agent = (Element) agents.item(i);
            if (agent.getAttribute("ROLE").equals(role) && agent.getAttribute("TYPE").equals(type)) {
                return agent.getElementsByTagNameNS(METS, "name").item(0).getTextContent();
            }
        }
        return null;
    }

    static Document parse(byte[] xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /**
     * Validates against METS 1.12 with the E-ARK CSIP and SIP extensions, the schemas the package carries (mets.xsd
     * imports the Library of Congress' xlink.xsd by its web address: the package's copy stands in, so the test needs
     * no network).
     */
    static void validate(byte[] xml) throws Exception {
        var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver(new Resolver());
        var schema = factory.newSchema(new Source[] { schema("/archive/schemas/xlink.xsd"),
                schema("/archive/schemas/mets.xsd"), schema("/archive/schemas/DILCISExtensionMETS.xsd"),
                schema("/archive/schemas/DILCISExtensionSIPMETS.xsd") });
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    static Source schema(String resource) {
        return new StreamSource(ArchivePackageTest.class.getResourceAsStream(resource),
                ArchivePackageTest.class.getResource(resource).toString());
    }

    static final class Resolver implements LSResourceResolver {

        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId,
                String baseUri) {
            String resource;
            if (systemId != null && systemId.endsWith("xlink.xsd")) {
                resource = "/archive/schemas/xlink.xsd";
            } else {
                throw new IllegalStateException("the schemas ask for " + systemId + ", which the test does not have");
            }
            return new Input(systemId, ArchivePackageTest.class.getResourceAsStream(resource));
        }
    }

    record Input(String systemId, InputStream stream) implements LSInput {
        public java.io.Reader getCharacterStream() { return null; }
        public void setCharacterStream(java.io.Reader r) { }
        public InputStream getByteStream() { return stream; }
        public void setByteStream(InputStream s) { }
        public String getStringData() { return null; }
        public void setStringData(String s) { }
        public String getSystemId() { return systemId; }
        public void setSystemId(String s) { }
        public String getPublicId() { return null; }
        public void setPublicId(String s) { }
        public String getBaseURI() { return null; }
        public void setBaseURI(String s) { }
        public String getEncoding() { return null; }
        public void setEncoding(String s) { }
        public boolean getCertifiedText() { return false; }
        public void setCertifiedText(boolean b) { }
    }
}
