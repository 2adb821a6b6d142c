package se.lots.shared.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;

import se.lots.shared.InvalidInputException;
import se.lots.shared.TabularFile;
import se.lots.shared.TabularFile.UnreadableFileException;
import se.lots.shared.imports.ImportColumns.ErrorNames;
import se.lots.shared.imports.Progress.Phase;

/**
 * A file being imported, read against its kind's columns: where the file has each column, the headers that name none
 * or one named before, the rows, and the errors found so far (from the start, every value holding a refused
 * character).
 */
public final class ImportFile<C extends Enum<C> & ImportColumn> {

    /** A header that names no column, or a column named before; {@code position} counts from 1, as a user does. */
    public record Stray(String name, int position, boolean twice) {
    }

    /** How often the row check tells its progress: often enough for the bar, seldom enough to cost nothing. */
    static final int ROWS_PER_REPORT = 2000;

    private final TabularFile table;
    private final ImportColumns<C> columns;
    private final RowErrors errors;
    private final int[] positions;
    private final String[] names;
    private final List<Stray> strays = new ArrayList<>();

    private ImportFile(TabularFile table, ImportColumns<C> columns, RowErrors errors) {
        this.table = table;
        this.columns = columns;
        this.errors = errors;
        this.positions = new int[columns.all().size()];
        this.names = new String[positions.length];
        Arrays.fill(positions, -1);
        for (int i = 0; i < table.headers().size(); i++) {
            String header = table.headers().get(i);
            var column = columns.of(header);
            if (column.isEmpty()) {
                if (!header.isBlank()) {
                    strays.add(new Stray(header, i + 1, false));
                }
            } else if (positions[column.get().ordinal()] >= 0) {
                strays.add(new Stray(header, i + 1, true));
            } else {
                positions[column.get().ordinal()] = i;
                names[column.get().ordinal()] = header;
            }
        }
        errors.refused(table.refused());
    }

    /** The kept file read; one that cannot be read at all is refused on the field {@code file}, saying why. */
    public static <C extends Enum<C> & ImportColumn> ImportFile<C> read(KeptFile kept, ImportColumns<C> columns,
            RowErrors errors) {
        return of(table(kept.fileName(), kept.content()), columns, errors);
    }

    /** The rows of a file, or {@link InvalidInputException} on the field {@code file} saying why there are none. */
    public static TabularFile table(String fileName, byte[] content) {
        try {
            return TabularFile.read(fileName, content);
        } catch (UnreadableFileException e) {
            throw new InvalidInputException("file", e.messageKey(), e.arguments());
        }
    }

    /** Rows read elsewhere (a file that had to pass a check of its own first, or another source). */
    public static <C extends Enum<C> & ImportColumn> ImportFile<C> of(TabularFile table, ImportColumns<C> columns,
            RowErrors errors) {
        return new ImportFile<>(table, columns, errors);
    }

    public String encoding() {
        return table.encoding();
    }

    public List<TabularFile.Row> rows() {
        return table.rows();
    }

    public int rowCount() {
        return table.rows().size();
    }

    public RowErrors errors() {
        return errors;
    }

    public Texts texts() {
        return errors.texts();
    }

    public boolean has(C column) {
        return positions[column.ordinal()] >= 0;
    }

    /** The column as an error names it: as the file writes it where it has it, else by its documented header. */
    public String name(C column) {
        String written = names[column.ordinal()];
        return written != null && columns.errorNames() == ErrorNames.AS_IN_FILE ? written : columns.header(column);
    }

    /** The headers of the columns the file must have and has not, in the order of the columns. */
    public List<String> missingHeaders() {
        return columns.all().stream().filter(c -> c.definition().required() && !has(c)).map(columns::header).toList();
    }

    public List<Stray> strays() {
        return strays;
    }

    /** A column named twice is an error on row 1: {@code messageKey} with the header. */
    public void refuseColumnsNamedTwice(String messageKey) {
        strays.stream().filter(Stray::twice).forEach(s -> errors.add(1, s.name(), messageKey, s.name()));
    }

    /** The headers no column has, each as {@code messageKey} with the header and its position: read no further. */
    public List<String> unknownColumns(String messageKey) {
        return strays.stream().filter(s -> !s.twice()).map(s -> texts().get(messageKey, s.name(), s.position()))
                .toList();
    }

    String value(TabularFile.Row row, C column) {
        int i = positions[column.ordinal()];
        return i < 0 ? "" : row.value(i);
    }

    public Cells<C> cells(TabularFile.Row row) {
        return new Cells<>(this, row);
    }

    public void error(int row, C column, String key, Object... arguments) {
        errors.add(row, name(column), key, arguments);
    }

    /**
     * Each row checked in order by {@code check} (null: the row has errors), and the rows that pass kept unless an
     * earlier row had the same {@code key}: such a row is an error on {@code keyColumn}, {@code duplicateKey} with
     * the earlier row's number. Tells {@code progress} how far it has come.
     */
    public <T> List<T> checkRows(Function<Cells<C>, T> check, Function<T, String> key, C keyColumn,
            String duplicateKey, Progress progress) {
        var checked = new ArrayList<T>();
        var firstRowOf = new HashMap<String, Integer>();
        int total = rowCount();
        progress.report(Phase.CHECKING, 0, total);
        for (TabularFile.Row row : table.rows()) {
            if (row.number() % ROWS_PER_REPORT == 0) {
                progress.report(Phase.CHECKING, row.number() - 1, total);
            }
            T c = check.apply(cells(row));
            if (c != null) {
                Integer earlier = firstRowOf.putIfAbsent(key.apply(c), row.number());
                if (earlier != null) {
                    error(row.number(), keyColumn, duplicateKey, earlier);
                } else {
                    checked.add(c);
                }
            }
        }
        return checked;
    }
}
