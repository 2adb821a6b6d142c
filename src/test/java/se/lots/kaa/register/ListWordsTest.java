package se.lots.kaa.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import se.lots.shared.TabularFile;

/** The words of a school's list that are read on every row: headers and situations, and reserve identities. */
class ListWordsTest {

    @Test
    void headersAndWordsAreComparedWithoutCaseSpacesPunctuationOrSwedishLetters() {
        assertThat(TabularFile.normalisedHeader("Förnamn")).isEqualTo("fornamn");
        assertThat(TabularFile.normalisedHeader("  Skyddad identitet ")).isEqualTo("skyddadidentitet");
        assertThat(TabularFile.normalisedHeader("Hemkommun (kod)")).isEqualTo("hemkommunkod");
        assertThat(TabularFile.normalisedHeader("ÅÄÖ-é")).isEqualTo("aaoe");
        assertThat(TabularFile.normalisedHeader("grundskola_slutförd")).isEqualTo("grundskolaslutford");
    }

    @Test
    void aSituationIsReadFromTheSchoolsWordsOrLotsOwnName() {
        assertThat(SchoolSituation.parse("Avbrutit nationellt program")).contains(SchoolSituation.LEFT_NATIONAL_PROGRAMME);
        assertThat(SchoolSituation.parse("STUDIEBEVIS")).contains(SchoolSituation.LEFT_WITH_CERTIFICATE);
        assertThat(SchoolSituation.parse(" går introduktionsprogram "))
                .contains(SchoolSituation.ATTENDS_INTRODUCTION_PROGRAMME);
        assertThat(SchoolSituation.parse("completed_with_diploma")).contains(SchoolSituation.COMPLETED_WITH_DIPLOMA);
        assertThat(SchoolSituation.parse("slutat")).isEmpty();
        assertThat(SchoolSituation.parse("")).isEmpty();
        assertThat(SchoolSituation.parse(null)).isEmpty();
    }

    @Test
    void aReserveIdentityIsWrittenWithSevenDigitsAsTheRegistryWritesIt() {
        assertThat(ListIdentity.reserve("res-12")).map(ListIdentity::key).contains("RES-0000012");
        assertThat(ListIdentity.reserve(" RES0001234 ")).map(ListIdentity::key).contains("RES-0001234");
        assertThat(ListIdentity.reserve("RES-9999999")).map(ListIdentity::key).contains("RES-9999999");
        assertThat(ListIdentity.reserve("RES-12345678")).as("eight digits").isEmpty();
        assertThat(ListIdentity.reserve("200501012384")).isEmpty();
    }
}
