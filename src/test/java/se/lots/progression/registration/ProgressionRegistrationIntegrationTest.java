package se.lots.progression.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.plan.Enrolment;
import se.lots.plan.EnrolmentInput;
import se.lots.plan.EnrolmentService;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;

/** SUS registrations at start and end: the rules from the guidance, anonymous participants, access and audit. */
@IntegrationTest
class ProgressionRegistrationIntegrationTest {

    static final Locale SWEDISH = Locale.forLanguageTag("sv");

    @Autowired
    RegistrationService registrations;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    RegistryService registry;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;

    static final LocalDate START = LocalDate.now().minusMonths(6);

    Enrolment enrolled(Actor lead) {
        UUID person = registry.register(lead, aYoungPerson().named("Uppföljning", "Testsson").build()).id();
        long programme = enrolments.saveProgramme(lead, "Uppföljningstest");
        return enrolments.enrol(lead, person, new EnrolmentInput(String.valueOf(programme), START.toString(), null,
                null, "Behöver stöd mot arbete"));
    }

    static RegistrationInput working(LocalDate on, String extent) {
        return new RegistrationInput(on.toString(), "ARBETAR", extent, List.of("LON", "A_KASSA"), "GYMNASIAL", true,
                null, null);
    }

    static RegistrationInput seeking(LocalDate on) {
        return new RegistrationInput(on.toString(), "ARBETSSOKANDE", null, List.of("EKONOMISKT_BISTAND"),
                "FORGYMNASIAL", false, null, null);
    }

