package se.lots.progression.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.time.LocalDate;
import java.util.HashMap;
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
import se.lots.shared.InvalidInputException;

/** Instruments as configuration: scoring by SUM and MEAN, scales enforced per item, series and their trend. */
@IntegrationTest
class ProgressionAssessmentIntegrationTest {

    @Autowired
    AssessmentService assessments;
    @Autowired
    InstrumentService instruments;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    RegistryService registry;
    @Autowired
    CurrentActor actors;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcClient jdbc;

    Enrolment enrolled(Actor lead) {
        UUID person = registry.register(lead, aYoungPerson().named("Skattning", "Testsson").build()).id();
        long programme = enrolments.saveProgramme(lead, "Skattningstest");
        return enrolments.enrol(lead, person, new EnrolmentInput(String.valueOf(programme),
                LocalDate.now().minusMonths(4).toString(), null, null, "Stöd"));
    }

    Instrument ors() {
        return instruments.instruments(actors.byUsername("demoadmin"), true).stream().filter(i -> i.name().startsWith("Skattning av mående"))
                .findFirst().orElseThrow();
    }

    static AssessmentInput scores(Instrument instrument, Rater rater, LocalDate on, String... values) {
        Map<Long, String> scores = new HashMap<>();
        List<InstrumentItem> items = instrument.itemsFor(rater);
        for (int i = 0; i < values.length; i++) {
            scores.put(items.get(i).id(), values[i]);
        }
        return new AssessmentInput(String.valueOf(instrument.id()), rater.name(), on.toString(), scores);
    }

    @Test
    void theOrsStyleScaleIsSummedAndAnOutOfScaleItemIsRefusedNamingTheItem() {
        Actor lead = actors.byUsername("insatsledare");
        Enrolment e = enrolled(lead);
        Instrument ors = ors();
        assertThat(ors.items()).hasSize(4);
        assertThat(ors.lowest(Rater.DEN_UNGE)).isEqualByComparingTo("0");
        assertThat(ors.highest(Rater.DEN_UNGE)).isEqualByComparingTo("40");
        assertThat(ors.cutOff()).isEqualByComparingTo("25");
        assertThat(ors.reliableChange()).isEqualByComparingTo("5");

        LocalDate day = LocalDate.now().minusWeeks(10);
        assertThat(assessments.record(lead, e.id(), scores(ors, Rater.DEN_UNGE, day, "3", "5", "4", "6")).total())
                .isEqualByComparingTo("18");
        try {
            assessments.record(lead, e.id(), scores(ors, Rater.DEN_UNGE, day, "3", "11", "4", "6"));
            throw new AssertionError("an 11 on a 0–10 scale was accepted");
        } catch (InvalidInputException ex) {
            String item = ors.items().get(1).label();
            assertThat(ex.texts(messages, Locale.forLanguageTag("sv")))
                    .containsEntry("score_" + ors.items().get(1).id(),
                            "Fråga ”" + item + "”: värdet ska ligga mellan 0 och 10 i steg om 1.");
        }
        assertThatThrownBy(() -> assessments.record(lead, e.id(), scores(ors, Rater.DEN_UNGE, day, "3", "2,5", "4",
                "6"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> assessments.record(lead, e.id(), scores(ors, Rater.DEN_UNGE, day, "3", "2", "4")))
                .isInstanceOf(InvalidInputException.class);
        // the case worker does not rate the young person's own well-being
        assertThatThrownBy(() -> assessments.record(lead, e.id(), new AssessmentInput(
                String.valueOf(ors.id()), "HANDLAGGARE", day.toString(), Map.of(ors.items().get(0).id(), "3"))))
                .isInstanceOf(InvalidInputException.class);

        assessments.record(lead, e.id(), scores(ors, Rater.DEN_UNGE, day.plusWeeks(6), "7", "6", "6", "7"));
        List<AssessmentSeries> series = assessments.series(lead, e.id());
        assertThat(series).singleElement().satisfies(s -> {
            assertThat(s.assessments()).extracting(Assessment::total).extracting(Object::toString)
                    .containsExactly("18", "26");
            assertThat(s.progress().trend()).isEqualTo(ReliableChangePolicy.Trend.IMPROVED);
            assertThat(s.progress().clinicallySignificant()).isTrue();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE person_id = ? AND action = 'CREATE' "
                + "AND detail LIKE 'skattning %'").param(e.personId()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aConfiguredMeanInstrumentWithAYesNoItemIsScoredByItsRule() {
        Actor admin = actors.byUsername("demoadmin");
        Instrument mean = instruments.save(admin, null, new InstrumentInput("Testskala medel " + UUID.randomUUID(),
                null, "MEAN", null, "1", true, true, List.of(
                        new InstrumentInput.Item("Motivation", "1", "5", "1", "Låg", "Hög", "BADA"),
                        new InstrumentInput.Item("Har cv", "0", "1", "1", "Nej", "Ja", "HANDLAGGARE")), null));
        Actor lead = actors.byUsername("insatsledare");
        Enrolment e = enrolled(lead);
        LocalDate day = LocalDate.now().minusDays(1);
        assertThat(assessments.record(lead, e.id(), scores(mean, Rater.HANDLAGGARE, day, "4", "1")).total())
                .isEqualByComparingTo("2.5");
        assertThat(assessments.record(lead, e.id(), scores(mean, Rater.DEN_UNGE, day, "3")).total())
                .isEqualByComparingTo("3");
        assertThatThrownBy(() -> assessments.record(lead, e.id(), scores(mean, Rater.HANDLAGGARE, day, "4", "2")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(assessments.series(lead, e.id())).hasSize(2);

        assertThatThrownBy(() -> instruments.save(actors.byUsername("coach"), null, new InstrumentInput("X", null,
                "SUM", null, null, true, true, List.of(new InstrumentInput.Item("A", "0", "1", "1", null, null,
                        "BADA")), null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> instruments.save(admin, null, new InstrumentInput("Y " + UUID.randomUUID(), null,
                "SUM", null, null, true, true, List.of(new InstrumentInput.Item("A", "5", "1", "1", null, null,
                        "BADA")), null))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void assessmentsAreNotReadOrWrittenWithoutAccess() {
        Actor lead = actors.byUsername("insatsledare");
        Enrolment e = enrolled(lead);
        Instrument ors = ors();
        assessments.record(lead, e.id(), scores(ors, Rater.DEN_UNGE, LocalDate.now(), "3", "5", "4", "6"));
        for (String other : List.of("fk", "analytiker")) {
            Actor actor = actors.byUsername(other);
            assertThatThrownBy(() -> assessments.series(actor, e.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> assessments.record(actor, e.id(),
                    scores(ors, Rater.DEN_UNGE, LocalDate.now(), "3", "5", "4", "6")))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}
