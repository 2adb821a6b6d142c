package se.lots.privacy.retention;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;

import se.lots.privacy.RetentionRule;
import se.lots.privacy.retention.ArchivePackage.DataFile;
import se.lots.privacy.retention.ArchivePackage.Written;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metadata of an archive package, written when it is finished (the rows are in by then): the schemas, the
 * documentation (the tables' columns and a short guide in Swedish), the descriptive metadata (Dublin Core and the
 * rules applied with their legal basis), the PREMIS preservation metadata, the representation's {@code METS.xml}
 * (the data files with their SHA-256) and the package's {@code METS.xml} (E-ARK CSIP 2.1 / SIP 2.1, which Riksarkivet
 * made FGS Paketstruktur 2.0).
 */
final class ArchiveMetadata {

    static final String METS = "http://www.loc.gov/METS/";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String CSIP = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS";
    static final String SIP = "https://DILCIS.eu/XML/METS/SIPExtensionMETS";
    static final String PREMIS = "http://www.loc.gov/premis/v3";
    static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String SIP_PROFILE = "https://earksip.dilcis.eu/profile/E-ARK-SIP.xml";
    static final String CONTENT_TYPE = "Lots JSON Lines (PostgreSQL row_to_json, one row per line)";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ArchivePackage pkg;
    private final List<DataFile> data;

    ArchiveMetadata(ArchivePackage pkg) {
        this.pkg = pkg;
        this.data = pkg.files();
    }

    void write() throws IOException {
        var schemas = new ArrayList<Written>();
        for (String schema : ArchivePackage.SCHEMAS) {
            try (InputStream in = ArchiveMetadata.class.getResourceAsStream("/archive/schemas/" + schema)) {
                if (in == null) {
                    throw new IllegalStateException("the schema " + schema + " is missing from Lots");
                }
                schemas.add(pkg.add("schemas/" + schema, "application/xml", in.readAllBytes()));
            }
        }
        var documentation = List.of(
                pkg.add("documentation/LASMIG.txt", "text/plain", guide().getBytes(StandardCharsets.UTF_8)),
                pkg.add("documentation/tables.json", "application/json", tables()));
        Written dc = pkg.add("metadata/descriptive/dc.xml", "text/xml", dublinCore());
        Written rules = pkg.add("metadata/descriptive/gallring.json", "application/json", rules());
        Written premis = pkg.add("metadata/preservation/premis.xml", "text/xml", premis());
        Written representation = pkg.add(ArchivePackage.REPRESENTATION + "METS.xml", "text/xml", representationMets());
        pkg.add("METS.xml", "text/xml", packageMets(schemas, documentation, dc, rules, premis, representation));
    }

    // ---- documentation

    private String guide() {
        return """
                Arkivpaket från Lots: gallring
                ==============================

                Paket: %s
                Arkivbildare: %s (organisation %s i Lots)
                Gallringsdag: %s
                Godkänd av: %s

                Paketet innehåller de uppgifter som Lots tog bort vid gallringen, exporterade innan de togs bort.
                Det följer E-ARK SIP 2.1 / CSIP 2.1 (Riksarkivets FGS Paketstruktur 2.0).

                METS.xml                      paketets innehållsförteckning: alla filer med storlek och SHA-256
                metadata/descriptive/dc.xml   beskrivning (Dublin Core) med de gallringsregler som tillämpades
                metadata/descriptive/gallring.json  reglerna, deras rättsliga grund och antal rader per fil
                metadata/preservation/premis.xml    bevarandemetadata (PREMIS 3.0): filer, kontrollsummor, händelser
                documentation/tables.json     varje tabells kolumner (namn, databastyp, om värdet kan saknas)
                representations/rep1/METS.xml datafilernas förteckning
                representations/rep1/data/<register>/<tabell>.jsonl
                                              raderna, en JSON-rad per databasrad, kolumnnamn som nycklar
                schemas/                      XML-scheman för METS

                Öppna en .jsonl-fil i en textredigerare, eller läs in den med t.ex. jq, Python (json-modulen,
                en rad i taget), R (jsonlite::stream_in) eller PostgreSQL (json_populate_record).
                Kontrollera en fil med sha256sum och jämför med CHECKSUM i METS.xml.

                Uppgifterna är personuppgifter och kan omfattas av sekretess enligt offentlighets- och
                sekretesslagen (2009:400). Pröva sekretessen innan något lämnas ut.
                """.formatted(pkg.id(), pkg.organisationName(), pkg.organisation(), pkg.day(), pkg.approvedBy());
    }

