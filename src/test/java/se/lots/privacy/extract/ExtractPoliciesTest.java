package se.lots.privacy.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import se.lots.organisation.Role;

class ExtractPoliciesTest {

    private static final LocalDate RECEIVED = LocalDate.of(2026, 1, 31);

    @Test
    void theDeadlineIsOneMonthFromReceiptAndAnExtensionAtMostTwoMore() {
        assertThat(ExtractDeadlinePolicy.deadline(RECEIVED)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(ExtractDeadlinePolicy.latestExtension(RECEIVED)).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(ExtractDeadlinePolicy.mayExtendTo(RECEIVED, LocalDate.of(2026, 4, 30))).isTrue();
        assertThat(ExtractDeadlinePolicy.mayExtendTo(RECEIVED, LocalDate.of(2026, 5, 1))).isFalse();
        assertThat(ExtractDeadlinePolicy.mayExtendTo(RECEIVED, LocalDate.of(2026, 2, 28))).as("no extension")
                .isFalse();
    }

    @Test
    void aProtectedIdentityIsNeverSentToAnAddressOrByEmail() {
        assertThat(HandoverPolicy.allowed(true)).containsExactlyInAnyOrder(Handover.IN_PERSON,
                Handover.SKATTEVERKET_FORWARDING);
        assertThat(HandoverPolicy.allows(true, Handover.POST_TO_REGISTERED_ADDRESS)).isFalse();
        assertThat(HandoverPolicy.allows(true, Handover.EMAIL)).isFalse();
        assertThat(HandoverPolicy.allows(false, Handover.SKATTEVERKET_FORWARDING)).isFalse();
        assertThat(HandoverPolicy.allows(false, Handover.POST_TO_REGISTERED_ADDRESS)).isTrue();
    }

    @Test
    void aGuardianAsksOnlyWhileThePersonIsUnder18() {
        assertThat(GuardianRequestPolicy.guardianMayAsk(LocalDate.of(2008, 2, 1), 2008, RECEIVED)).isTrue();
        assertThat(GuardianRequestPolicy.guardianMayAsk(LocalDate.of(2008, 1, 31), 2008, RECEIVED)).isFalse();
        assertThat(GuardianRequestPolicy.guardianMayAsk(null, 2009, RECEIVED)).as("17 at most in 2026").isTrue();
        assertThat(GuardianRequestPolicy.guardianMayAsk(null, 2008, RECEIVED)).as("17 or 18: not known").isFalse();
        assertThat(GuardianRequestPolicy.guardianMayAsk(null, 0, RECEIVED)).isFalse();
    }

    @Test
    void everyPersonDataRolePreparesAndOnlyTheCoordinatorOrTheLeadDecides() {
        assertThat(ExtractRoles.mayPrepare(Role.CASE_WORKER)).isTrue();
        assertThat(ExtractRoles.mayPrepare(Role.AUDITOR)).isFalse();
        assertThat(ExtractRoles.mayDecide(Role.KAA_COORDINATOR)).isTrue();
        assertThat(ExtractRoles.mayDecide(Role.PROGRAMME_LEAD)).isTrue();
        assertThat(ExtractRoles.mayDecide(Role.CASE_WORKER)).isFalse();
    }
}
