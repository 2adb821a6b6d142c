package se.lots.privacy.retention;

import java.io.StringWriter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The package's METS.xml (E-ARK CSIP / SIP, FGS Paketstruktur): its header, agents, files and structure. */
final class Mets {

    static final String METS = "http://www.loc.gov/METS/";
    static final String XLINK = "http://www.w3.org/1999/xlink";

    private Mets() {
    }

    static String write(ArchivePackage pkg) {
        var out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.setPrefix("mets", METS);
            x.setPrefix("xlink", XLINK);
            x.writeStartElement(METS, "mets");
            x.writeNamespace("mets", METS);
            x.writeNamespace("xlink", XLINK);
            x.writeAttribute("OBJID", "urn:uuid:" + pkg.runId());
            x.writeStartElement(METS, "fileSec");
            x.writeStartElement(METS, "fileGrp");
            x.writeAttribute("USE", "Representations/rep1");
            int n = 0;
            for (var file : pkg.files()) {
                n++;
                x.writeStartElement(METS, "file");
                x.writeAttribute("ID", "file-" + n);
                x.writeAttribute("MIMETYPE", "application/jsonl");
                x.writeAttribute("SIZE", Long.toString(file.size()));
                x.writeAttribute("CHECKSUM", file.sha256());
                x.writeAttribute("CHECKSUMTYPE", "SHA-256");
                x.writeEmptyElement(METS, "FLocat");
                x.writeAttribute("LOCTYPE", "URL");
                x.writeAttribute(XLINK, "type", "simple");
                x.writeAttribute(XLINK, "href", file.path());
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
