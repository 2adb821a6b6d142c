package se.lots.shared.imports;

/** A wrong value: the row as in Excel (the header is row 1; 0 for the file as a whole), the column, a message. */
public record RowError(int row, String column, String message) {
}
