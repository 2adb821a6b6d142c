package se.lots.shared.imports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import se.lots.shared.FieldError;
import se.lots.shared.TabularFile;

/** One row of an {@link ImportFile}, read by column; a wrong value is an error naming the row and the column. */
public final class Cells<C extends Enum<C> & ImportColumn> {

    private final ImportFile<C> file;
    private final TabularFile.Row row;
    private final int errorsBefore;

    Cells(ImportFile<C> file, TabularFile.Row row) {
        this.file = file;
        this.row = row;
        this.errorsBefore = file.errors().size();
    }

    /** The row's number as in Excel: the header is row 1. */
    public int row() {
        return row.number();
    }

    /** The value as the file has it (stripped, as {@link TabularFile} reads a cell); "" without the column. */
    public String value(C column) {
        return file.value(row, column);
    }

    /** The value, or null when it is empty. */
    public String text(C column) {
        String v = value(column).strip();
        return v.isEmpty() ? null : v;
    }

    public void error(C column, String key, Object... arguments) {
        file.error(row.number(), column, key, arguments);
    }

    /** An error another module found in the column's value (the registry's, for a person). */
    public void error(C column, FieldError error) {
        file.errors().add(row.number(), file.name(column), error);
    }

    /** How many errors were found in this row since it was begun. */
    public int errors() {
        return file.errors().size() - errorsBefore;
    }

    public boolean failed() {
        return errors() > 0;
    }

    /** ja/nej as people write it (j, x, 1, yes …); {@code whenEmpty} when empty, and after its error when wrong. */
    public boolean yesNo(C column, boolean whenEmpty, String errorKey) {
        return switch (TabularFile.normalisedHeader(value(column))) {
            case "" -> whenEmpty;
            case "ja", "j", "x", "1", "true", "yes" -> true;
            case "nej", "n", "0", "false", "no" -> false;
            default -> {
                error(column, errorKey);
                yield whenEmpty;
            }
        };
    }

    /** A date YYYY-MM-DD, or null when the cell is empty or, after the error {@code errorKey}, is no such date. */
    public LocalDate date(C column, String errorKey, Object... arguments) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            error(column, errorKey, arguments);
            return null;
        }
    }
}
