package se.lots.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.lots.shared.TabularFile.UnreadableFileException;

class TabularFileTest {

    private static final String TEXT = "personnummer\tförnamn\tefternamn\n200701012387\tÅsa\tÖberg\n";

    @Test
    void excelsUnicodeTextWithItsByteOrderMarkIsRead() {
        byte[] utf16 = ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_16LE);

        var file = TabularFile.read("lista.txt", utf16);

        assertThat(file.encoding()).isEqualTo("UTF-16");
        assertThat(file.delimiter()).isEqualTo('\t');
        assertThat(file.headers()).containsExactly("personnummer", "förnamn", "efternamn");
        assertThat(file.rows()).singleElement().satisfies(r -> {
            assertThat(r.number()).isEqualTo(2);
            assertThat(r.values()).containsExactly("200701012387", "Åsa", "Öberg");
        });
    }

    @Test
    void utf16WithoutAByteOrderMarkIsRefusedRatherThanReadAsGarbage() {
        byte[] utf16 = TEXT.getBytes(StandardCharsets.UTF_16LE);

        assertThatThrownBy(() -> TabularFile.read("lista.csv", utf16)).isInstanceOf(UnreadableFileException.class)
                .extracting(e -> ((UnreadableFileException) e).messageKey()).isEqualTo("file.notText");
    }

    @Test
    void aPdfSentInsteadOfTheListIsRefused() {
        byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Length 0 >>\u0000stream\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> TabularFile.read("lista.pdf", pdf))
                .extracting(e -> ((UnreadableFileException) e).messageKey()).isEqualTo("file.notText");
    }

    @Test
    void windows1252IsTheFallbackWhenTheBytesAreNotUtf8() {
        var file = TabularFile.read("lista.csv", "förnamn;efternamn\nÅsa;Öberg\n".getBytes(TabularFile.WINDOWS_1252));

        assertThat(file.encoding()).isEqualTo("Windows-1252");
        assertThat(file.rows().get(0).values()).containsExactly("Åsa", "Öberg");
    }

    @Test
    void anOldExcelFileIsNamedAsSuch() {
        byte[] ole2 = { (byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1, 0, 0 };

        assertThatThrownBy(() -> TabularFile.read("lista.xls", ole2))
                .extracting(e -> ((UnreadableFileException) e).messageKey()).isEqualTo("file.oldExcel");
    }

    // ---------------------------------------------------------------------------------------------------------
    // bounded memory (issue 20): every file is measured before a parser keeps anything

    private static String refusal(byte[] content, String fileName, TabularFile.Limits limits) {
        try {
            TabularFile.read(fileName, content, limits);
        } catch (UnreadableFileException e) {
            return e.messageKey() + " " + java.util.Arrays.toString(e.arguments());
        }
        return "read";
    }

    @Test
    void aZipBombIsRefusedByItsInflateRatioBeforeAnythingIsKept() {
        byte[] bomb = HostileFiles.zipBombXlsx(200L * 1024 * 1024);

        assertThat(refusal(bomb, "lista.xlsx", TabularFile.Limits.UPLOAD)).isEqualTo("file.inflateRatio [100]");
    }

    @Test
    void anXlsxLargerUnpackedThanTheLimitIsRefusedThoughItsRatioIsOrdinary() {
        byte[] sheet = HostileFiles.wideXlsx(100_000);
        var limits = new TabularFile.Limits(1_000, 1_000_000, 10_000_000, 1024 * 1024, 100, 32_767);

        assertThat(refusal(sheet, "lista.xlsx", limits)).isEqualTo("file.tooLargeInflated [1]");
    }

    @Test
    void aMillionColumnsAreRefusedInXlsxAndInCsv() {
        assertThat(refusal(HostileFiles.wideXlsx(1_000_000), "lista.xlsx", TabularFile.Limits.UPLOAD))
                .isEqualTo("file.tooManyColumns [1000]");
        assertThat(refusal(HostileFiles.wideCsv(1_000_000), "lista.csv", TabularFile.Limits.UPLOAD))
                .isEqualTo("file.tooManyColumns [1000]");
    }

    @Test
    void aSheetKeptUnderAnotherPartNameIsMeasuredAsWell() {
        assertThat(refusal(HostileFiles.wideXlsxAt("xl/data/lista.xml"), "lista.xlsx", TabularFile.Limits.UPLOAD))
                .isEqualTo("file.tooManyColumns [1000]");
    }

    @Test
    void aCellReferenceFarToTheRightIsRefusedBeforeTheReaderMakesRoomForIt() {
        byte[] far = HostileFiles.xlsxOfRows("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c>"
                + "<c r='ZZZZZZ1' t=\"inlineStr\"><is><t>b</t></is></c></row>");

        assertThat(refusal(far, "lista.xlsx", TabularFile.Limits.UPLOAD)).isEqualTo("file.tooManyColumns [1000]");
    }

    @Test
    void rowsCellsAndLongCellsAreCountedInCsvWhateverTheQuotes() {
        var limits = new TabularFile.Limits(2, 10, 8, 1024, 100, 5);
        // a stray quote must not hide the lines after it from the count
        assertThat(refusal("a;b\n\"x;y\n1;2\n3;4\n".getBytes(StandardCharsets.UTF_8), "l.csv", limits))
                .isEqualTo("file.tooManyRows [2]");
        assertThat(refusal("a;b;c;d\n1;2;3;4\n5;6;7;8\n".getBytes(StandardCharsets.UTF_8), "l.csv", limits))
                .isEqualTo("file.tooManyCells [8]");
        assertThat(refusal("a;b\n123456;2\n".getBytes(StandardCharsets.UTF_8), "l.csv", limits))
                .isEqualTo("file.cellTooLong [5]");
        assertThat(refusal("a;b\n12345;2\n".getBytes(StandardCharsets.UTF_8), "l.csv", limits)).isEqualTo("read");
    }

    @Test
    void rowsAndLongCellsAreCountedInXlsx() {
        var limits = new TabularFile.Limits(1, 10, 100, 1024 * 1024, 100, 5);
        assertThat(refusal(HostileFiles.xlsxOfRows("<row><c><v>1</v></c></row><row><c><v>2</v></c></row>"
                + "<x:row><c><v>3</v></c></x:row>"), "l.xlsx", limits)).isEqualTo("file.tooManyRows [1]");
        assertThat(refusal(HostileFiles.xlsxOfRows("<row><c t=\"inlineStr\"><is><t>"
                + "x".repeat(31) + "</t></is></c></row>"), "l.xlsx", limits)).isEqualTo("file.cellTooLong [5]");
    }

    @Test
    void theNationalBenchmarksListOf100000RowsIsReadAsCsvAndAsXlsx() {
        var rows = new java.util.ArrayList<java.util.List<Object>>();
        var csv = new StringBuilder("personnummer;förnamn;efternamn;situation;adress;postnummer;postort;skola;"
                + "skolkommun;program;avgångsdatum\n");
        for (int i = 0; i < 100_000; i++) {
            var row = java.util.List.<Object>of(200701012387L + i, "Förnamn" + i, "Efternamnsson", "studiebevis",
                    "Skolvägen " + i % 90, "268 31", "Svalöv", "Söderslättsgymnasiet", "1283", "EL", "2026-06-10");
            rows.add(row);
            csv.append(String.join(";", row.stream().map(String::valueOf).toList())).append('\n');
        }
        byte[] xlsx = Spreadsheets.xlsx(java.util.List.of("personnummer", "förnamn", "efternamn", "situation",
                "adress", "postnummer", "postort", "skola", "skolkommun", "program", "avgångsdatum"), rows);

        assertThat(TabularFile.read("lista.csv", csv.toString().getBytes(StandardCharsets.UTF_8)).rows())
                .hasSize(100_000);
        assertThat(TabularFile.read("lista.xlsx", xlsx).rows()).hasSize(100_000).last()
                .satisfies(r -> assertThat(r.values()).startsWith("200701112386", "Förnamn99999"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // the one text rule (issue 20, item 9) holds for uploaded cells too

    @Test
    void aDecomposedLetterInACellIsReadComposed() {
        var file = TabularFile.read("lista.csv", "förnamn;efternamn\nA\u030Asa;O\u0308berg\n".getBytes(StandardCharsets.UTF_8));

        assertThat(file.rows().get(0).values()).containsExactly("Åsa", "Öberg");
        assertThat(file.refused()).isEmpty();
    }

    @Test
    void aRightToLeftOverrideInACsvCellIsNamedByRowAndColumn() {
        var file = TabularFile.read("lista.csv",
                "förnamn;efternamn\nÅsa;Öberg\nLeo;\u202Egrebö\n".getBytes(StandardCharsets.UTF_8));

        assertThat(file.refused()).containsExactly(new TabularFile.Refused(3, "efternamn", 0x202E));
    }

    @Test
    void anInvisibleCharacterInAnXlsxHeaderOrCellIsNamedAndTheHeaderByItsColumnLetter() {
        byte[] xlsx = Spreadsheets.xlsx(List.of("förnamn", "efter\u200Bnamn"),
                List.of(List.of("Åsa", "Öberg"), List.of("\u202EoeL", "Ek")));

        var file = TabularFile.read("lista.xlsx", xlsx);

        assertThat(file.refused()).containsExactly(new TabularFile.Refused(1, "B", 0x200B),
                new TabularFile.Refused(3, "förnamn", 0x202E));
    }

    @Test
    void columnsAreLetteredAsExcelLettersThem() {
        assertThat(List.of(0, 25, 26, 701, 702).stream().map(TabularFile::columnLetter))
                .containsExactly("A", "Z", "AA", "ZZ", "AAA");
    }
}
