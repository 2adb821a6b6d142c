package se.lots.kaa.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import se.lots.shared.FieldError;
import se.lots.shared.InvalidInputException;
import se.lots.shared.Validation;

class MergeFieldsTest {

    private static final Map<MergeField, String> ALVA = Map.of(MergeField.FORNAMN, "Alva", MergeField.EFTERNAMN,
            "Listström", MergeField.TELEFON, "0418-47 50 00", MergeField.KOMMUN, "Svalövs kommun");

    private static List<FieldError> errors(String text) {
        var v = new Validation();
        MergeFields.check(v, "body", text);
        try {
            v.throwIfInvalid();
            return List.of();
        } catch (InvalidInputException e) {
            return e.errors();
        }
    }

    @Test
    void everyKnownFieldIsReplacedAndTheRestOfTheTextIsLeftAsWritten() {
        assertThat(MergeFields.render("Hej {förnamn} {efternamn}!\n\nRing {telefon}. /{kommun}", ALVA))
                .isEqualTo("Hej Alva Listström!\n\nRing 0418-47 50 00. /Svalövs kommun");
    }

    @Test
    void aFieldWrittenWithACapitalOrSpacesIsTheSameField() {
        assertThat(MergeFields.render("{Förnamn}, { FÖRNAMN }", ALVA)).isEqualTo("Alva, Alva");
        assertThat(errors("{Förnamn} { handläggare }")).isEmpty();
    }

    @Test
    void aFieldWithoutAValueBecomesEmptyRatherThanShowingTheBraces() {
        assertThat(MergeFields.render("Bor på {adress}.", ALVA)).isEqualTo("Bor på .");
    }

    @Test
    void anUnknownFieldIsRefusedNamingTheFieldAndTheOnesThatExist() {
        var errors = errors("Hej {förnamn}, ditt personnummer är {personnummer} och du bor i {ort}.");

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("body");
            assertThat(e.messageKey()).isEqualTo("kaa.letter.unknownField");
            assertThat(e.arguments()[0]).isEqualTo("{personnummer}, {ort}");
            assertThat((String) e.arguments()[1]).contains("{förnamn}", "{postort}", "{telefon}");
        });
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        assertThat(messages.getMessage(errors.get(0).messageKey(), errors.get(0).arguments(), Locale.forLanguageTag("sv")))
                .startsWith("Kopplingsfältet {personnummer}, {ort} finns inte. Använd något av: {förnamn},");
    }

    @Test
    void aBraceLeftOpenOrClosedWithoutOpeningIsRefused() {
        assertThat(errors("Hej {förnamn, välkommen")).extracting(FieldError::messageKey)
                .containsExactly("kaa.letter.unclosedField");
        assertThat(errors("Hej förnamn}")).extracting(FieldError::messageKey)
                .containsExactly("kaa.letter.unclosedField");
        assertThat(errors("{{förnamn}}")).extracting(FieldError::messageKey)
                .containsExactly("kaa.letter.unclosedField");
    }

    @Test
    void paragraphsAreSplitOnBlankLinesAndKeepTheirLineBreaks() {
        assertThat(RenderedLetter.paragraphs("Hej Alva!\n\n  \nRing mig.\r\n\r\nHälsningar\nKim\nSvalövs kommun\n"))
                .containsExactly(List.of("Hej Alva!"), List.of("Ring mig."),
                        List.of("Hälsningar", "Kim", "Svalövs kommun"));
    }

    @Test
    void theStarterLettersUseOnlyKnownFieldsAndTheHomeVisitLetterSaysWeHaveBeenToYourHome() {
        for (var s : StarterLetters.ALL) {
            assertThat(errors(s.body())).as(s.name()).isEmpty();
            assertThat(errors(s.heading())).as(s.name()).isEmpty();
            assertThat(s.body()).as(s.name()).contains("{telefon}");
        }
        assertThat(StarterLetters.ALL.get(0).body())
                .contains("Vi har varit hemma hos dig och vill gärna komma i kontakt med dig");
    }
}
