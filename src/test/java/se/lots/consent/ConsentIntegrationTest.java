package se.lots.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.shared.ConflictException;
import se.lots.shared.FieldError;
import se.lots.shared.InvalidInputException;

@IntegrationTest
class ConsentIntegrationTest {

    @Autowired
    ConsentService consents;
    @Autowired
    AccessPolicy accessPolicy;
    @Autowired
    RegistryService registry;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;

    @Test
    void consentOpensTheRecordToTheReceiverAndWithdrawalClosesItAtOnce() {
        Actor kaa = actors.byUsername("kaa");
        Actor af = actors.byUsername("af");
        YoungPerson person = registry.register(kaa, aYoungPerson().build());
        assertThatThrownBy(() -> registry.read(af, person.id())).isInstanceOf(AccessDeniedException.class);

        Consent consent = consents.record(kaa, person.id(), kaa.organisationId(), basic(af, LocalDate.now().plusMonths(6)));

        var read = registry.read(af, person.id());
        assertThat(read.basis().consentId()).isEqualTo(consent.id());
        assertThat(read.basis().purpose()).isEqualTo("SAMTYCKE:SAMORDNING");

        Consent withdrawn = consents.withdraw(af, consent.id());

        assertThat(withdrawn.withdrawnAt()).isNotNull();
        assertThat(withdrawn.state(LocalDate.now())).isEqualTo("ATERKALLAT");
        assertThatThrownBy(() -> registry.read(af, person.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> consents.withdraw(kaa, consent.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void anExpiredConsentGivesNoAccess() {
        Actor kaa = actors.byUsername("kaa");
        Actor af = actors.byUsername("af");
        YoungPerson person = registry.register(kaa, aYoungPerson().build());
        var expired = new NewConsent(null, af.organisationId(), ConsentPurpose.SAMORDNING,
                List.of(ConsentScope.GRUNDUPPGIFTER), GivenHow.SKRIFTLIGT, LocalDate.now().minusYears(1),
                LocalDate.now().minusDays(1));

        Consent consent = consents.record(kaa, person.id(), kaa.organisationId(), expired);

        assertThat(consent.state(LocalDate.now())).isEqualTo("UTGANGET");
        assertThat(accessPolicy.decide(af, person.id(), kaa.organisationId(), ConsentScope.GRUNDUPPGIFTER).granted())
                .isFalse();
        assertThat(accessPolicy.sharedWith(af, ConsentScope.GRUNDUPPGIFTER)).doesNotContain(person.id());
    }

    @Test
    void aConsentCoversOnlyItsScopeAndOnlyTheReceivingOrganisation() {
        Actor kaa = actors.byUsername("kaa");
        Actor af = actors.byUsername("af");
        Actor fk = actors.byUsername("fk");
        YoungPerson person = registry.register(kaa, aYoungPerson().build());
        consents.record(kaa, person.id(), kaa.organisationId(), new NewConsent(null, af.organisationId(),
                ConsentPurpose.SIP, List.of(ConsentScope.PLAN), GivenHow.MUNTLIGT, null, LocalDate.now().plusDays(30)));

        assertThat(accessPolicy.decide(af, person.id(), kaa.organisationId(), ConsentScope.PLAN).granted()).isTrue();
        assertThat(accessPolicy.decide(af, person.id(), kaa.organisationId(), ConsentScope.GRUNDUPPGIFTER).granted())
                .isFalse();
        assertThat(accessPolicy.decide(fk, person.id(), kaa.organisationId(), ConsentScope.PLAN).granted()).isFalse();
    }

    @Test
    void onlyTheHoldingOrganisationRecordsConsent() {
        Actor kaa = actors.byUsername("kaa");
        Actor af = actors.byUsername("af");
        YoungPerson person = registry.register(kaa, aYoungPerson().build());
        assertThatThrownBy(() -> consents.record(af, person.id(), kaa.organisationId(),
                basic(af, LocalDate.now().plusDays(10)))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anIncompleteConsentNamesEveryMissingField() {
        Actor kaa = actors.byUsername("kaa");
        YoungPerson person = registry.register(kaa, aYoungPerson().build());
        var incomplete = new NewConsent(null, kaa.organisationId(), null, List.of(), null, LocalDate.now(),
                LocalDate.now().minusDays(1));

        assertThatThrownBy(() -> consents.record(kaa, person.id(), kaa.organisationId(), incomplete))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("purpose", "givenHow", "scope", "toOrganisationId", "validTo"));
    }

    @Test
    void emergencyAccessOpensTheRecordForThatUserOnlyAndEndsWhenItExpires() {
        Actor kaa = actors.byUsername("kaa");
        Actor af = actors.byUsername("af");
        Actor fk = actors.byUsername("fk");
        YoungPerson person = registry.register(kaa, aYoungPerson().build());

        EmergencyAccess access = consents.breakGlass(af, person.id(), "Akut oro för den unges hälsa, ringde 112");

        assertThat(access.expiresAt()).isAfter(access.grantedAt().plusSeconds(3 * 3600 - 60));
        assertThat(registry.read(af, person.id()).basis().purpose()).startsWith("NODATKOMST");
        assertThatThrownBy(() -> registry.read(fk, person.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE person_id = ? AND action = 'BREAK_GLASS'")
                .param(person.id()).query(Long.class).single()).isEqualTo(1);

        jdbc.sql("UPDATE emergency_access SET expires_at = now() - interval '1 minute' WHERE id = ?")
                .param(access.id()).update();

        assertThatThrownBy(() -> registry.read(af, person.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void emergencyAccessNeedsAReasonAndAPersonDataRole() {
        Actor kaa = actors.byUsername("kaa");
        YoungPerson person = registry.register(kaa, aYoungPerson().build());
        assertThatThrownBy(() -> consents.breakGlass(actors.byUsername("af"), person.id(), "akut"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> consents.breakGlass(actors.byUsername("analytiker"), person.id(),
                "Vill bara titta på uppgifterna")).isInstanceOf(AccessDeniedException.class);
    }

    private static NewConsent basic(Actor to, LocalDate validTo) {
        return new NewConsent(null, to.organisationId(), ConsentPurpose.SAMORDNING,
                List.of(ConsentScope.GRUNDUPPGIFTER), GivenHow.SKRIFTLIGT, null, validTo);
    }
}
