package se.lots.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.organisation.PartyType.ARBETSFORMEDLINGEN;
import static se.lots.organisation.PartyType.CIVIL_SOCIETY;
import static se.lots.organisation.PartyType.FORBUND;
import static se.lots.organisation.PartyType.FORSAKRINGSKASSAN;
import static se.lots.organisation.PartyType.KOMMUN;
import static se.lots.organisation.PartyType.REGION;
import static se.lots.organisation.PartyType.SKOLA;

import java.util.List;

import org.junit.jupiter.api.Test;

class FinsamPartiesPolicyTest {

    @Test
    void twoMunicipalitiesAloneAreOnePartyAndAreRefused() {
        assertThat(FinsamPartiesPolicy.allows(List.of(KOMMUN, KOMMUN))).isFalse();
        assertThat(FinsamPartiesPolicy.parties(List.of(KOMMUN, KOMMUN, KOMMUN))).containsExactly(KOMMUN);
    }

    @Test
    void aMunicipalityAndArbetsformedlingenAreTwoParties() {
        assertThat(FinsamPartiesPolicy.allows(List.of(KOMMUN, ARBETSFORMEDLINGEN))).isTrue();
    }

    @Test
    void theForbundASchoolAndAnAssociationAreNotParties() {
        assertThat(FinsamPartiesPolicy.allows(List.of(KOMMUN, FORBUND, SKOLA, CIVIL_SOCIETY))).isFalse();
    }

    @Test
    void allFourPartiesWithSeveralMunicipalitiesCountFour() {
        assertThat(FinsamPartiesPolicy.parties(List.of(KOMMUN, KOMMUN, REGION, ARBETSFORMEDLINGEN,
                FORSAKRINGSKASSAN))).hasSize(4);
    }

    @Test
    void noParticipantsAreRefused() {
        assertThat(FinsamPartiesPolicy.allows(List.of())).isFalse();
    }
}
