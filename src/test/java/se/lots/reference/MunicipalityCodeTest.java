package se.lots.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.json.JsonMapper;

import se.lots.shared.InvalidValueException;

class MunicipalityCodeTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyMunicipalityOfScbsListIsACode() throws IOException {
        List<String> codes;
        try (var reader = new BufferedReader(new InputStreamReader(
                MunicipalityCodeTest.class.getResourceAsStream("/reference/postal_to_municipality.csv"),
                StandardCharsets.UTF_8))) {
            codes = reader.lines().skip(1).map(line -> line.split(",")[2]).distinct().toList();
        }
        assertThat(codes).hasSize(290).contains("0114", "1214", "2584");
        assertThat(codes).allSatisfy(code -> assertThat(new MunicipalityCode(code).value()).isEqualTo(code));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "121", "12145", "12 4", "abcd", " 1214", "1214\n" })
    void aCodeThatIsNotFourDigitsIsRefusedWithItsOwnText(String value) {
        assertThatThrownBy(() -> new MunicipalityCode(value)).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo("municipalityCode.invalid");
    }

    @Test
    void whatAUserTypedIsParsedWithoutTheSpacesAroundIt() {
        assertThat(MunicipalityCode.parse(" 1214 ")).isEqualTo(new MunicipalityCode("1214"));
        assertThat(MunicipalityCode.parse("  ")).isNull();
        assertThat(MunicipalityCode.parse(null)).isNull();
        assertThatThrownBy(() -> MunicipalityCode.parse("Svalöv")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void jsonAndPagesShowTheBareCode() {
        var code = new MunicipalityCode("1214");
        assertThat(json.writeValueAsString(code)).isEqualTo("\"1214\"");
        assertThat(json.readValue("\"1214\"", MunicipalityCode.class)).isEqualTo(code);
        assertThat(code).hasToString("1214");
    }
}
