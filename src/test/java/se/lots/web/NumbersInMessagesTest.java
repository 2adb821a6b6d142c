package se.lots.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Figures in the message bundles as each language writes them: Swedish with a decimal comma, thousands grouped by a
 * space and a (non-breaking) space before %, English with a point and 78.9%; and the noun in the singular for one.
 */
class NumbersInMessagesTest {

    private static final Locale SV = Locale.forLanguageTag("sv");
    private static final Locale EN = Locale.ENGLISH;
    private static final String NBSP = "\u00a0";

    private final ResourceBundleMessageSource messages = messages();

    private static ResourceBundleMessageSource messages() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private String sv(String key, Object... args) {
        return messages.getMessage(key, args, SV);
    }

    private String en(String key, Object... args) {
        return messages.getMessage(key, args, EN);
    }

    @Test
    void aShareIsWrittenWithADecimalCommaAndASpaceBeforePercentInSwedishAndAsEnglishWritesItInEnglish() {
        assertThat(sv("format.percent", new BigDecimal("78.9"))).isEqualTo("78,9" + NBSP + "%");
        assertThat(sv("format.percent", new BigDecimal("60.00"))).isEqualTo("60" + NBSP + "%");
        assertThat(en("format.percent", new BigDecimal("78.9"))).isEqualTo("78.9%");
        assertThat(sv("format.number", new BigDecimal("0.36"))).isEqualTo("0,36");
        assertThat(sv("format.number", 1234567L)).isEqualTo("1" + NBSP + "234" + NBSP + "567");
        assertThat(en("format.number", 1234567L)).isEqualTo("1,234,567");
    }

    @Test
    void oneIsSingularAndTwoPluralInBothLanguages() {
        assertThat(sv("kaa.leaving.count", 1)).isEqualTo("1 person fyller 20 under månaden.");
        assertThat(sv("kaa.leaving.count", 2)).isEqualTo("2 personer fyller 20 under månaden.");
        assertThat(en("kaa.leaving.count", 1)).isEqualTo("1 person turns 20 during the month.");
        assertThat(en("kaa.leaving.count", 2)).isEqualTo("2 people turn 20 during the month.");
        assertThat(sv("kaa.letter.chosen", 1)).isEqualTo("1 person är markerad.");
        assertThat(en("kaa.letter.chosen", 2)).isEqualTo("2 people are selected.");
        assertThat(sv("coverage.table.cell", 1L, 1L)).isEqualTo("1 insats, 1 ledig plats");
        assertThat(sv("coverage.table.cell", 2L, 0L)).isEqualTo("2 insatser, 0 lediga platser");
        assertThat(en("coverage.table.cell", 1L, 3L)).isEqualTo("1 intervention, 3 open places");
        assertThat(sv("catalogue.import.retireMissing", 1)).isEqualTo("Avsluta den 1 insats som inte finns i filen");
        assertThat(sv("referral.days", 1L)).isEqualTo("1 dag");
        assertThat(en("intervention.weeks", 1)).isEqualTo("1 week");
        assertThat(sv("kaa.worklist.count", 1L)).isEqualTo("1 ung");
        assertThat(sv("kaa.worklist.count", 1200L)).isEqualTo("1" + NBSP + "200 unga");
        assertThat(sv("audit.verify.valid", 1L)).isEqualTo("Loggkedjan är obruten: 1 post kontrollerad.");
        assertThat(en("kaa.import.summary", 1, "UTF-8")).isEqualTo("1 row read (UTF-8).");
        assertThat(en("progression.groupActivity.saved", 1)).isEqualTo("The group activity is recorded for 1 participant.");
        assertThat(en("kaa.letter.produce", 1)).isEqualTo("Create a PDF with 1 letter");
    }
}
