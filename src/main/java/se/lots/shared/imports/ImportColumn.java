package se.lots.shared.imports;

import java.util.List;

import se.lots.shared.TabularFile;

/**
 * A column of an import file: a constant of the enum that lists one kind of file's columns. Its header is in the
 * message bundle ({@link ImportColumns}); the constant says whether a file must have the column and which other
 * names it goes by, as {@link TabularFile#normalisedHeader} writes them ("fornamn" for "Förnamn").
 */
public interface ImportColumn {

    String name();

    int ordinal();

    Definition definition();

    /** Whether a file without the column is refused, and the names it is known by besides its header. */
    record Definition(boolean required, List<String> aliases) {

        public static Definition required(String... aliases) {
            return new Definition(true, List.of(aliases));
        }

        public static Definition optional(String... aliases) {
            return new Definition(false, List.of(aliases));
        }
    }
}
