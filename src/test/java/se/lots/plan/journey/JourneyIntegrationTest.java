package se.lots.plan.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import se.lots.IntegrationTest;
import se.lots.plan.JourneyEventRemoved;
import se.lots.plan.JourneyKind;
import se.lots.plan.JourneyRecorded;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * The journey is the one place its rows are written, and it tells the other modules what it wrote, in the writing
 * transaction (ADR 8): the follow-up module counts contacts from these events.
 */
@IntegrationTest
@RecordApplicationEvents
class JourneyIntegrationTest {

    @Autowired
    Journey journey;
    @Autowired
    RegistryService registry;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEvents events;

    UUID person(Actor coach) {
        return registry.register(coach, aYoungPerson().named("Resa", "Händelsedotter").build()).id();
    }

    long rows(UUID person) {
        return jdbc.sql("SELECT count(*) FROM plan_journey_event WHERE person_id = ?").param(person)
                .query(Long.class).single();
    }

    @Test
    void aJourneyWrittenOutsideATransactionIsRefusedAndNothingIsWritten() {
        Actor coach = actors.byUsername("coach");
        UUID person = person(coach);
        assertThatThrownBy(() -> journey.record(person, coach.organisationId(), coach.userId(), LocalDate.now(),
                JourneyKind.KONTAKT, "Samtal", null, false, null))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(rows(person)).isZero();
        assertThat(events.stream(JourneyRecorded.class).filter(e -> e.personId().equals(person))).isEmpty();
    }

    @Test
    void aRecordedRemovedAndRedatedRowIsPublishedWithWhatItWas() {
        Actor coach = actors.byUsername("coach");
        UUID person = person(coach);
        LocalDate day = LocalDate.of(2026, 11, 3);
        transactions.executeWithoutResult(t -> journey.record(person, coach.organisationId(), coach.userId(), day,
                JourneyKind.KONTAKT, "Samtal", null, false, null));
        assertThat(events.stream(JourneyRecorded.class).filter(e -> e.personId().equals(person)))
                .containsExactly(new JourneyRecorded(person, coach.organisationId(), day, JourneyKind.KONTAKT));
        long id = jdbc.sql("SELECT id FROM plan_journey_event WHERE person_id = ?").param(person).query(Long.class)
                .single();

        LocalDate corrected = day.minusDays(2);
        assertThat(transactions.execute(t -> journey.redate(id, corrected)).booleanValue()).isTrue();
        assertThat(events.stream(JourneyEventRemoved.class).filter(e -> e.personId().equals(person)))
                .containsExactly(new JourneyEventRemoved(person, coach.organisationId(), day, JourneyKind.KONTAKT));
        assertThat(events.stream(JourneyRecorded.class).filter(e -> e.personId().equals(person)))
                .endsWith(new JourneyRecorded(person, coach.organisationId(), corrected, JourneyKind.KONTAKT));

        assertThat(transactions.execute(t -> journey.remove(id)).booleanValue()).isTrue();
        assertThat(rows(person)).isZero();
        assertThat(events.stream(JourneyEventRemoved.class).filter(e -> e.personId().equals(person)))
                .endsWith(new JourneyEventRemoved(person, coach.organisationId(), corrected, JourneyKind.KONTAKT));
        assertThat(transactions.execute(t -> journey.remove(id)).booleanValue()).as("already gone").isFalse();
    }
}
