package se.lots.shared.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import se.lots.shared.FieldError;
import se.lots.shared.TabularFile;
import se.lots.shared.TextInput;

/** The errors found in a file, each naming its row and column, in the user's language. */
public final class RowErrors {

    private final Texts texts;
    private final List<RowError> errors = new ArrayList<>();

    public RowErrors(Texts texts) {
        this.texts = texts;
    }

    public Texts texts() {
        return texts;
    }

    public void add(int row, String column, String key, Object... arguments) {
        errors.add(new RowError(row, column, texts.get(key, arguments)));
    }

    /** An error another module found in a value of the row (the registry's, for a person). */
    public void add(int row, String column, FieldError error) {
        errors.add(new RowError(row, column, texts.get(error.messageKey(), error.arguments())));
    }

    /** Each value holding a character {@link TextInput} refuses, as every edge reports it. */
    public void refused(List<TabularFile.Refused> refused) {
        for (TabularFile.Refused r : refused) {
            add(r.row(), r.column(), TextInput.MESSAGE_KEY, r.column(), TextInput.name(r.codePoint()));
        }
    }

    public int size() {
        return errors.size();
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** In the order they were found, as the preview type {@code E} of the import has them. */
    public <E> List<E> asFound(Function<RowError, E> as) {
        return errors.stream().map(as).toList();
    }

    /** By row, and within a row in the order they were found. */
    public <E> List<E> byRow(Function<RowError, E> as) {
        return errors.stream().sorted(Comparator.comparingInt(RowError::row)).map(as).toList();
    }
}
