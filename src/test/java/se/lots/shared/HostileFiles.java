package se.lots.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Files an attacker (or a broken export) sends to an upload, made in the test so that none is checked in: an xlsx
 * whose sheet inflates far beyond its size, sheets and CSV files a million columns wide.
 */
public final class HostileFiles {

    private HostileFiles() {
    }

    /**
     * An xlsx of a few hundred KB whose sheet inflates to about {@code inflatedBytes}: rows of one number cell, the
     * same bytes over and over (what a zip bomb is), each cell a string a reader keeps.
     */
    public static byte[] zipBombXlsx(long inflatedBytes) {
        byte[] row = "<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>".getBytes(StandardCharsets.US_ASCII);
        return xlsx(zip -> {
            zip.write(bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN
                    + "\"><sheetData><row><c t=\"inlineStr\"><is><t>a</t></is></c><c t=\"inlineStr\"><is><t>b</t>"
                    + "</is></c><c t=\"inlineStr\"><is><t>c</t></is></c></row>"));
            var block = new ByteArrayOutputStream();
            while (block.size() < 64 * 1024) {
                block.write(row, 0, row.length);
            }
            byte[] chunk = block.toByteArray();
            for (long written = 0; written < inflatedBytes; written += chunk.length) {
                zip.write(chunk);
            }
            zip.write(bytes("</sheetData></worksheet>"));
        });
    }

    /**
     * An xlsx whose first row has {@code columns} cells of random numbers: they compress about as well as a real
     * sheet does, so only a limit on the columns stops it, not the inflate ratio.
     */
    public static byte[] wideXlsx(int columns) {
        var random = new Random(columns);
        return xlsx(zip -> {
            zip.write(bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN
                    + "\"><sheetData><row r=\"1\">"));
            var sb = new StringBuilder(64 * 1024);
            for (int c = 0; c < columns; c++) {
                sb.append("<c><v>").append(random.nextInt(1_000_000)).append("</v></c>");
                if (sb.length() > 60_000) {
                    zip.write(bytes(sb.toString()));
                    sb.setLength(0);
                }
            }
            zip.write(bytes(sb + "</row></sheetData></worksheet>"));
        });
    }

    /** An xlsx whose sheet's data is {@code rows} (the XML inside sheetData, written as given). */
    public static byte[] xlsxOfRows(String rows) {
        return xlsx(zip -> zip.write(bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN
                + "\"><sheetData>" + rows + "</sheetData></worksheet>")));
    }

    /** A CSV file whose header row has {@code columns} columns. */
    public static byte[] wideCsv(int columns) {
        var sb = new StringBuilder(columns * 3 + 40);
        sb.append("personnummer");
        for (int c = 1; c < columns; c++) {
            sb.append(";k").append(c % 10);
        }
        return sb.append("\n200701012387\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private interface Sheet {
        void write(ZipOutputStream zip) throws IOException;
    }

    private static byte[] xlsx(Sheet sheet) {
        return xlsx("xl/worksheets/sheet1.xml", sheet);
    }

    /**
     * An xlsx of a million columns whose sheet is the part {@code part}: the workbook's relations, not the part's name,
     * say where the sheet is.
     */
    public static byte[] wideXlsxAt(String part) {
        var random = new Random(1);
        return xlsx(part, zip -> {
            var sb = new StringBuilder("<worksheet xmlns=\"" + MAIN + "\"><sheetData><row>");
            for (int c = 0; c < 1_000_000; c++) {
                sb.append("<c><v>").append(random.nextInt(1_000_000)).append("</v></c>");
            }
            zip.write(bytes(sb + "</row></sheetData></worksheet>"));
        });
    }

    /** The few parts an xlsx needs around its one sheet, {@code sheetPart}. */
    private static byte[] xlsx(String sheetPart, Sheet sheet) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\""
                    + "http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" "
                    + "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default "
                    + "Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" "
                    + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                    + "spreadsheetml.styles+xml\"/><Override PartName=\"/" + sheetPart + "\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
                    + "http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
                    + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                    + "Target=\"xl/workbook.xml\"/></Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN
                    + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                    + "<sheet name=\"Lista\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                    + "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
                    + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                    + "Target=\"/" + sheetPart + "\"/></Relationships>");
            entry(zip, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"" + MAIN
                    + "\"><cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs></styleSheet>");
            zip.putNextEntry(new ZipEntry(sheetPart));
            sheet.write(zip);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes(xml));
        zip.closeEntry();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