    Map<String, String> errors(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.texts(messages, SWEDISH);
        }
        throw new AssertionError("expected invalid input");
    }

    @Test
    void workingNeedsAnExtentBetweenOneAndHundredPerCent() {
        Actor lead = actors.byUsername("insatsledare");
        Enrolment e = enrolled(lead);
        assertThat(errors(() -> registrations.save(lead, e.id(), RegistrationKind.START, working(START, null))))
                .containsEntry("workExtent", "Omfattning: ange hur många procent av 40 timmar i veckan den unge "
                        + "arbetar (1–100).");
        assertThat(errors(() -> registrations.save(lead, e.id(), RegistrationKind.START, working(START, "101"))))
                .containsKey("workExtent");
        assertThat(errors(() -> registrations.save(lead, e.id(), RegistrationKind.START, working(START, "0"))))
                .containsKey("workExtent");
        var seekingWithExtent = new RegistrationInput(START.toString(), "ARBETSSOKANDE", "50", List.of("LON"),
                "GYMNASIAL", true, null, null);
        assertThat(errors(() -> registrations.save(lead, e.id(), RegistrationKind.START, seekingWithExtent)))
                .containsEntry("workExtent", "Omfattning anges bara när sysselsättningen är Arbetar.");

        Registration saved = registrations.save(lead, e.id(), RegistrationKind.START, working(START, "50"));
        assertThat(saved.workExtent()).isEqualTo(50);
        assertThat(saved.incomeSources()).containsExactly(IncomeSource.LON, IncomeSource.A_KASSA);
    }

    @Test
    void theStartIsMeasuredWithinAWeekOfTheEnrolment() {
        Actor lead = actors.byUsername("insatsledare");
        Enrolment e = enrolled(lead);
        assertThat(errors(() -> registrations.save(lead, e.id(), RegistrationKind.START, seeking(START.minusDays(8)))))
                .containsEntry("measuredOn", "Mätdatum: ange ett datum inom en vecka från inskrivningen " + START
                        + ", alltså mellan " + START.minusDays(7) + " och " + START.plusDays(7) + ".");
        assertThat(errors(() -> registrations.save(lead, e.id(), RegistrationKind.START, seeking(START.plusDays(8)))))
                .containsKey("measuredOn");
        // "directly before" = within a week before the start
        assertThat(registrations.save(lead, e.id(), RegistrationKind.START, seeking(START.minusDays(7))).measuredOn())
                .isEqualTo(START.minusDays(7));
    }

    @Test
    void theEndIsRegisteredOnlyAfterDischargeAndNotBeforeTheStart() {
        Actor lead = actors.byUsername("insatsledare");
        Enrolment e = enrolled(lead);
        assertThat(errors(() -> registrations.save(lead, e.id(), RegistrationKind.SLUT, working(START, "100"))))
                .containsEntry("kind", "Registreringen vid avslut kan göras först när deltagaren är utskriven från "
                        + "insatsen.");
        registrations.save(lead, e.id(), RegistrationKind.START, seeking(START.plusDays(3)));
        LocalDate end = START.plusDays(5);
        enrolments.discharge(lead, e.id(), end.toString(), "ARBETE", e.version());
        assertThat(errors(() -> registrations.save(lead, e.id(), RegistrationKind.SLUT, working(START.plusDays(2), "100"))))
                .containsEntry("measuredOn", "Mätdatum vid avslut kan inte vara före mätdatum vid start ("
                        + START.plusDays(3) + ").");
        assertThat(errors(() -> registrations.save(lead, e.id(), RegistrationKind.SLUT, working(end.plusDays(9), "100"))))
                .containsKey("measuredOn");

        Registration slut = registrations.save(lead, e.id(), RegistrationKind.SLUT, working(end, "100"));
        RegistrationPage page = registrations.page(lead, e.id());
        assertThat(page.end()).isEqualTo(slut);
        assertThat(page.start().occupation()).isEqualTo(Occupation.ARBETSSOKANDE);
        assertThat(page.participation().endedOn()).isEqualTo(end);
    }

    @Test
    void aStaleVersionIsRefused() {
        Actor lead = actors.byUsername("insatsledare");
        Actor coach = actors.byUsername("coach");
        Enrolment e = enrolled(lead);
        Registration first = registrations.save(lead, e.id(), RegistrationKind.START, seeking(START));
        registrations.save(coach, e.id(), RegistrationKind.START, withVersion(working(START, "25"), first.version()));
        assertThatThrownBy(() -> registrations.save(lead, e.id(), RegistrationKind.START,
                withVersion(seeking(START), first.version()))).isInstanceOf(ConflictException.class);
        assertThat(registrations.page(lead, e.id()).start().workExtent()).isEqualTo(25);
    }

    static RegistrationInput withVersion(RegistrationInput in, int version) {
        return new RegistrationInput(in.measuredOn(), in.occupation(), in.workExtent(), in.incomeSources(),
                in.educationLevel(), in.registeredAtAf(), version, in.endedOn());
    }

    @Test
    void anAnonymousParticipantKeepsGenderBirthYearAndMunicipalityButNoPersonLink() {
        Actor lead = actors.byUsername("insatsledare");
        Enrolment e = enrolled(lead);
        Participation anonymous = registrations.registerAnonymously(lead, e.id(), "KON_EJ_I_SUS");
        assertThat(anonymous.enrolmentId()).isNull();
        assertThat(anonymous.anonymous()).isTrue();
        assertThat(anonymous.birthYear()).isPositive();
        assertThat(anonymous.gender()).isNotBlank();
        assertThat(anonymous.municipalityCode().value()).isNotBlank();

        registrations.saveForParticipation(lead, anonymous.id(), RegistrationKind.START, seeking(START));
        assertThat(errors(() -> registrations.save(lead, e.id(), RegistrationKind.START, seeking(START))))
                .containsKey("kind");
        // no row of the follow-up tables leads back to the enrolment or the person
        Map<String, Object> row = jdbc.sql("SELECT * FROM participant WHERE id = ?").param(anonymous.id())
                .query().singleRow();
        assertThat(row.get("enrolment_id")).isNull();
        assertThat(row.values()).doesNotContain(e.id(), e.personId());
        assertThat(jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name IN "
                + "('participant', 'registration', 'registration_income', 'anonymous_enrolment') "
                + "AND column_name LIKE '%person%'").query(String.class).list()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM participant WHERE enrolment_id = ?").param(e.id())
                .query(Long.class).single()).isZero();
        // statistics count it by programme
        assertThat(jdbc.sql("SELECT count(*) FROM participant p JOIN registration r ON r.participant_id = p.id "
                + "WHERE p.programme_id = ? AND p.anonymous_reason IS NOT NULL AND r.kind = 'START'")
                .param(e.programmeId()).query(Long.class).single()).isGreaterThanOrEqualTo(1);
        // the anonymous participant's end: discharge date given on the form
        LocalDate end = START.plusDays(20);
        var slut = new RegistrationInput(end.toString(), "STUDERAR", null, List.of("STUDIEMEDEL"), "GYMNASIAL", false,
                null, end.toString());
        registrations.saveForParticipation(lead, anonymous.id(), RegistrationKind.SLUT, slut);
        assertThat(registrations.anonymousPage(lead, anonymous.id()).participation().endedOn()).isEqualTo(end);
    }

    @Test
    void anotherOrganisationWithoutConsentAndTheAnalystReadNoRegistrations() {
        Actor lead = actors.byUsername("insatsledare");
        Enrolment e = enrolled(lead);
        registrations.save(lead, e.id(), RegistrationKind.START, seeking(START));
        Participation anonymous = registrations.registerAnonymously(lead, enrolled(lead).id(), "INGET_SAMTYCKE");
        for (String other : List.of("fk", "af", "analytiker", "forbund")) {
            Actor actor = actors.byUsername(other);
            assertThatThrownBy(() -> registrations.page(actor, e.id())).as(other)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> registrations.anonymousPage(actor, anonymous.id())).as(other)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> registrations.save(actor, e.id(), RegistrationKind.START, seeking(START)))
                    .as(other).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void readsAndWritesAreAuditedWithTheirBasis() {
        Actor lead = actors.byUsername("insatsledare");
        Enrolment e = enrolled(lead);
        registrations.save(lead, e.id(), RegistrationKind.START, seeking(START));
        registrations.page(lead, e.id());
        List<Map<String, Object>> rows = jdbc.sql("SELECT action, purpose, detail FROM audit_entry WHERE person_id = ?"
                + " AND username = 'insatsledare' AND (detail LIKE 'registrering%' OR detail LIKE 'uppföljning%')"
                + " ORDER BY id").param(e.personId()).query().listOfRows();
        assertThat(rows).extracting(r -> r.get("action") + " " + r.get("detail"))
                .containsExactly("CREATE registrering START", "READ uppföljning inskrivning " + e.id());
        assertThat(rows).allSatisfy(r -> assertThat(r.get("purpose")).isNotNull());
    }
}
