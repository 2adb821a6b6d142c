package se.lots.shared.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static se.lots.shared.imports.ImportColumn.Definition.optional;
import static se.lots.shared.imports.ImportColumn.Definition.required;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

import se.lots.shared.InvalidInputException;
import se.lots.shared.TabularFile;
import se.lots.shared.imports.ImportColumns.ErrorNames;

/** A file read against its columns, and its rows checked: what every import's row checks stand on. */
class ImportFileTest {

    private static final Locale SV = ImportColumns.SWEDISH;

    enum Column implements ImportColumn {
        PERSONNUMMER(required("pnr")), FORNAMN(required("tilltalsnamn")), AKTIV(optional()), BORJAR(optional());

        private final Definition definition;

        Column(Definition definition) {
            this.definition = definition;
        }

        @Override
        public Definition definition() {
            return definition;
        }
    }

    private final StaticMessageSource messages = messages();
    private final ImportColumns<Column> asInFile = new ImportColumns<>(Column.class, "test.header", messages,
            ErrorNames.AS_IN_FILE);

    private static StaticMessageSource messages() {
        var m = new StaticMessageSource();
        m.addMessage("test.header.PERSONNUMMER", SV, "personnummer");
        m.addMessage("test.header.FORNAMN", SV, "förnamn");
        m.addMessage("test.header.AKTIV", SV, "aktiv");
        m.addMessage("test.header.BORJAR", SV, "börjar");
        m.addMessage("test.required", SV, "Fältet måste fyllas i.");
        m.addMessage("test.yesNo", SV, "Skriv ja eller nej.");
        m.addMessage("test.date", SV, "”{0}” är inget datum.");
        m.addMessage("test.duplicateRow", SV, "Samma personnummer som på rad {0}.");
        m.addMessage("test.duplicateColumn", SV, "Kolumnen ”{0}” finns två gånger.");
        m.addMessage("test.unknownColumn", SV, "”{0}” (kolumn {1}) läses inte in.");
        m.addMessage("validation.unsafeText", SV, "Fältet {0} innehåller ett otillåtet tecken ({1}).");
        return m;
    }

    private ImportFile<Column> file(ImportColumns<Column> columns, List<String> headers, List<List<String>> rows,
            List<TabularFile.Refused> refused) {
        var read = new ArrayList<TabularFile.Row>();
        for (int i = 0; i < rows.size(); i++) {
            read.add(new TabularFile.Row(i + 2, rows.get(i)));
        }
        return ImportFile.of(new TabularFile(headers, read, "UTF-8", ';', refused), columns,
                new RowErrors(new Texts(messages, SV)));
    }

    private ImportFile<Column> file(List<String> headers, List<List<String>> rows) {
        return file(asInFile, headers, rows, List.of());
    }

    private static List<RowError> errors(ImportFile<Column> file) {
        return file.errors().byRow(e -> e);
    }

    @Test
    void aHeaderIsItsColumnWhateverItsCaseSpacesDashesOrSwedishLettersAndSoIsAnAlias() {
        var file = file(List.of("PNR", "För-Namn", " Börjar "), List.of());

        assertThat(file.has(Column.PERSONNUMMER)).isTrue();
        assertThat(file.has(Column.FORNAMN)).isTrue();
        assertThat(file.has(Column.BORJAR)).isTrue();
        assertThat(file.has(Column.AKTIV)).isFalse();
        assertThat(asInFile.of("Tilltalsnamn")).contains(Column.FORNAMN);
        assertThat(asInFile.of("efternamn")).isEmpty();
    }

    @Test
    void theHeadersComeFromTheMessageBundleInSwedishForThePage() {
        assertThat(asInFile.described()).extracting(ImportColumns.Described::name, ImportColumns.Described::header,
                ImportColumns.Described::required).containsExactly(tuple("PERSONNUMMER", "personnummer", true),
                        tuple("FORNAMN", "förnamn", true), tuple("AKTIV", "aktiv", false),
                        tuple("BORJAR", "börjar", false));
    }

    @Test
    void aHeaderThatIsNoColumnOrNamesOneAgainIsAStrayAtItsPositionAndABlankHeaderIsNothing() {
        var file = file(List.of("personnummer", "klass", "", "Personnummer", "förnamn"), List.of());
        file.refuseColumnsNamedTwice("test.duplicateColumn");

        assertThat(file.strays()).containsExactly(new ImportFile.Stray("klass", 2, false),
                new ImportFile.Stray("Personnummer", 4, true));
        assertThat(file.unknownColumns("test.unknownColumn")).containsExactly("”klass” (kolumn 2) läses inte in.");
        assertThat(errors(file)).containsExactly(new RowError(1, "Personnummer",
                "Kolumnen ”Personnummer” finns två gånger."));
    }

    @Test
    void theColumnsAFileMustHaveAndLacksAreNamedByTheirHeaders() {
        assertThat(file(List.of("aktiv"), List.of()).missingHeaders()).containsExactly("personnummer", "förnamn");
        assertThat(file(List.of("pnr", "förnamn"), List.of()).missingHeaders()).isEmpty();
    }

    @Test
    void anErrorNamesItsRowAndTheColumnAsTheFileWritesItOrAsDocumented() {
        var rows = List.of(List.of("", "Anna"));
        var inFile = file(List.of("PNR", "Förnamn"), rows);
        inFile.cells(inFile.rows().get(0)).error(Column.PERSONNUMMER, "test.required");
        inFile.cells(inFile.rows().get(0)).error(Column.AKTIV, "test.required");
        var documented = file(new ImportColumns<>(Column.class, "test.header", messages, ErrorNames.AS_DOCUMENTED),
                List.of("PNR", "Förnamn"), rows, List.of());
        documented.cells(documented.rows().get(0)).error(Column.PERSONNUMMER, "test.required");

        assertThat(errors(inFile)).containsExactly(new RowError(2, "PNR", "Fältet måste fyllas i."),
                new RowError(2, "aktiv", "Fältet måste fyllas i."));
        assertThat(errors(documented)).containsExactly(new RowError(2, "personnummer", "Fältet måste fyllas i."));
    }

