package se.lots.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
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
 * Parsing is commons-csv and fastexcel; only the guessing of encoding and delimiter, which neither does, is here,
 * and the {@link Limits}: every file is measured in a streaming pass that keeps nothing before it is parsed, so that
 * what the parsers then keep is bounded (issue 20: a 561 KB xlsx that inflated to 200 MB ran the server out of memory).
 */
public record TabularFile(List<String> headers, List<Row> rows, String encoding, char delimiter, List<Refused> refused) {

    /**
     * How large a file may be once read. {@code rows} and {@code cells} bound what is kept (a cell costs about 50
     * bytes of heap: 2.5 million cells about 125 MB); {@code inflatedBytes} and {@code inflateRatio} bound the work
     * of unpacking an xlsx; {@code cellLength} is Excel's own limit on a cell's text.
     */
    public record Limits(int rows, int columns, long cells, long inflatedBytes, int inflateRatio, int cellLength) {

        /**
         * Rows: the national benchmark's KAA list (docs/benchmarks.md) has 100 000 rows of 11 columns (1.1 million
         * cells, 11.7 MB as CSV, roughly 40 MB of sheet XML as xlsx); twice that is allowed. Columns: the KAA list has
         * 11, the schools' signals 9, the catalogue export 15 and one per need; Excel itself stops at 16 384. The
         * inflate ratio is Apache POI's (ZipSecureFile: inflated at most 100 times the compressed bytes).
         */
        public static final Limits UPLOAD = new Limits(200_000, 1_000, 2_500_000, 256L * 1024 * 1024, 100, 32_767);
    }

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

    /**
     * A cell (or header, row 1) holding a character {@link TextInput} refuses, as a row error names it: the column by
     * its header, or by its letter in Excel when the header is blank or itself refused. Every cell is normalised as
     * {@link TextInput} does for forms and JSON, so an upload is not a way around the one text rule (issue 20).
     */
    public record Refused(int row, String column, int codePoint) {
    }

    /** The file cannot be read at all; {@code messageKey} says why in the user's language. */
    public static final class UnreadableFileException extends RuntimeException {

        private final String messageKey;
        private final transient Object[] arguments;

        public UnreadableFileException(String messageKey, Throwable cause, Object... arguments) {
            super(messageKey, cause);
            this.messageKey = messageKey;
            this.arguments = arguments.clone();
        }

        public String messageKey() {
            return messageKey;
        }

        /** The limit that was passed, for the message ("högst {0} rader"). */
        public Object[] arguments() {
            return arguments.clone();
        }
    }

    /** Reads an upload within {@link Limits#UPLOAD}. */
    public static TabularFile read(String fileName, byte[] content) {
        return read(fileName, content, Limits.UPLOAD);
    }

    public static TabularFile read(String fileName, byte[] content, Limits limits) {
        if (content.length == 0) {
            throw new UnreadableFileException("file.empty", null);
        }
        if (ReadableWorkbook.isOOXMLZipHeader(content)) {
            return readXlsx(content, limits);
        }
        if (ReadableWorkbook.isOLE2Header(content)
                || fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xls")) {
            throw new UnreadableFileException("file.oldExcel", null);
        }
        return readCsv(content, limits);
    }

    private static TabularFile readCsv(byte[] content, Limits limits) {
        int offset = 0;
        String encoding;
        Charset charset;
        // Excel's "Unicode-text (*.txt)" is UTF-16 with a byte-order mark and tabs
        if (content.length >= 2 && ((content[0] & 0xff) == 0xff && (content[1] & 0xff) == 0xfe
                || (content[0] & 0xff) == 0xfe && (content[1] & 0xff) == 0xff)) {
            charset = StandardCharsets.UTF_16;
            encoding = "UTF-16";
        } else {
            if (looksBinary(content)) {
                throw new UnreadableFileException("file.notText", null);
            }
            if (content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb
                    && (content[2] & 0xff) == 0xbf) {
                offset = 3;
            }
            if (isUtf8(content, offset)) {
                charset = StandardCharsets.UTF_8;
                encoding = offset == 3 ? "UTF-8 (BOM)" : "UTF-8";
            } else {
                // not UTF-8: Excel's "CSV (semikolonavgränsad)" on a Swedish Windows writes Windows-1252
                charset = WINDOWS_1252;
                encoding = "Windows-1252";
            }
        }
        char delimiter = delimiter(text(content, offset, charset));
        try {
            FileShape.csv(text(content, offset, charset), delimiter, limits);
        } catch (IOException e) {
            throw new UnreadableFileException("file.brokenCsv", e);
        }
        return parseCsv(text(content, offset, charset), encoding, delimiter);
    }

