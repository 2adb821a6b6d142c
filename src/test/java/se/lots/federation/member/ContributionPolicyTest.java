package se.lots.federation.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.lots.organisation.PartyType;

class ContributionPolicyTest {

    @Test
    void forsakringskassanPaysHalfTheRegionAQuarterAndTheMunicipalitiesTogetherAQuarter() {
        assertThat(ContributionPolicy.share(PartyType.FORSAKRINGSKASSAN)).isEqualByComparingTo("50");
        assertThat(ContributionPolicy.share(PartyType.REGION)).isEqualByComparingTo("25");
        assertThat(ContributionPolicy.share(PartyType.KOMMUN)).isEqualByComparingTo("25");
    }

    @Test
    void arbetsformedlingenAndAnyoneWhoIsNoPartyPayNothing() {
        assertThat(ContributionPolicy.share(PartyType.ARBETSFORMEDLINGEN)).isZero();
        assertThat(ContributionPolicy.share(PartyType.FORBUND)).isZero();
        assertThat(ContributionPolicy.share(PartyType.SKOLA)).isZero();
    }

    @Test
    void theLawsSharesAddUpToTheWhole() {
        assertThat(ContributionPolicy.SHARES.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100");
    }

    @Test
    void aFederationWithAllFourPartiesMissesNone() {
        assertThat(ContributionPolicy.missing(List.of(PartyType.KOMMUN, PartyType.KOMMUN, PartyType.REGION,
                PartyType.ARBETSFORMEDLINGEN, PartyType.FORSAKRINGSKASSAN))).isEmpty();
    }

    @Test
    void municipalitiesAloneMissTheStateAgenciesAndARegion() {
        assertThat(ContributionPolicy.missing(List.of(PartyType.KOMMUN, PartyType.KOMMUN))).containsExactlyInAnyOrder(
                PartyType.REGION, PartyType.ARBETSFORMEDLINGEN, PartyType.FORSAKRINGSKASSAN);
        assertThat(ContributionPolicy.missing(List.of())).hasSize(4);
    }
}
