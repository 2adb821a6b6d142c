package se.lots.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.lots.organisation.OrganisationId;
import se.lots.organisation.Role;
import se.lots.registry.Gender;
import se.lots.registry.IdentityKind;
import se.lots.registry.YoungPerson;
import se.lots.security.Actor;

class ProtectedIdentityPolicyTest {

    private static final OrganisationId HOLDER = new OrganisationId(1);
    private static final OrganisationId OTHER = new OrganisationId(2);

    @Test
    void everyoneWhoWorksWithThePersonInTheHoldingOrganisationMaySetIt() {
        for (Role role : new Role[] { Role.KAA_COORDINATOR, Role.CASE_WORKER, Role.PROGRAMME_LEAD }) {
            assertThat(ProtectedIdentityPolicy.maySet(actor(role, HOLDER), person(false))).as(role.name()).isTrue();
        }
    }

    @Test
    void onlyACoordinatorOrProgrammeLeadOfTheHoldingOrganisationMayLiftIt() {
        assertThat(ProtectedIdentityPolicy.mayLift(actor(Role.KAA_COORDINATOR, HOLDER), person(true))).isTrue();
        assertThat(ProtectedIdentityPolicy.mayLift(actor(Role.PROGRAMME_LEAD, HOLDER), person(true))).isTrue();
        assertThat(ProtectedIdentityPolicy.mayLift(actor(Role.CASE_WORKER, HOLDER), person(true))).isFalse();
        assertThat(ProtectedIdentityPolicy.mayChange(actor(Role.CASE_WORKER, HOLDER), person(true))).isFalse();
        assertThat(ProtectedIdentityPolicy.mayChange(actor(Role.CASE_WORKER, HOLDER), person(false))).isTrue();
    }

    @Test
    void noRoleOfAnotherOrganisationAndNoRoleWithoutPersonalDataChangesIt() {
        for (Role role : Role.values()) {
            assertThat(ProtectedIdentityPolicy.maySet(actor(role, OTHER), person(false))).as(role.name()).isFalse();
            assertThat(ProtectedIdentityPolicy.mayLift(actor(role, OTHER), person(true))).as(role.name()).isFalse();
        }
        for (Role role : new Role[] { Role.ADMIN, Role.AUDITOR, Role.ANALYST, Role.FEDERATION_OFFICER }) {
            assertThat(ProtectedIdentityPolicy.maySet(actor(role, HOLDER), person(false))).as(role.name()).isFalse();
            assertThat(ProtectedIdentityPolicy.mayLift(actor(role, HOLDER), person(true))).as(role.name()).isFalse();
        }
    }

    @Test
    void aReasonIsAtLeastTenCharactersWithoutTheSpaceAround() {
        assertThat(ProtectedIdentityPolicy.isReason(null)).isFalse();
        assertThat(ProtectedIdentityPolicy.isReason("   kort     ")).isFalse();
        assertThat(ProtectedIdentityPolicy.isReason("123456789")).isFalse();
        assertThat(ProtectedIdentityPolicy.isReason("1234567890")).isTrue();
    }

    private static Actor actor(Role role, OrganisationId organisation) {
        return new Actor(7, "user", "User", organisation, "Organisation", role);
    }

    private static YoungPerson person(boolean protectedIdentity) {
        return new YoungPerson(UUID.randomUUID(), IdentityKind.RESERVE, null, "RES-0000001", "Test", "Testsson", null,
                2008, Gender.KVINNA, null, protectedIdentity, null, null, null, null, false, null, HOLDER, null, null,
                0);
    }
}
