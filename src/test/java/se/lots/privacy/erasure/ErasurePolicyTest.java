package se.lots.privacy.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import se.lots.organisation.PartyType;

class ErasurePolicyTest {

    @Test
    void theFinsamPartiesTheForbundAndSchoolsAreAuthoritiesWhoseRecordsAreNotErasedOnRequest() {
        assertThat(EnumSet.allOf(PartyType.class).stream().filter(ErasurePolicy::isAuthority))
                .containsExactlyInAnyOrder(PartyType.KOMMUN, PartyType.REGION, PartyType.ARBETSFORMEDLINGEN,
                        PartyType.FORSAKRINGSKASSAN, PartyType.FORBUND, PartyType.SKOLA);
    }

    @Test
    void civilSocietyAndOtherOrganisationsEraseOnRequest() {
        assertThat(ErasurePolicy.isAuthority(PartyType.CIVIL_SOCIETY)).isFalse();
        assertThat(ErasurePolicy.isAuthority(PartyType.OTHER)).isFalse();
    }
}