    private byte[] tables() {
        var byTable = new TreeMap<String, List<DataFile>>();
        for (DataFile file : data) {
            byTable.computeIfAbsent(file.register() + "/" + file.table(), k -> new ArrayList<>()).add(file);
        }
        var tables = new ArrayList<Map<String, Object>>();
        byTable.forEach((key, files) -> {
            var table = new LinkedHashMap<String, Object>();
            table.put("register", files.get(0).register());
            table.put("table", files.get(0).table());
            table.put("files", files.stream().map(f -> f.file().path()).toList());
            table.put("rows", files.stream().mapToLong(DataFile::rows).sum());
            table.put("columns", pkg.columns().of(files.get(0).table()).stream().map(c -> {
                var column = new LinkedHashMap<String, Object>();
                column.put("name", c.name());
                column.put("type", c.type());
                column.put("nullable", c.nullable());
                return column;
            }).toList());
            tables.add(table);
        });
        return json(Map.of("tables", tables));
    }

    // ---- descriptive metadata

    private byte[] dublinCore() {
        return xml(x -> {
            x.setPrefix("oai_dc", OAI_DC);
            x.setPrefix("dc", DC);
            x.writeStartElement(OAI_DC, "dc");
            x.writeNamespace("oai_dc", OAI_DC);
            x.writeNamespace("dc", DC);
            dc(x, "title", "Gallrade uppgifter ur Lots: " + pkg.organisationName() + ", " + pkg.day());
            dc(x, "creator", pkg.organisationName());
            dc(x, "date", pkg.day().toString());
            dc(x, "identifier", pkg.id());
            dc(x, "type", "Dataset");
            dc(x, "format", ArchivePackage.JSON_LINES);
            dc(x, "language", "sv");
            dc(x, "description", "Uppgifter som Lots tog bort vid gallring " + pkg.day() + " enligt gallringsreglerna "
                    + "för " + pkg.organisationName() + ", exporterade före gallringen i samma transaktion. "
                    + "Gallringen godkändes av " + pkg.approvedBy() + " (körning " + pkg.runId() + ").");
            for (RetentionRule rule : pkg.rules()) {
                dc(x, "description", describe(rule));
            }
            dc(x, "rights", "Innehåller personuppgifter. Uppgifterna kan omfattas av sekretess enligt offentlighets- "
                    + "och sekretesslagen (2009:400); pröva sekretessen före utlämnande.");
            x.writeEndElement();
        });
    }

    private String describe(RetentionRule rule) {
        List<DataFile> files = data.stream().filter(f -> f.rule().equals(rule)).toList();
        long rows = files.stream().mapToLong(DataFile::rows).sum();
        return "Register " + rule.register() + ", slag " + rule.recordKind() + ": gallras " + rule.keepMonths()
                + " månader efter " + event(rule) + ". Rättslig grund: " + rule.legalBasis() + ". " + rows
                + (rows == 1 ? " rad" : " rader") + " i " + files.size() + (files.size() == 1 ? " fil." : " filer.");
    }

    private static String event(RetentionRule rule) {
        return switch (rule.countedFrom()) {
            case EPISODE_CLOSED -> "att KAA-perioden avslutades (EPISODE_CLOSED)";
            case PLAN_CLOSED -> "att planen avslutades (PLAN_CLOSED)";
            case LAST_ACTIVITY -> "den senaste aktiviteten (LAST_ACTIVITY)";
        };
    }

    private byte[] rules() {
        var root = new LinkedHashMap<String, Object>();
        root.put("package", pkg.id());
        root.put("run", pkg.runId().toString());
        root.put("organisation", ordered("id", pkg.organisation().value(), "name", pkg.organisationName()));
        root.put("day", pkg.day().toString());
        root.put("approvedBy", pkg.approvedBy());
        root.put("created", pkg.created().toString());
        root.put("software", ordered("name", "Lots", "version", pkg.software()));
        var rules = new ArrayList<Map<String, Object>>();
        for (RetentionRule rule : pkg.rules()) {
            var r = new LinkedHashMap<String, Object>();
            r.put("register", rule.register());
            r.put("recordKind", rule.recordKind());
            r.put("keepMonths", rule.keepMonths());
            r.put("countedFrom", rule.countedFrom().name());
            r.put("legalBasis", rule.legalBasis());
            r.put("archiveFirst", rule.archiveFirst());
            r.put("files", data.stream().filter(f -> f.rule().equals(rule)).map(f -> {
                var file = new LinkedHashMap<String, Object>();
                file.put("path", f.file().path());
                file.put("table", f.table());
                file.put("rows", f.rows());
                file.put("size", f.file().size());
                file.put("sha256", f.file().sha256());
                return file;
            }).toList());
            rules.add(r);
        }
        root.put("rules", rules);
        return json(root);
    }