    @Test
    void aRefusedCharacterAnywhereIsAnErrorFromTheStartAndErrorsAreSortedByRowKeepingTheirOrder() {
        var file = file(asInFile, List.of("personnummer", "förnamn"), List.of(List.of("1", "A"), List.of("2", "B")),
                List.of(new TabularFile.Refused(3, "förnamn", 0x202E)));
        file.cells(file.rows().get(1)).error(Column.PERSONNUMMER, "test.required");
        file.cells(file.rows().get(0)).error(Column.FORNAMN, "test.required");

        assertThat(errors(file)).extracting(RowError::row, RowError::column).containsExactly(tuple(2, "förnamn"),
                tuple(3, "förnamn"), tuple(3, "personnummer"));
        assertThat(file.errors().asFound(RowError::row)).containsExactly(3, 3, 2);
        assertThat(errors(file).get(1).message()).isEqualTo("Fältet förnamn innehåller ett otillåtet tecken (U+202E).");
    }

    @Test
    void yesAndNoAreReadAsPeopleWriteThemAndAnythingElseIsAnError() {
        var values = List.of("Ja", "x", "1", "NEJ", "n", "", "kanske");
        var file = file(List.of("aktiv"), values.stream().map(List::of).toList());

        var read = file.rows().stream().map(r -> file.cells(r).yesNo(Column.AKTIV, true, "test.yesNo")).toList();

        assertThat(read).containsExactly(true, true, true, false, false, true, true);
        assertThat(errors(file)).containsExactly(new RowError(8, "aktiv", "Skriv ja eller nej."));
    }

    @Test
    void aDateIsReadOrIsAnErrorAndAnEmptyCellIsNoDate() {
        var file = file(List.of("börjar"), List.of(List.of("2026-03-01"), List.of(""), List.of("1 mars")));

        var date = file.cells(file.rows().get(0));
        assertThat(date.date(Column.BORJAR, "test.date", "x")).isEqualTo(LocalDate.of(2026, 3, 1));
        var empty = file.cells(file.rows().get(1));
        assertThat(empty.date(Column.BORJAR, "test.date", "x")).isNull();
        assertThat(empty.failed()).isFalse();
        var wrong = file.cells(file.rows().get(2));
        assertThat(wrong.date(Column.BORJAR, "test.date", "1 mars")).isNull();
        assertThat(wrong.failed()).isTrue();
        assertThat(errors(file)).containsExactly(new RowError(4, "börjar", "”1 mars” är inget datum."));
    }

    @Test
    void aCellOfAColumnTheFileLacksIsEmpty() {
        var file = file(List.of("personnummer"), List.of(List.of("18900101-9802", "extra")));
        var cells = file.cells(file.rows().get(0));

        assertThat(cells.value(Column.FORNAMN)).isEmpty();
        assertThat(cells.text(Column.FORNAMN)).isNull();
        assertThat(cells.text(Column.PERSONNUMMER)).isEqualTo("18900101-9802");
    }

    @Test
    void rowsAreKeptUnlessTheyFailOrAnEarlierRowHadTheirKeyWhichIsAnErrorNamingThatRow() {
        var file = file(List.of("personnummer", "förnamn"), List.of(List.of("1", "Anna"), List.of("2", ""),
                List.of("1", "Anna igen"), List.of("2", "Bo"), List.of("3", "Cecilia")));

        List<String> kept = file.checkRows(cells -> {
            if (cells.text(Column.FORNAMN) == null) {
                cells.error(Column.FORNAMN, "test.required");
                return null;
            }
            return cells.value(Column.PERSONNUMMER) + " " + cells.value(Column.FORNAMN);
        }, k -> k.substring(0, 1), Column.PERSONNUMMER, "test.duplicateRow", Progress.NONE);

        assertThat(kept).as("a row with errors does not take its key").containsExactly("1 Anna", "2 Bo",
                "3 Cecilia");
        assertThat(errors(file)).containsExactly(new RowError(3, "förnamn", "Fältet måste fyllas i."),
                new RowError(4, "personnummer", "Samma personnummer som på rad 2."));
    }

    @Test
    void theRowCheckTellsHowFarItHasComeAtTheStartAndEveryTwoThousandRows() {
        var rows = new ArrayList<List<String>>();
        for (int i = 0; i < 4500; i++) {
            rows.add(List.of(Integer.toString(i), "Namn"));
        }
        var file = file(List.of("personnummer", "förnamn"), rows);
        var told = new ArrayList<String>();

        file.checkRows(cells -> cells.row(), Object::toString, Column.PERSONNUMMER, "test.duplicateRow",
                new Progress((phase, done, total) -> told.add(phase + " " + done + "/" + total), "test"));

        assertThat(told).containsExactly("test.checking 0/4500", "test.checking 1999/4500",
                "test.checking 3999/4500");
    }

    @Test
    void aKeptFileThatCannotBeReadIsRefusedOnTheFileSayingWhy() {
        var kept = new KeptFile(UUID.randomUUID(), 1L, "tom.csv", "".getBytes(StandardCharsets.UTF_8), false);

        assertThatThrownBy(() -> ImportFile.read(kept, asInFile, new RowErrors(new Texts(messages, SV))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(f -> {
                            assertThat(f.field()).isEqualTo("file");
                            assertThat(f.messageKey()).isEqualTo("file.empty");
                        }));
    }
}