    /** The file as text read as it is parsed: a 50 MB file is never one String of 100 MB. */
    private static Reader text(byte[] content, int offset, Charset charset) {
        return new InputStreamReader(new ByteArrayInputStream(content, offset, content.length - offset), charset);
    }

    /** Decodes in small pieces, keeping nothing: the answer only. */
    private static boolean isUtf8(byte[] content, int offset) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var in = ByteBuffer.wrap(content, offset, content.length - offset);
        var out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            out.clear();
            if (result.isUnderflow()) {
                return !decoder.flush(out).isError();
            }
        }
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

    private static TabularFile parseCsv(Reader text, String encoding, char delimiter) {
        var format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        var headers = new ArrayList<String>();
        var rows = new ArrayList<Row>();
        var refused = new ArrayList<int[]>();
        try (var parser = format.parse(text)) {
            int number = 0;
            for (CSVRecord record : parser) {
                number++;
                var values = new ArrayList<String>(record.size());
                for (int i = 0; i < record.size(); i++) {
                    values.add(cell(record.get(i), number, i, refused));
                }
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
        return new TabularFile(List.copyOf(headers), rows, encoding, delimiter, refused(headers, refused));
    }

    /** The character that splits the header line into the most columns. */
    private static char delimiter(Reader text) {
        long[] counts = new long[3];
        char[] candidates = { ';', ',', '\t' };
        try (text) {
            for (int ch = text.read(); ch >= 0 && ch != '\n'; ch = text.read()) {
                for (int i = 0; i < candidates.length; i++) {
                    if (ch == candidates[i]) {
                        counts[i]++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UnreadableFileException("file.brokenCsv", e);
        }
        char best = ',';
        long most = -1;
        for (int i = 0; i < candidates.length; i++) {
            if (counts[i] > most) {
                most = counts[i];
                best = candidates[i];
            }
        }
        return best;
    }

    private static TabularFile readXlsx(byte[] content, Limits limits) {
        FileShape.xlsx(content, limits);
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(content), new ReadingOptions(true, false))) {
            var headers = new ArrayList<String>();
            var rows = new ArrayList<Row>();
            var refused = new ArrayList<int[]>();
            try (var sheetRows = workbook.getFirstSheet().openStream()) {
                sheetRows.forEach(r -> {
                    var values = new ArrayList<String>();
                    for (int i = 0; i < r.getCellCount(); i++) {
                        values.add(cell(text(r.getCell(i)), r.getRowNum(), i, refused));
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
            return new TabularFile(List.copyOf(headers), rows, "xlsx", ' ', refused(headers, refused));
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableFileException u) {
                throw u;
            }
            throw new UnreadableFileException("file.brokenXlsx", e);
        }
    }

    /** The cell stripped and normalised; a refused character is noted as {row, column, code point}. */
    private static String cell(String value, int row, int column, List<int[]> refused) {
        // an empty cell is the one "": a file of empty cells keeps only references
        if (value == null || value.isBlank()) {
            return "";
        }
        String v = TextInput.normalise(value.strip());
        if (!printableAscii(v)) {
            int c = TextInput.firstRefused(v);
            if (c >= 0) {
                refused.add(new int[] { row, column, c });
            }
        }
        return v;
    }

    /** Most cells of a large list are digits and plain letters: they need no look at each code point's type. */
    private static boolean printableAscii(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static List<Refused> refused(List<String> headers, List<int[]> found) {
        return found.stream().map(f -> {
            String header = f[1] < headers.size() ? headers.get(f[1]) : "";
            boolean named = !header.isBlank() && TextInput.firstRefused(header) < 0;
            return new Refused(f[0], named ? header : columnLetter(f[1]), f[2]);
        }).toList();
    }

    /** 0 → "A", 26 → "AA", as Excel names columns. */
    static String columnLetter(int column) {
        var sb = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            sb.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return sb.toString();
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
        return cell.getText();
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
