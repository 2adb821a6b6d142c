package se.lots.shared.imports;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;

import se.lots.shared.TabularFile;

/**
 * The columns of one kind of import file, from the enum {@code C} that lists them. Each column's header is in the
 * message bundle under {@code headerKeys + "." + name}, in Swedish whatever the user's language: it is the file's own
 * word, and the file is the school's or travels between agencies. A header in a file is the column whose header or
 * alias it is, without regard to case, spaces, dashes, underscores or å/ä/ö ({@link TabularFile#normalisedHeader}).
 */
public final class ImportColumns<C extends Enum<C> & ImportColumn> {

    public static final Locale SWEDISH = Locale.forLanguageTag("sv");

    /** How a row error names its column: as the file writes it, or always by the header documented here. */
    public enum ErrorNames {
        AS_IN_FILE, AS_DOCUMENTED
    }

    /** A column as the import page lists it: the message key's last part, the header, whether it is needed. */
    public record Described(String name, String header, boolean required) {
    }

    private final List<C> all;
    private final String[] headers;
    private final Map<String, C> byName = new HashMap<>();
    private final ErrorNames errorNames;

    public ImportColumns(Class<C> type, String headerKeys, MessageSource messages, ErrorNames errorNames) {
        this.all = List.of(type.getEnumConstants());
        this.headers = new String[all.size()];
        this.errorNames = errorNames;
        for (C column : all) {
            headers[column.ordinal()] = messages.getMessage(headerKeys + "." + column.name(), null, SWEDISH);
            byName.putIfAbsent(TabularFile.normalisedHeader(headers[column.ordinal()]), column);
            column.definition().aliases().forEach(a -> byName.putIfAbsent(TabularFile.normalisedHeader(a), column));
        }
    }

    public List<C> all() {
        return all;
    }

    /** The name to write in a file, as the documentation shows it. */
    public String header(C column) {
        return headers[column.ordinal()];
    }

    public Optional<C> of(String header) {
        return Optional.ofNullable(byName.get(TabularFile.normalisedHeader(header)));
    }

    public List<Described> described() {
        return all.stream().map(c -> new Described(c.name(), header(c), c.definition().required())).toList();
    }

    ErrorNames errorNames() {
        return errorNames;
    }

    @Override
    public String toString() {
        return Arrays.toString(headers);
    }
}
