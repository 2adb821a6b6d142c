package se.lots.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;


import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.MovableClock;
import se.lots.IntegrationTest;
import se.lots.consent.Consent;
import se.lots.consent.ConsentPurpose;
import se.lots.consent.ConsentScope;
import se.lots.consent.ConsentService;
import se.lots.consent.GivenHow;
import se.lots.consent.NewConsent;
import se.lots.organisation.Organisations;
import se.lots.plan.referral.Referral;
import se.lots.plan.referral.ReferralStatus;
import se.lots.plan.referral.WaitingTime;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.shared.ConflictException;
import se.lots.shared.FieldError;
import se.lots.shared.InvalidInputException;

@IntegrationTest
class ReferralIntegrationTest {

    private static final Locale SV = Locale.forLanguageTag("sv");

    @Autowired
    ReferralService referrals;
    @Autowired
    ConsentService consents;
    @Autowired
    RegistryService registry;
    @Autowired
    Organisations organisations;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;
    @Autowired
    MovableClock clock;

    Actor coach;
    Actor vardcentral;
    Actor fk;

    @BeforeEach
    void actors() {
        coach = actors.byUsername("coach");
        vardcentral = actors.byUsername("vardcentral");
        fk = actors.byUsername("fk");
    }

    @Test
    void aReferralToAnotherOrganisationIsRefusedWithoutConsentCoveringThePlan() {
        UUID person = person();
        String region = organisations.byId(vardcentral.organisationId()).orElseThrow().name();

        assertThatThrownBy(() -> referrals.send(coach, person, to(vardcentral, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    FieldError error = only(e);
                    assertThat(error.field()).isEqualTo("toOrganisationId");
                    assertThat(error.messageKey()).isEqualTo("referral.consentMissing");
                    assertThat(text(error)).contains(region);
                });

        // a consent that does not cover the plan does not do either
        consents.record(coach, person, coach.organisationId(), new NewConsent(null, vardcentral.organisationId(),
                ConsentPurpose.REMISS, List.of(ConsentScope.GRUNDUPPGIFTER), GivenHow.SKRIFTLIGT, null,
                LocalDate.now(clock).plusMonths(6)));
        assertThatThrownBy(() -> referrals.send(coach, person, to(vardcentral, null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(only(e).messageKey()).isEqualTo("referral.consentMissing"));
        assertThat(count("SELECT count(*) FROM referral WHERE person_id = ?", person)).isZero();
    }

    @Test
    void aReferralWithinTheOwnOrganisationNeedsNoConsent() {
        UUID person = person();
        long unit = newUnit(coach.organisationId().value());

        Referral r = referrals.send(coach, person, new ReferralInput(String.valueOf(coach.organisationId()),
                String.valueOf(unit), null, null, "Behöver studievägledning", "Samtal om studier"));

        assertThat(r.consentId()).isNull();
        assertThat(r.toUnitId()).isEqualTo(unit);
        assertThat(r.status()).isEqualTo(ReferralStatus.SKICKAD);
    }

    @Test
    void theHealthCentreTakesTheReferralFromSentToCompletedAndTheWaitingTimeIsKept() {
        clock.moveBy(Duration.ofDays(-6));
        UUID person = person();
        Consent consent = consentToRegion(person);
        String longRequest = "x".repeat(250);

        Referral sent = referrals.send(coach, person, new ReferralInput(String.valueOf(vardcentral.organisationId()),
                null, null, "Psykosocialt stöd", "Oro och sömnproblem", longRequest));
        assertThat(sent.consentId()).isEqualTo(consent.id());
        assertThat(sent.status()).isEqualTo(ReferralStatus.SKICKAD);
        assertThat(sent.fromUserId()).isEqualTo(coach.userId());
        assertThat(sent.waitingDays(clock.getZone())).isNull();
        assertThat(referrals.incoming(vardcentral)).extracting(Referral::id).contains(sent.id());
        assertThat(referrals.outgoing(coach)).extracting(Referral::id).contains(sent.id());

        clock.reset();
        Referral received = referrals.move(vardcentral, sent.id(), ReferralStatus.MOTTAGEN, null, sent.version());
        assertThat(received.receivedAt()).isNotNull();
        assertThat(received.answeredAt()).isNull();
        Referral accepted = referrals.move(vardcentral, sent.id(), ReferralStatus.ACCEPTERAD, null,
                versionOf(sent.id()));
        assertThat(accepted.answeredAt()).isNotNull();
        assertThat(accepted.startedAt()).isNull();

        Referral started = referrals.move(vardcentral, sent.id(), ReferralStatus.PABORJAD, null, accepted.version());
        assertThat(started.startedAt()).isNotNull();
        assertThat(started.waitingDays(clock.getZone())).isEqualTo(6L);
        assertThat(started.endedAt()).isNull();

        Referral done = referrals.move(vardcentral, sent.id(), ReferralStatus.AVSLUTAD, null, started.version());
        assertThat(done.status()).isEqualTo(ReferralStatus.AVSLUTAD);
        assertThat(done.endedAt()).isNotNull();
        assertThat(done.startedAt()).isEqualTo(started.startedAt());
        assertThat(done.version()).isEqualTo(sent.version() + 4);

        assertThat(jdbc.sql("SELECT status FROM referral_status WHERE referral_id = ? ORDER BY id")
                .param(sent.id()).query(String.class).list())
                .containsExactly("SKICKAD", "MOTTAGEN", "ACCEPTERAD", "PABORJAD", "AVSLUTAD");
        assertThat(jdbc.sql("SELECT code FROM journey_event WHERE ref_id = ? AND kind = 'REMISS' ORDER BY id")
                .param(sent.id()).query(String.class).list())
                .containsExactly("SKICKAD", "MOTTAGEN", "ACCEPTERAD", "PABORJAD", "AVSLUTAD");
        assertThat(jdbc.sql("SELECT summary FROM journey_event WHERE ref_id = ? AND code = 'SKICKAD'")
                .param(sent.id()).query(String.class).single()).hasSize(200);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_entry WHERE person_id = ? AND action = 'UPDATE'
                   AND consent_id = ? AND purpose = 'SAMTYCKE:REMISS'""").params(person, consent.id())
                .query(Long.class).single()).isEqualTo(4L);
        assertThat(referrals.forPerson(vardcentral, person)).extracting(Referral::id).containsExactly(sent.id());
    }

    @Test
    void illegalTransitionsAreRefusedWithTheStatesNamed() {
        UUID person = person();
        consentToRegion(person);
        Referral r = referrals.send(coach, person, to(vardcentral, null));

        assertThatThrownBy(() -> referrals.move(vardcentral, r.id(), ReferralStatus.PABORJAD, null, versionOf(r.id())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(only(e).field()).isEqualTo("status");
                    assertThat(only(e).messageKey()).isEqualTo("referral.illegalTransition");
                    assertThat(text(only(e))).isEqualTo("En remiss som är skickad kan inte bli påbörjad.");
                });

        referrals.move(vardcentral, r.id(), ReferralStatus.MOTTAGEN, null, versionOf(r.id()));
        assertThatThrownBy(() -> referrals.move(coach, r.id(), ReferralStatus.ACCEPTERAD, null, versionOf(r.id())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(only(e).messageKey()).isEqualTo("referral.onlyReceiver");
                    assertThat(text(only(e))).contains("accepterad");
                });

        referrals.move(vardcentral, r.id(), ReferralStatus.ACCEPTERAD, null, versionOf(r.id()));
        referrals.move(vardcentral, r.id(), ReferralStatus.PABORJAD, null, versionOf(r.id()));
        referrals.move(vardcentral, r.id(), ReferralStatus.AVSLUTAD, null, versionOf(r.id()));
        for (ReferralStatus to : ReferralStatus.values()) {
            assertThatThrownBy(() -> referrals.move(vardcentral, r.id(), to, "skäl", versionOf(r.id())))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(only(e).messageKey()).isEqualTo("referral.illegalTransition"));
        }
        assertThat(referrals.get(coach, r.id()).status()).isEqualTo(ReferralStatus.AVSLUTAD);
    }

    @Test
    void aStaleVersionIsRefused() {
        UUID person = person();
        consentToRegion(person);
        Referral r = referrals.send(coach, person, to(vardcentral, null));
        referrals.move(vardcentral, r.id(), ReferralStatus.MOTTAGEN, null, r.version());

        assertThatThrownBy(() -> referrals.move(coach, r.id(), ReferralStatus.ATERKALLAD, "Fel person", r.version()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("referral.stale"));
        assertThat(referrals.get(coach, r.id()).status()).isEqualTo(ReferralStatus.MOTTAGEN);
    }

    @Test
    void aDeclineNeedsAReason() {
        UUID person = person();
        consentToRegion(person);
        Referral r = referrals.send(coach, person, to(vardcentral, null));
        referrals.move(vardcentral, r.id(), ReferralStatus.MOTTAGEN, null, versionOf(r.id()));

        assertThatThrownBy(() -> referrals.move(vardcentral, r.id(), ReferralStatus.AVBOJD, "  ", versionOf(r.id())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(only(e).field()).isEqualTo("reason");
                    assertThat(only(e).messageKey()).isEqualTo("referral.reasonRequired");
                });

        Referral declined = referrals.move(vardcentral, r.id(), ReferralStatus.AVBOJD, "Hör till psykiatrin",
                versionOf(r.id()));
        assertThat(declined.status()).isEqualTo(ReferralStatus.AVBOJD);
        assertThat(declined.statusReason()).isEqualTo("Hör till psykiatrin");
        assertThat(declined.answeredAt()).isNotNull();
        assertThat(declined.endedAt()).isNotNull();
        assertThat(declined.startedAt()).isNull();
    }

    @Test
    void theSenderWithdrawsAndOnlyTheSender() {
        UUID person = person();
        consentToRegion(person);
        Referral r = referrals.send(coach, person, to(vardcentral, null));

        assertThatThrownBy(() -> referrals.move(vardcentral, r.id(), ReferralStatus.ATERKALLAD, "Nej",
                versionOf(r.id())))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(only(e).messageKey()).isEqualTo("referral.onlySender"));
        assertThatThrownBy(() -> referrals.move(coach, r.id(), ReferralStatus.ATERKALLAD, null, versionOf(r.id())))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(only(e).field()).isEqualTo("reason"));

        Referral withdrawn = referrals.move(coach, r.id(), ReferralStatus.ATERKALLAD, "Har fått jobb",
                versionOf(r.id()));
        assertThat(withdrawn.status()).isEqualTo(ReferralStatus.ATERKALLAD);
        assertThat(withdrawn.statusReason()).isEqualTo("Har fått jobb");
        assertThat(withdrawn.endedAt()).isNotNull();
        assertThat(withdrawn.receivedAt()).isNull();
    }

    @Test
    void aReferralLeftUnansweredPastTheResponseTimeIsFlagged() {
        UUID person = person();
        consentToRegion(person);
        int days = referrals.responseDays();
        assertThat(days).isEqualTo(10);
        Referral r = referrals.send(coach, person, to(vardcentral, null));
        LocalDate sentOn = r.sentOn(clock.getZone());

        assertThat(referrals.unanswered(r, sentOn)).isFalse();
        assertThat(referrals.unanswered(r, sentOn.plusDays(days - 1))).isFalse();
        assertThat(referrals.unanswered(r, sentOn.plusDays(days))).isTrue();
        Referral received = referrals.move(vardcentral, r.id(), ReferralStatus.MOTTAGEN, null, versionOf(r.id()));
        assertThat(referrals.unanswered(received, sentOn.plusDays(days))).isTrue();
        Referral accepted = referrals.move(vardcentral, r.id(), ReferralStatus.ACCEPTERAD, null, versionOf(r.id()));
        assertThat(referrals.unanswered(accepted, sentOn.plusDays(days))).isFalse();
    }

    @Test
    void waitingTimesPerReceiverShowWhatWasSentStartedAndCompleted() {
        long unit = newUnit(vardcentral.organisationId().value());
        // started after 2 days and completed, started after 4 and after 12, one unanswered for 15 days, one new
        Referral a = startedAfter(unit, 2);
        referrals.move(vardcentral, a.id(), ReferralStatus.AVSLUTAD, null, versionOf(a.id()));
        startedAfter(unit, 4);
        startedAfter(unit, 12);
        sentDaysAgo(unit, 15);
        sendTo(unit);

        for (Actor viewer : List.of(coach, vardcentral)) {
            WaitingTime w = referrals.waitingTimes(viewer).stream()
                    .filter(t -> t.toUnitId() != null && t.toUnitId() == unit).findFirst().orElseThrow();
            assertThat(w.toOrganisationId()).isEqualTo(vardcentral.organisationId());
            assertThat(w.sent()).isEqualTo(5);
            assertThat(w.started()).isEqualTo(3);
            assertThat(w.completed()).isEqualTo(1);
            assertThat(w.unanswered()).isEqualTo(1);
            assertThat(w.medianDays()).isEqualTo(4.0);
            assertThat(w.meanDays()).isEqualTo(6.0);
        }
        assertThat(referrals.waitingTimes(fk)).noneMatch(t -> t.toUnitId() != null && t.toUnitId() == unit);
    }

    @Test
    void aFourthOrganisationWithoutConsentCannotReadTheReferral() {
        UUID person = person();
        consentToRegion(person);
        Referral r = referrals.send(coach, person, to(vardcentral, null));

        assertThatThrownBy(() -> referrals.forPerson(fk, person)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> referrals.get(fk, r.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> referrals.move(fk, r.id(), ReferralStatus.MOTTAGEN, null, versionOf(r.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(referrals.incoming(fk)).extracting(Referral::id).doesNotContain(r.id());
        assertThat(referrals.forPerson(coach, person)).extracting(Referral::id).containsExactly(r.id());
    }

    private Referral startedAfter(long unit, int days) {
        Referral r = sentDaysAgo(unit, days);
        referrals.move(vardcentral, r.id(), ReferralStatus.MOTTAGEN, null, versionOf(r.id()));
        referrals.move(vardcentral, r.id(), ReferralStatus.ACCEPTERAD, null, versionOf(r.id()));
        Referral started = referrals.move(vardcentral, r.id(), ReferralStatus.PABORJAD, null, versionOf(r.id()));
        assertThat(started.waitingDays(clock.getZone())).isEqualTo((long) days);
        return started;
    }

    private Referral sendTo(long unit) {
        UUID person = person();
        consentToRegion(person);
        return referrals.send(coach, person, to(vardcentral, unit));
    }

    @Test
    void whenTheConsentIsWithdrawnTheReceiverCanNoLongerTakeTheReferralForwardButCanStillDeclineIt() {
        UUID person = person();
        Consent consent = consentToRegion(person);
        Referral r = referrals.send(coach, person, to(vardcentral, null));
        referrals.move(vardcentral, r.id(), ReferralStatus.MOTTAGEN, null, versionOf(r.id()));

        consents.withdraw(coach, consent.id());

        assertThatThrownBy(() -> referrals.move(vardcentral, r.id(), ReferralStatus.ACCEPTERAD, null,
                versionOf(r.id())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(only(e).field()).isEqualTo("status");
                    assertThat(only(e).messageKey()).isEqualTo("referral.consentWithdrawn");
                    assertThat(e.texts(messages, new Locale("sv")).get("status")).contains("Samtycket");
                });
        assertThat(referrals.get(coach, r.id()).status()).isEqualTo(ReferralStatus.MOTTAGEN);
        Referral declined = referrals.move(vardcentral, r.id(), ReferralStatus.AVBOJD, "Samtycket återkallat",
                versionOf(r.id()));
        assertThat(declined.status()).isEqualTo(ReferralStatus.AVBOJD);

        // a new consent lets the next referral go forward again
        Consent again = consentToRegion(person);
        Referral next = referrals.send(coach, person, to(vardcentral, null));
        referrals.move(vardcentral, next.id(), ReferralStatus.MOTTAGEN, null, versionOf(next.id()));
        assertThat(referrals.move(vardcentral, next.id(), ReferralStatus.ACCEPTERAD, null,
                versionOf(next.id())).status())
                .isEqualTo(ReferralStatus.ACCEPTERAD);
        assertThat(again.id()).isNotEqualTo(consent.id());
    }

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    /** A referral sent {@code days} ago by the application's clock (moved back, and put back). */
    private Referral sentDaysAgo(long unit, int days) {
        clock.moveBy(Duration.ofDays(-days));
        try {
            return sendTo(unit);
        } finally {
            clock.reset();
        }
    }

    private long newUnit(long organisationId) {
        return jdbc.sql("INSERT INTO organisation_unit (organisation_id, name) VALUES (?, ?) RETURNING id")
                .params(organisationId, "Remissenhet " + UUID.randomUUID()).query(Long.class).single();
    }

    private UUID person() {
        return registry.register(coach, aYoungPerson().build()).id();
    }

    private Consent consentToRegion(UUID person) {
        return consents.record(coach, person, coach.organisationId(), new NewConsent(null,
                vardcentral.organisationId(), ConsentPurpose.REMISS, List.of(ConsentScope.GRUNDUPPGIFTER,
                        ConsentScope.PLAN), GivenHow.SKRIFTLIGT, null, LocalDate.now(clock).plusMonths(6)));
    }

    private static ReferralInput to(Actor receiver, Long unit) {
        return new ReferralInput(String.valueOf(receiver.organisationId()), unit == null ? null : unit.toString(),
                null, "Samtalsstöd", "Oro och nedstämdhet", "Bedömning och samtalskontakt");
    }

    /** The referral's version as saved now: each move names the version it starts from, as the pages do. */
    private int versionOf(UUID referralId) {
        return jdbc.sql("SELECT version FROM referral WHERE id = ?").param(referralId).query(Integer.class).single();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private String text(FieldError error) {
        return messages.getMessage(error.messageKey(), error.arguments(), SV);
    }

    private static FieldError only(InvalidInputException e) {
        assertThat(e.errors()).hasSize(1);
        return e.errors().get(0);
    }
}
