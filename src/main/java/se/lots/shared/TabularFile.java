package se.lots.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;

/**
 * A file of rows as people send them: CSV (semicolon, comma or tab; UTF-8 with or without BOM, or Windows-1252 as
 * Excel writes it in Sweden) or xlsx (the first sheet). The first row holds the column names. Row numbers are those
 * a user sees in Excel: the header is row 1.
 * <p>
 * Parsing is commons-csv and fastexcel; only the guessing of encoding and delimiter, which neither does, is here.
 */
public record TabularFile(List<String> headers, List<Row> rows, String encoding, char delimiter) {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern DATE_FORMAT = Pattern.compile("(?i).*(yy|dd|mm).*");

    /** A data row: {@code values} line up with {@code headers}; missing cells are empty strings. */
    public record Row(int number, List<String> values) {

        public String value(int column) {
            return column < values.size() ? values.get(column) : "";
        }

        public boolean isBlank() {
            return values.stream().allMatch(String::isBlank);
        }
    }

    /** The file cannot be read at all; {@code messageKey} says why in the user's language. */
    public static final class UnreadableFileException extends RuntimeException {

        private final String messageKey;

        public UnreadableFileException(String messageKey, Throwable cause) {
            super(messageKey, cause);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    public static TabularFile read(String fileName, byte[] content) {
        if (content.length == 0) {
            throw new UnreadableFileException("file.empty", null);
        }
        if (ReadableWorkbook.isOOXMLZipHeader(content)) {
            return readXlsx(content);
        }
        if (ReadableWorkbook.isOLE2Header(content)
                || fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xls")) {
            throw new UnreadableFileException("file.oldExcel", null);
        }
        return readCsv(content);
    }

    private static TabularFile readCsv(byte[] content) {
        int offset = 0;
        String encoding;
        String text;
        // Excel's "Unicode-text (*.txt)" is UTF-16 with a byte-order mark and tabs
        if (content.length >= 2 && ((content[0] & 0xff) == 0xff && (content[1] & 0xff) == 0xfe
                || (content[0] & 0xff) == 0xfe && (content[1] & 0xff) == 0xff)) {
            return parseCsv(new String(content, StandardCharsets.UTF_16), "UTF-16");
        }
        if (looksBinary(content)) {
            throw new UnreadableFileException("file.notText", null);
        }
        if (content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb
                && (content[2] & 0xff) == 0xbf) {
            offset = 3;
        }
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, offset, content.length - offset)).toString();
            encoding = offset == 3 ? "UTF-8 (BOM)" : "UTF-8";
        } catch (CharacterCodingException e) {
            // not UTF-8: Excel's "CSV (semikolonavgränsad)" on a Swedish Windows writes Windows-1252
            text = new String(content, WINDOWS_1252);
            encoding = "Windows-1252";
        }
        return parseCsv(text, encoding);
    }

    /** NUL bytes never occur in a CSV file in UTF-8 or Windows-1252: it is UTF-16 without a BOM, a PDF, an image… */
    private static boolean looksBinary(byte[] content) {
        for (int i = 0; i < Math.min(content.length, 8192); i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static TabularFile parseCsv(String text, String encoding) {
        char delimiter = delimiter(text);
        var format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        var headers = new ArrayList<String>();
        var rows = new ArrayList<Row>();
        try (var parser = format.parse(new StringReader(text))) {
            int number = 0;
            for (CSVRecord record : parser) {
                number++;
                var values = record.stream().map(v -> v == null ? "" : v.strip()).toList();
                if (number == 1) {
                    headers.addAll(values);
                } else {
                    var row = new Row(number, values);
                    if (!row.isBlank()) {
                        rows.add(row);
                    }
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new UnreadableFileException("file.brokenCsv", e);
        }
        if (headers.isEmpty()) {
            throw new UnreadableFileException("file.empty", null);
        }
        return new TabularFile(List.copyOf(headers), rows, encoding, delimiter);
    }

    /** The character that splits the header line into the most columns. */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long most = -1;
        for (char c : new char[] { ';', ',', '\t' }) {
            long n = header.chars().filter(ch -> ch == c).count();
            if (n > most) {
                most = n;
                best = c;
            }
        }
        return best;
    }

    private static TabularFile readXlsx(byte[] content) {
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(content), new ReadingOptions(true, false))) {
            var headers = new ArrayList<String>();
            var rows = new ArrayList<Row>();
            try (var sheetRows = workbook.getFirstSheet().openStream()) {
                sheetRows.forEach(r -> {
                    var values = new ArrayList<String>();
                    for (int i = 0; i < r.getCellCount(); i++) {
                        values.add(text(r.getCell(i)));
                    }
                    if (headers.isEmpty() && rows.isEmpty()) {
                        headers.addAll(values);
                    } else {
                        var row = new Row(r.getRowNum(), values);
                        if (!row.isBlank()) {
                            rows.add(row);
                        }
                    }
                });
            }
            if (headers.isEmpty()) {
                throw new UnreadableFileException("file.empty", null);
            }
            return new TabularFile(List.copyOf(headers), rows, "xlsx", ' ');
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableFileException u) {
                throw u;
            }
            throw new UnreadableFileException("file.brokenXlsx", e);
        }
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            String format = cell.getDataFormatString();
            if (format != null && DATE_FORMAT.matcher(format).matches()) {
                return cell.asDate().toLocalDate().toString();
            }
            // a personnummer typed as a number must not become 1.99001019802E11
            BigDecimal n = cell.asNumber();
            return n.stripTrailingZeros().toPlainString();
        }
        String text = cell.getText();
        return text == null ? "" : text.strip();
    }

    /** Lower case, no spaces, dashes or underscores, å/ä → a, ö → o: "Efter-namn" and "efternamn" are one column. */
    public static String normalisedHeader(String header) {
        // one pass: this runs for every cell of a yes/no or situation column, not only for the headers
        String s = header.toLowerCase(Locale.ROOT);
        var sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = switch (s.charAt(i)) {
                case 'å', 'ä' -> 'a';
                case 'ö' -> 'o';
                case 'é' -> 'e';
                default -> s.charAt(i);
            };
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "TabularFile" + Arrays.asList(headers.size(), rows.size(), encoding);
    }
}