    private static Map<String, Object> ordered(String key, Object value, String otherKey, Object otherValue) {
        var map = new LinkedHashMap<String, Object>();
        map.put(key, value);
        map.put(otherKey, otherValue);
        return map;
    }

    // ---- preservation metadata (PREMIS 3.0)

    private byte[] premis() {
        return xml(x -> {
            x.setPrefix("premis", PREMIS);
            x.setPrefix("xsi", XSI);
            x.writeStartElement(PREMIS, "premis");
            x.writeNamespace("premis", PREMIS);
            x.writeNamespace("xsi", XSI);
            x.writeAttribute("version", "3.0");
            for (DataFile file : data) {
                x.writeStartElement(PREMIS, "object");
                x.writeAttribute(XSI, "type", "premis:file");
                identifier(x, "objectIdentifier", "local", file.file().path());
                x.writeStartElement(PREMIS, "objectCharacteristics");
                premis(x, "compositionLevel", "0");
                x.writeStartElement(PREMIS, "fixity");
                premis(x, "messageDigestAlgorithm", "SHA-256");
                premis(x, "messageDigest", file.file().sha256());
                premis(x, "messageDigestOriginator", "Lots");
                x.writeEndElement();
                premis(x, "size", Long.toString(file.file().size()));
                x.writeStartElement(PREMIS, "format");
                x.writeStartElement(PREMIS, "formatDesignation");
                premis(x, "formatName", "JSON Lines");
                x.writeEndElement();
                x.writeEndElement();
                x.writeEndElement();
                premis(x, "originalName", file.table());
                x.writeEndElement();
            }
            event(x, "capture", "export-" + pkg.runId(),
                    "Raderna som gallringen tar bort exporterades ur Lots databas (row_to_json) i samma transaktion "
                            + "som gallringen, efter godkännande av " + pkg.approvedBy() + ". Blir gallringen inte "
                            + "av tas paketet bort.", true);
            event(x, "message digest calculation", "digest-" + pkg.runId(),
                    "SHA-256 räknad över varje fil medan den skrevs.", false);
            agent(x, "lots", "Lots", "software", pkg.software(), null);
            agent(x, "lots-organisation-" + pkg.organisation().value(), pkg.organisationName(), "organization", null,
                    "Arkivbildare");
            agent(x, "approver-" + pkg.runId(), pkg.approvedBy(), "person", null, "Godkände gallringen");
            x.writeEndElement();
        });
    }

