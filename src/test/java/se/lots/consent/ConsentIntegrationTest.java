package se.lots.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.MovableClock;
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
    @Autowired
    MessageSource messages;
    @Autowired
    MovableClock clock;

    private static final Locale SV = Locale.forLanguageTag("sv");

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void consentOpensTheRecordToTheReceiverAndWithdrawalClosesItAtOnce() {
        Actor kaa = actors.byUsername("kaa");
        Actor af = actors.byUsername("af");
        YoungPerson person = registry.register(kaa, aYoungPerson().build());
        assertThatThrownBy(() -> registry.read(af, person.id())).isInstanceOf(AccessDeniedException.class);

        Consent consent = consents.record(kaa, person.id(), kaa.organisationId(), basic(af, LocalDate.now(clock).plusMonths(6)));

        var read = registry.read(af, person.id());
        assertThat(read.basis().consentId()).isEqualTo(consent.id());
        assertThat(read.basis().purpose()).isEqualTo("SAMTYCKE:SAMORDNING");

        Consent withdrawn = consents.withdraw(af, consent.id());

        assertThat(withdrawn.withdrawnAt()).isNotNull();
        assertThat(withdrawn.state(LocalDate.now(clock))).isEqualTo("ATERKALLAT");
        assertThatThrownBy(() -> registry.read(af, person.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> consents.withdraw(kaa, consent.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void anExpiredConsentGivesNoAccess() {
        Actor kaa = actors.byUsername("kaa");
        Actor af = actors.byUsername("af");
        YoungPerson person = registry.register(kaa, aYoungPerson().build());
        var expired = new NewConsent(null, af.organisationId(), ConsentPurpose.SAMORDNING,
                List.of(ConsentScope.GRUNDUPPGIFTER), GivenHow.SKRIFTLIGT, LocalDate.now(clock).minusYears(1),
                LocalDate.now(clock).minusDays(1));

        Consent consent = consents.record(kaa, person.id(), kaa.organisationId(), expired);

        assertThat(consent.state(LocalDate.now(clock))).isEqualTo("UTGANGET");
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
                ConsentPurpose.SIP, List.of(ConsentScope.PLAN), GivenHow.MUNTLIGT, null, LocalDate.now(clock).plusDays(30)));

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
                basic(af, LocalDate.now(clock).plusDays(10)))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anIncompleteConsentNamesEveryMissingField() {
        Actor kaa = actors.byUsername("kaa");
        YoungPerson person = registry.register(kaa, aYoungPerson().build());
        var incomplete = new NewConsent(null, kaa.organisationId(), null, List.of(), null, LocalDate.now(clock),
                LocalDate.now(clock).minusDays(1));

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

        clock.moveTo(access.expiresAt().minusSeconds(60));
        assertThat(registry.read(af, person.id()).basis().purpose()).startsWith("NODATKOMST");
        clock.moveTo(access.expiresAt().plusSeconds(60));

        assertThatThrownBy(() -> registry.read(af, person.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aConsentCannotBeValidLongerThanItsPurposeAllows() {
        Actor kaa = actors.byUsername("kaa");
        Actor af = actors.byUsername("af");
        YoungPerson person = registry.register(kaa, aYoungPerson().build());
        LocalDate today = LocalDate.now(clock);
        var forever = new NewConsent(null, af.organisationId(), ConsentPurpose.SAMORDNING,
                List.of(ConsentScope.GRUNDUPPGIFTER), GivenHow.SKRIFTLIGT, today, LocalDate.of(9999, 12, 31));

        assertThatThrownBy(() -> consents.record(kaa, person.id(), kaa.organisationId(), forever))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("validTo");
                    assertThat(e.texts(messages, SV).get("validTo")).isEqualTo("Gäller till får ligga högst 12"
                            + " månader efter Gäller från för det här syftet, alltså senast "
                            + today.plusMonths(12) + ".");
                });
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            LocalDate latest = today.plusMonths(purpose.maxMonths());
            var oneDayTooLong = new NewConsent(null, af.organisationId(), purpose, List.of(ConsentScope.PLAN),
                    GivenHow.MUNTLIGT, today, latest.plusDays(1));
            assertThatThrownBy(() -> consents.record(kaa, person.id(), kaa.organisationId(), oneDayTooLong))
                    .as(purpose.name()).isInstanceOf(InvalidInputException.class);
            var longest = new NewConsent(null, af.organisationId(), purpose, List.of(ConsentScope.PLAN),
                    GivenHow.MUNTLIGT, today, latest);
            assertThat(consents.record(kaa, person.id(), kaa.organisationId(), longest).validTo()).isEqualTo(latest);
        }
        assertThat(ConsentPurpose.REMISS.maxMonths()).isLessThan(ConsentPurpose.SAMORDNING.maxMonths());
    }

    @Test
    void aValidToBeforeValidFromIsRefusedNamingTheField() {
        Actor kaa = actors.byUsername("kaa");
        Actor af = actors.byUsername("af");
        YoungPerson person = registry.register(kaa, aYoungPerson().build());
        LocalDate today = LocalDate.now(clock);
        var reversed = new NewConsent(null, af.organisationId(), ConsentPurpose.SIP, List.of(ConsentScope.PLAN),
                GivenHow.SKRIFTLIGT, today.plusMonths(2), today.plusMonths(1));

        assertThatThrownBy(() -> consents.record(kaa, person.id(), kaa.organisationId(), reversed))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.texts(messages, SV))
                        .containsOnlyKeys("validTo"));
        assertThat(consents.forPerson(person.id())).isEmpty();
    }

    @Test
    void anIdenticalConsentOverlappingOneInForceIsRefusedAndAfterWithdrawalAccepted() {
        Actor kaa = actors.byUsername("kaa");
        Actor af = actors.byUsername("af");
        YoungPerson person = registry.register(kaa, aYoungPerson().build());
        LocalDate today = LocalDate.now(clock);
        Consent first = consents.record(kaa, person.id(), kaa.organisationId(), new NewConsent(null,
                af.organisationId(), ConsentPurpose.SIP, List.of(ConsentScope.PLAN, ConsentScope.GRUNDUPPGIFTER),
                GivenHow.SKRIFTLIGT, today, today.plusMonths(6)));
        // the same scope in another order, from a day inside the first one's validity
        var again = new NewConsent(null, af.organisationId(), ConsentPurpose.SIP,
                List.of(ConsentScope.GRUNDUPPGIFTER, ConsentScope.PLAN), GivenHow.MUNTLIGT, today.plusMonths(6),
                today.plusMonths(9));

        assertThatThrownBy(() -> consents.record(kaa, person.id(), kaa.organisationId(), again))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.texts(messages, SV))
                        .containsEntry("validFrom", "Det finns redan ett samtycke med samma mottagare, syfte och"
                                + " omfattning som gäller under en del av perioden Gäller från – Gäller till."
                                + " Återkalla det först eller välj en period som inte överlappar."));
        assertThat(consents.forPerson(person.id())).hasSize(1);

        // another scope, another purpose or the days after are not duplicates
        consents.record(kaa, person.id(), kaa.organisationId(), new NewConsent(null, af.organisationId(),
                ConsentPurpose.SIP, List.of(ConsentScope.PLAN), GivenHow.SKRIFTLIGT, today, today.plusMonths(6)));
        consents.record(kaa, person.id(), kaa.organisationId(), new NewConsent(null, af.organisationId(),
                ConsentPurpose.SAMORDNING, List.of(ConsentScope.PLAN, ConsentScope.GRUNDUPPGIFTER),
                GivenHow.SKRIFTLIGT, today, today.plusMonths(6)));
        consents.record(kaa, person.id(), kaa.organisationId(), new NewConsent(null, af.organisationId(),
                ConsentPurpose.SIP, List.of(ConsentScope.PLAN, ConsentScope.GRUNDUPPGIFTER), GivenHow.SKRIFTLIGT,
                today.plusMonths(6).plusDays(1), today.plusMonths(9)));

        consents.withdraw(kaa, first.id());
        assertThat(consents.record(kaa, person.id(), kaa.organisationId(), new NewConsent(null, af.organisationId(),
                ConsentPurpose.SIP, List.of(ConsentScope.GRUNDUPPGIFTER, ConsentScope.PLAN), GivenHow.MUNTLIGT,
                today, today.plusMonths(3))).id()).isNotEqualTo(first.id());
    }

    @Test
    void theDatabaseRefusesAnIdenticalOverlappingConsentThatSlipsPastTheService() {
        Actor kaa = actors.byUsername("kaa");
        Actor af = actors.byUsername("af");
        YoungPerson person = registry.register(kaa, aYoungPerson().build());
        LocalDate today = LocalDate.now(clock);
        Consent c = consents.record(kaa, person.id(), kaa.organisationId(), basic(af, today.plusMonths(6)));

        // as a second request would that checked at the same moment, before either was stored
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO consent (person_id, from_organisation_id, to_organisation_id, purpose, scope, given_how,
                                     valid_from, valid_to, recorded_by)
                SELECT person_id, from_organisation_id, to_organisation_id, purpose, scope, given_how,
                       valid_to, valid_to + 30, recorded_by FROM consent WHERE id = ?""").param(c.id()).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("consent_no_overlapping_duplicate");
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
