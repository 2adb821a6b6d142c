package se.lots.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import se.lots.shared.TabularFile.Limits;
import se.lots.shared.TabularFile.UnreadableFileException;

/**
 * A file measured against {@link Limits} in one streaming pass that keeps nothing, before a parser keeps anything:
 * commons-csv builds a whole record and fastexcel a whole row before either can be stopped, and fastexcel makes
 * room up to a cell's column ({@code r="XFD1"}) however far that is.
 */
final class FileShape {

    /** POI's grace: a small entry may be all one repeated byte (an empty sheet compresses 200 times). */
    private static final long RATIO_GRACE_BYTES = 100 * 1024;
    /** A tag longer than this (a cell's attributes are a few dozen bytes) is not what a spreadsheet writes. */
    private static final int MAX_TAG_BYTES = 64 * 1024;

    private FileShape() {
    }

    /**
     * Counts rows, columns and cells as if there were no quotes: a quoted delimiter or line break counts once too
     * often, never too seldom, so a stray quote cannot hide a million columns from the count.
     */
    static void csv(Reader text, char delimiter, Limits limits) throws IOException {
        long rows = 0;
        long cells = 0;
        int columns = 1;
        int cellLength = 0;
        char[] buffer = new char[8192];
        try (text) {
            for (int n = text.read(buffer); n >= 0; n = text.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    if (c == '\n') {
                        cells += columns;
                        if (++rows > limits.rows() + 1L) {
                            throw tooMany("file.tooManyRows", limits.rows());
                        }
                        columns = 1;
                        cellLength = 0;
                    } else if (c == delimiter) {
                        if (++columns > limits.columns()) {
                            throw tooMany("file.tooManyColumns", limits.columns());
                        }
                        cellLength = 0;
                    } else if (++cellLength > limits.cellLength()) {
                        throw tooMany("file.cellTooLong", limits.cellLength());
                    }
                }
                if (cells + columns > limits.cells()) {
                    throw tooMany("file.tooManyCells", limits.cells());
                }
            }
        }
    }

    /**
     * Inflates every entry as fastexcel will find it (commons-compress, by the central directory), counting the bytes
     * that really come out: a zip's declared sizes can lie. XML parts are measured as they inflate.
     */
    static void xlsx(byte[] content, Limits limits) {
        long inflated = 0;
        byte[] buffer = new byte[16 * 1024];
        try (var zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            var entries = zip.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                // every XML part is measured as a sheet: the workbook's relations, not the part's name, say which
                // part fastexcel reads as the first sheet; a picture or other binary part is only inflated
                String name = entry.getName().toLowerCase(Locale.ROOT);
                var shape = name.endsWith(".xml") || name.endsWith(".rels") ? new XmlShape(limits) : null;
                try (InputStream in = zip.getInputStream(entry)) {
                    if (in == null) {
                        continue;
                    }
                    long entryBytes = 0;
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        inflated += n;
                        entryBytes += n;
                        if (inflated > limits.inflatedBytes()) {
                            throw tooMany("file.tooLargeInflated", limits.inflatedBytes() / 1024 / 1024);
                        }
                        long compressed = in instanceof InputStreamStatistics s ? s.getCompressedCount()
                                : entry.getCompressedSize();
                        if (entryBytes > RATIO_GRACE_BYTES && entryBytes > compressed * limits.inflateRatio()) {
                            throw tooMany("file.inflateRatio", limits.inflateRatio());
                        }
                        if (shape != null) {
                            shape.scan(buffer, n);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableFileException u) {
                throw u;
            }
            throw new UnreadableFileException("file.brokenXlsx", e);
        }
    }

    private static UnreadableFileException tooMany(String key, long limit) {
        return new UnreadableFileException(key, null, limit);
    }

    /**
     * An XML part read byte by byte: rows, cells in a row, a cell's column (its {@code r}) and all cells counted; a
     * text longer than a cell may be (in UTF-8 bytes, with entities) is refused, and so is an endless tag. Comments
     * and CDATA only make it count more, never less.
     */
    private static final class XmlShape {

        private static final Pattern CELL_REFERENCE = Pattern.compile("(?:^|\\s)r\\s*=\\s*[\"']\\$?([A-Za-z]+)");

        private final Limits limits;
        private boolean inTag;
        private int textBytes;
        private final byte[] tag = new byte[256];
        private int tagBytes;
        private long rows;
        private long cells;
        private int cellsInRow;

        XmlShape(Limits limits) {
            this.limits = limits;
        }

        void scan(byte[] buffer, int n) {
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (b == '<') {
                    inTag = true;
                    tagBytes = 0;
                    textBytes = 0;
                } else if (inTag) {
                    if (b == '>') {
                        inTag = false;
                        tag(tag, Math.min(tagBytes, tag.length));
                    } else {
                        if (tagBytes < tag.length) {
                            tag[tagBytes] = b;
                        }
                        if (++tagBytes > MAX_TAG_BYTES) {
                            throw new UnreadableFileException("file.brokenXlsx", null);
                        }
                    }
                } else if (++textBytes > limits.cellLength() * 6L) {
                    // 6 bytes a character: "&quot;" is the longest way to write one
                    throw tooMany("file.cellTooLong", limits.cellLength());
                }
            }
        }

        /** {@code tag} holds the tag's first bytes, without '<' and '>'. */
        private void tag(byte[] tag, int length) {
            if (length == 0 || tag[0] == '/' || tag[0] == '?' || tag[0] == '!') {
                return;
            }
            int start = 0;
            int end = 0;
            while (end < length && tag[end] != ' ' && tag[end] != '/' && tag[end] != '\t' && tag[end] != '\r'
                    && tag[end] != '\n') {
                if (tag[end] == ':') {
                    start = end + 1;
                }
                end++;
            }
            int nameLength = end - start;
            if (nameLength == 3 && tag[start] == 'r' && tag[start + 1] == 'o' && tag[start + 2] == 'w') {
                if (++rows > limits.rows() + 1L) {
                    throw tooMany("file.tooManyRows", limits.rows());
                }
                cellsInRow = 0;
            } else if (nameLength == 1 && tag[start] == 'c') {
                if (++cellsInRow > limits.columns()) {
                    throw tooMany("file.tooManyColumns", limits.columns());
                }
                if (++cells > limits.cells()) {
                    throw tooMany("file.tooManyCells", limits.cells());
                }
                if (column(tag, end, length) > limits.columns()) {
                    throw tooMany("file.tooManyColumns", limits.columns());
                }
            }
        }

        /**
         * The column of a cell's {@code r="AB12"} (1 for A); 0 without one. A tag longer than the bytes kept had its
         * reference cut off: such a cell is refused as if its column were too far.
         */
        private static long column(byte[] tag, int from, int length) {
            var reference = CELL_REFERENCE.matcher(new String(tag, from, length - from, StandardCharsets.US_ASCII));
            if (!reference.find()) {
                return length == tag.length ? Long.MAX_VALUE : 0;
            }
            long column = 0;
            for (char c : reference.group(1).toCharArray()) {
                column = Math.min(column * 26 + (Character.toUpperCase(c) - 'A' + 1), Long.MAX_VALUE / 32);
            }
            return column;
        }
    }
}