    private void event(XMLStreamWriter x, String type, String id, String detail, boolean approved)
            throws XMLStreamException {
        x.writeStartElement(PREMIS, "event");
        identifier(x, "eventIdentifier", "local", id);
        premis(x, "eventType", type);
        premis(x, "eventDateTime", pkg.created().toString());
        x.writeStartElement(PREMIS, "eventDetailInformation");
        premis(x, "eventDetail", detail);
        x.writeEndElement();
        x.writeStartElement(PREMIS, "eventOutcomeInformation");
        premis(x, "eventOutcome", "success");
        x.writeEndElement();
        linkingAgent(x, "lots", "executing program");
        if (approved) {
            linkingAgent(x, "approver-" + pkg.runId(), "authorizer");
            linkingAgent(x, "lots-organisation-" + pkg.organisation().value(), "implementer");
        }
        for (DataFile file : data) {
            x.writeStartElement(PREMIS, "linkingObjectIdentifier");
            premis(x, "linkingObjectIdentifierType", "local");
            premis(x, "linkingObjectIdentifierValue", file.file().path());
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private void linkingAgent(XMLStreamWriter x, String id, String role) throws XMLStreamException {
        x.writeStartElement(PREMIS, "linkingAgentIdentifier");
        premis(x, "linkingAgentIdentifierType", "local");
        premis(x, "linkingAgentIdentifierValue", id);
        premis(x, "linkingAgentRole", role);
        x.writeEndElement();
    }

    private void agent(XMLStreamWriter x, String id, String name, String type, String version, String note)
            throws XMLStreamException {
        x.writeStartElement(PREMIS, "agent");
        identifier(x, "agentIdentifier", "local", id);
        premis(x, "agentName", name);
        premis(x, "agentType", type);
        if (version != null) {
            premis(x, "agentVersion", version);
        }
        if (note != null) {
            premis(x, "agentNote", note);
        }
        x.writeEndElement();
    }

    private void identifier(XMLStreamWriter x, String element, String type, String value) throws XMLStreamException {
        x.writeStartElement(PREMIS, element);
        premis(x, element + "Type", type);
        premis(x, element + "Value", value);
        x.writeEndElement();
    }

    // ---- METS

    private byte[] representationMets() {
        return xml(x -> {
            metsRoot(x, "rep1", "../../schemas/");
            metsHeader(x, false);
            String group = "ID-rep1-data";
            if (!data.isEmpty()) {
                x.writeStartElement(METS, "fileSec");
                x.writeAttribute("ID", "ID-rep1-fileSec");
                x.writeStartElement(METS, "fileGrp");
                x.writeAttribute("ID", group);
                x.writeAttribute("USE", "Representations/rep1/data");
                x.writeAttribute(CSIP, "CONTENTINFORMATIONTYPE", "OTHER");
                x.writeAttribute(CSIP, "OTHERCONTENTINFORMATIONTYPE", CONTENT_TYPE);
                int n = 0;
                for (DataFile file : data) {
                    Written w = file.file();
                    file(x, "ID-rep1-file-" + (++n), w, w.path().substring(ArchivePackage.REPRESENTATION.length()),
                            "JSON Lines");
                }
                x.writeEndElement();
                x.writeEndElement();
            }
            structMap(x, "ID-rep1", "rep1", () -> {
                div(x, "ID-rep1-div-metadata", "Metadata");
                x.writeEndElement();
                div(x, "ID-rep1-div-data", "Data");
                if (!data.isEmpty()) {
                    fptr(x, group);
                }
                x.writeEndElement();
            });
            x.writeEndElement();
        });
    }

    private byte[] packageMets(List<Written> schemas, List<Written> documentation, Written dc, Written rules,
            Written premis, Written representation) {
        return xml(x -> {
            metsRoot(x, pkg.id(), "schemas/");
            metsHeader(x, true);
            x.writeStartElement(METS, "dmdSec");
            x.writeAttribute("ID", "ID-dmd-dc");
            x.writeAttribute("CREATED", dc.created().toString());
            x.writeAttribute("STATUS", "CURRENT");
            mdRef(x, dc, "DC", null, null);
            x.writeEndElement();
            x.writeStartElement(METS, "dmdSec");
            x.writeAttribute("ID", "ID-dmd-gallring");
            x.writeAttribute("CREATED", rules.created().toString());
            x.writeAttribute("STATUS", "CURRENT");
            mdRef(x, rules, "OTHER", "Lots gallring", null);
            x.writeEndElement();
            x.writeStartElement(METS, "amdSec");
            x.writeStartElement(METS, "digiprovMD");
            x.writeAttribute("ID", "ID-premis");
            x.writeAttribute("CREATED", premis.created().toString());
            x.writeAttribute("STATUS", "CURRENT");
            mdRef(x, premis, "PREMIS", null, "3.0");
            x.writeEndElement();
            x.writeEndElement();

            x.writeStartElement(METS, "fileSec");
            x.writeAttribute("ID", "ID-fileSec");
            fileGroup(x, "ID-documentation", "Documentation", documentation, null);
            fileGroup(x, "ID-schemas", "Schemas", schemas, "XML Schema Definition");
            fileGroup(x, "ID-rep1", "Representations/rep1", List.of(representation), null);
            x.writeEndElement();

            structMap(x, "ID-package", pkg.id(), () -> {
                div(x, "ID-div-metadata", "Metadata");
                x.writeAttribute("DMDID", "ID-dmd-dc ID-dmd-gallring");
                x.writeAttribute("ADMID", "ID-premis");
                x.writeEndElement();
                div(x, "ID-div-documentation", "Documentation");
                fptr(x, "ID-documentation");
                x.writeEndElement();
                div(x, "ID-div-schemas", "Schemas");
                fptr(x, "ID-schemas");
                x.writeEndElement();
                div(x, "ID-div-rep1", "Representations/rep1");
                x.writeStartElement(METS, "mptr");
                x.writeAttribute("LOCTYPE", "URL");
                x.writeAttribute(XLINK, "type", "simple");
                x.writeAttribute(XLINK, "href", representation.path());
                x.writeEndElement();
                fptr(x, "ID-rep1");
                x.writeEndElement();
            });
            x.writeEndElement();
        });
    }

    private void metsRoot(XMLStreamWriter x, String objid, String schemas) throws XMLStreamException {
        x.setPrefix("mets", METS);
        x.setPrefix("xlink", XLINK);
        x.setPrefix("xsi", XSI);
        x.setPrefix("csip", CSIP);
        x.setPrefix("sip", SIP);
        x.writeStartElement(METS, "mets");
        x.writeNamespace("mets", METS);
        x.writeNamespace("xlink", XLINK);
        x.writeNamespace("xsi", XSI);
        x.writeNamespace("csip", CSIP);
        x.writeNamespace("sip", SIP);
        x.writeAttribute(XSI, "schemaLocation", METS + " " + schemas + "mets.xsd " + XLINK + " " + schemas
                + "xlink.xsd " + CSIP + " " + schemas + "DILCISExtensionMETS.xsd " + SIP + " " + schemas
                + "DILCISExtensionSIPMETS.xsd");
        x.writeAttribute("OBJID", objid);
        x.writeAttribute("LABEL", "Gallrade uppgifter ur Lots: " + pkg.organisationName() + ", " + pkg.day());
        x.writeAttribute("TYPE", "Databases");
        x.writeAttribute(CSIP, "CONTENTINFORMATIONTYPE", "OTHER");
        x.writeAttribute(CSIP, "OTHERCONTENTINFORMATIONTYPE", CONTENT_TYPE);
        x.writeAttribute("PROFILE", SIP_PROFILE);
    }

    private void metsHeader(XMLStreamWriter x, boolean agents) throws XMLStreamException {
        x.writeStartElement(METS, "metsHdr");
        x.writeAttribute("CREATEDATE", pkg.created().toString());
        x.writeAttribute("RECORDSTATUS", "NEW");
        x.writeAttribute(CSIP, "OAISPACKAGETYPE", "SIP");
        metsAgent(x, "CREATOR", "OTHER", "SOFTWARE", "Lots", "SOFTWARE VERSION", pkg.software());
        if (agents) {
            String code = "Lots organisation " + pkg.organisation().value();
            // the archive creator (arkivbildare) and the submitter are the same organisation
            metsAgent(x, "ARCHIVIST", "ORGANIZATION", null, pkg.organisationName(), "IDENTIFICATIONCODE", code);
            metsAgent(x, "CREATOR", "ORGANIZATION", null, pkg.organisationName(), "IDENTIFICATIONCODE", code);
            metsAgent(x, "CREATOR", "INDIVIDUAL", null, pkg.approvedBy(), null, "Godkände gallringen");
        }
        x.writeEndElement();
    }

    private void metsAgent(XMLStreamWriter x, String role, String type, String otherType, String name,
            String noteType, String note) throws XMLStreamException {
        x.writeStartElement(METS, "agent");
        x.writeAttribute("ROLE", role);
        x.writeAttribute("TYPE", type);
        if (otherType != null) {
            x.writeAttribute("OTHERTYPE", otherType);
        }
        text(x, METS, "name", name);
        x.writeStartElement(METS, "note");
        if (noteType != null) {
            x.writeAttribute(CSIP, "NOTETYPE", noteType);
        }
        x.writeCharacters(note);
        x.writeEndElement();
        x.writeEndElement();
    }

    private void mdRef(XMLStreamWriter x, Written file, String type, String otherType, String version)
            throws XMLStreamException {
        x.writeStartElement(METS, "mdRef");
        x.writeAttribute("LOCTYPE", "URL");
        x.writeAttribute(XLINK, "type", "simple");
        x.writeAttribute(XLINK, "href", file.path());
        x.writeAttribute("MDTYPE", type);
        if (otherType != null) {
            x.writeAttribute("OTHERMDTYPE", otherType);
        }
        if (version != null) {
            x.writeAttribute("MDTYPEVERSION", version);
        }
        x.writeAttribute("MIMETYPE", file.mimeType());
        x.writeAttribute("SIZE", Long.toString(file.size()));
        x.writeAttribute("CREATED", file.created().toString());
        x.writeAttribute("CHECKSUM", file.sha256());
        x.writeAttribute("CHECKSUMTYPE", "SHA-256");
        x.writeEndElement();
    }

    private void fileGroup(XMLStreamWriter x, String id, String use, List<Written> files, String format)
            throws XMLStreamException {
        x.writeStartElement(METS, "fileGrp");
        x.writeAttribute("ID", id);
        x.writeAttribute("USE", use);
        int n = 0;
        for (Written file : files) {
            file(x, id + "-" + (++n), file, file.path(), format);
        }
        x.writeEndElement();
    }

    private void file(XMLStreamWriter x, String id, Written file, String href, String format)
            throws XMLStreamException {
        x.writeStartElement(METS, "file");
        x.writeAttribute("ID", id);
        x.writeAttribute("MIMETYPE", file.mimeType());
        x.writeAttribute("SIZE", Long.toString(file.size()));
        x.writeAttribute("CREATED", file.created().toString());
        x.writeAttribute("CHECKSUM", file.sha256());
        x.writeAttribute("CHECKSUMTYPE", "SHA-256");
        if (format != null) {
            x.writeAttribute(SIP, "FILEFORMATNAME", format);
        }
        x.writeStartElement(METS, "FLocat");
        x.writeAttribute("LOCTYPE", "URL");
        x.writeAttribute(XLINK, "type", "simple");
        x.writeAttribute(XLINK, "href", href);
        x.writeEndElement();
        x.writeEndElement();
    }

    private void structMap(XMLStreamWriter x, String id, String label, Body body) throws XMLStreamException {
        x.writeStartElement(METS, "structMap");
        x.writeAttribute("ID", id + "-structMap");
        x.writeAttribute("TYPE", "PHYSICAL");
        x.writeAttribute("LABEL", "CSIP");
        div(x, id + "-div", label);
        body.write();
        x.writeEndElement();
        x.writeEndElement();
    }

    private void div(XMLStreamWriter x, String id, String label) throws XMLStreamException {
        x.writeStartElement(METS, "div");
        x.writeAttribute("ID", id);
        x.writeAttribute("LABEL", label);
    }

    private void fptr(XMLStreamWriter x, String group) throws XMLStreamException {
        x.writeStartElement(METS, "fptr");
        x.writeAttribute("FILEID", group);
        x.writeEndElement();
    }

    // ---- writing

    @FunctionalInterface
    private interface Body {
        void write() throws XMLStreamException;
    }

    @FunctionalInterface
    private interface Document {
        void write(XMLStreamWriter x) throws XMLStreamException;
    }

    private static byte[] xml(Document document) {
        var out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            document.write(x);
            x.writeEndDocument();
            x.close();
            // indented, for the archivist who opens it in an editor
            var indented = new ByteArrayOutputStream();
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            try {
                // the JDK's transformer puts the root element on the declaration's line without this
                transformer.setOutputProperty("http://www.oracle.com/xml/is-standalone", "yes");
            } catch (IllegalArgumentException e) {
                // another transformer: the declaration and the root share a line, which is still XML
            }
            transformer.transform(new StreamSource(new ByteArrayInputStream(out.toByteArray())),
                    new StreamResult(indented));
            return indented.toByteArray();
        } catch (XMLStreamException | TransformerException e) {
            throw new IllegalStateException("the archive package's metadata cannot be written", e);
        }
    }

    private static byte[] json(Object value) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
    }

    private static void dc(XMLStreamWriter x, String element, String value) throws XMLStreamException {
        text(x, DC, element, value);
    }

    private static void premis(XMLStreamWriter x, String element, String value) throws XMLStreamException {
        text(x, PREMIS, element, value);
    }

    private static void text(XMLStreamWriter x, String namespace, String element, String value)
            throws XMLStreamException {
        x.writeStartElement(namespace, element);
        x.writeCharacters(value);
        x.writeEndElement();
    }
}
