package se.lots.progression.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void decimalsAreWrittenWithACommaInSwedishAndAPointInEnglishAndReadBackAsTheSameNumber() {
        var value = new BigDecimal("2.50");

        assertThat(Decimals.format(value, Locale.forLanguageTag("sv"))).isEqualTo("2,5");
        assertThat(Decimals.format(value, Locale.ENGLISH)).isEqualTo("2.5");
        assertThat(Decimals.parse(Decimals.format(value, Locale.ENGLISH))).isEqualByComparingTo(value);
    }
}
