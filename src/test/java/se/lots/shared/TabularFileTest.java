package se.lots.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

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
}
