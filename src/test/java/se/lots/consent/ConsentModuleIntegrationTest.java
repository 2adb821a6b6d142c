package se.lots.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import se.lots.audit.AccessBasis;
import se.lots.audit.WithoutRegistry;
import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.shared.FieldError;
import se.lots.shared.InvalidInputException;

/**
 * Consent starts with the modules whose beans it uses (audit, organisation, and security under audit) and the
 * database, without the registry whose records it guards: the access policy and the consent's rules need only ids.
 * The registry's person lookup, which the audit module's page needs, is stood in for ({@link WithoutRegistry}).
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "database")
@ActiveProfiles("test")
// no other test uses this module's context: close it, and stop its embedded PostgreSQL, when the class is done
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(WithoutRegistry.class)
class ConsentModuleIntegrationTest {

    @Autowired
    AccessPolicy policy;
    @Autowired
    ConsentService consents;
    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;

    @Test
    void theHoldingOrganisationSeesTheRecordAndAnotherWithoutConsentDoesNot() {
        var holder = actorIn("Hållarkommunen", "modul.hallare");
        var other = actorIn("Grannkommunen", "modul.granne");
        UUID person = UUID.randomUUID();

        assertThat(policy.decide(holder, person, holder.organisationId(), ConsentScope.GRUNDUPPGIFTER))
                .isEqualTo(Access.granted(AccessBasis.OWN_ORGANISATION));
        assertThat(policy.decide(other, person, holder.organisationId(), ConsentScope.GRUNDUPPGIFTER).granted())
                .isFalse();
        assertThat(policy.sharedWith(other, ConsentScope.GRUNDUPPGIFTER)).isEmpty();
    }

    @Test
    void aConsentLongerThanItsPurposeAllowsIsRefused() {
        var holder = actorIn("Remisskommunen", "modul.remiss");
        var receiver = organisations.create(new NewOrganisation("Mottagarregionen", PartyType.REGION, null, "12",
                null));
        LocalDate from = LocalDate.of(2026, 1, 1);

        assertThatThrownBy(() -> consents.record(holder, UUID.randomUUID(), holder.organisationId(),
                new NewConsent(null, receiver.id(), ConsentPurpose.REMISS, List.of(ConsentScope.PLAN),
                        GivenHow.SKRIFTLIGT, from, from.plusMonths(7))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("validTo", "consent.validToTooLate")));
    }

    private Actor actorIn(String organisationName, String username) {
        var organisation = organisations.create(new NewOrganisation(organisationName, PartyType.KOMMUN, "1214", null,
                null));
        organisations.createUser(new NewUser(username, "tre ord i rad och en häst", username, Role.CASE_WORKER,
                organisation.id(), null));
        return actors.byUsername(username);
    }
}
