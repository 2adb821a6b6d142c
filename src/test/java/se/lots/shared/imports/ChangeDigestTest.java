package se.lots.shared.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChangeDigestTest {

    private static String digest(List<String> parts) {
        var digest = new ChangeDigest();
        parts.forEach(digest::add);
        return digest.value();
    }

    @Test
    void theSameWritesFoundInAnotherOrderGiveTheSameDigest() {
        assertThat(digest(List.of("N1", "C2", "X3"))).isEqualTo(digest(List.of("X3", "N1", "C2")))
                .hasSize(32).matches("[0-9a-f]+");
    }

    @Test
    void anotherWriteOrOneMoreGivesAnotherDigest() {
        String shown = digest(List.of("N1", "C2"));

        assertThat(digest(List.of("N1", "C3"))).isNotEqualTo(shown);
        assertThat(digest(List.of("N1", "C2", "X3"))).isNotEqualTo(shown);
        assertThat(digest(List.of("N1", "C2", "C2"))).as("the same write twice is two writes").isNotEqualTo(shown);
    }

    @Test
    void writesAreNotRunTogether() {
        assertThat(digest(List.of("ab", "c"))).isNotEqualTo(digest(List.of("a", "bc")));
    }

    @Test
    void aFileIsFingerprintedWhole() {
        assertThat(ChangeDigest.sha256(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
