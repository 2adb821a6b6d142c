package se.lots.federation.money;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void amountsAreReadAsPeopleTypeThemWithSpacesCommaOrPointAndKr() {
        assertThat(Amounts.parse("12 500").amount()).isEqualByComparingTo("12500");
        assertThat(Amounts.parse("12500,50").amount()).isEqualByComparingTo("12500.50");
        assertThat(Amounts.parse("12\u00a0500.5 kr").amount()).isEqualByComparingTo("12500.50");
        assertThat(Amounts.parse("0").amount()).isEqualByComparingTo("0");
    }

    @Test
    void aNegativeAmountTextMoreThanTwoDecimalsAndTooLargeAreRefusedEachWithItsOwnMessage() {
        assertThat(Amounts.parse("-5").errorKey()).isEqualTo("federation.money.amount.negative");
        assertThat(Amounts.parse("tio").errorKey()).isEqualTo("federation.money.amount.notNumber");
        assertThat(Amounts.parse("1,2,3").errorKey()).isEqualTo("federation.money.amount.notNumber");
        assertThat(Amounts.parse("1,234").errorKey()).isEqualTo("federation.money.amount.ore");
        assertThat(Amounts.parse("1000000000000").errorKey()).isEqualTo("federation.money.amount.tooLarge");
        assertThat(Amounts.parse("1,230").amount()).isEqualByComparingTo("1.23");
    }

    @Test
    void anAmountIsWrittenWithSwedishGroupingAndOreOnlyWhenThereAreAny() {
        assertThat(Amounts.format(new java.math.BigDecimal("110000.50"))).isEqualTo("110 000,50 kr");
        assertThat(Amounts.format(new java.math.BigDecimal("100000.00"))).isEqualTo("100 000 kr");
    }
}
