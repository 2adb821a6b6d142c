package se.lots.progression.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.lots.IntegrationTest;
import se.lots.plan.Enrolment;
import se.lots.plan.EnrolmentInput;
import se.lots.plan.EnrolmentService;
import se.lots.plan.PlanService;
import se.lots.progression.FunderReportService;
import se.lots.progression.GoalIndicator;
import se.lots.progression.GoalInput;
import se.lots.progression.GoalResult;
import se.lots.progression.report.FunderReports;
import se.lots.progression.report.GoalMeasureCache;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.shared.InvalidInputException;

/**
 * Group activities ("en gruppaktivitet per vecka", seed 002): recorded once for those who took part, on each one's
 * journey, all or none; the goal "group activities per participant-week" counted by hand on a small cohort, and kept
 * by the goals page like every other measure.
 */
@IntegrationTest
class ProgressionGroupActivityIntegrationTest {

    static final LocalDate TODAY = LocalDate.now();
    static final Locale SV = Locale.forLanguageTag("sv");

    @Autowired
    ProgrammeFollowUpService followUp;
    @Autowired
    FunderReportService reports;
    @Autowired
    FunderReports funderReports;
    @Autowired
    GoalMeasureCache cache;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    se.lots.plan.journey.Journey journey;
    @Autowired
    PlanService plans;
    @Autowired
    RegistryService registry;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;
    @Autowired
    PlatformTransactionManager transactionManager;

    Enrolment enrol(Actor lead, long programme, String name) {
        UUID person = registry.register(lead, aYoungPerson().named(name, "Gruppsson").build()).id();
        return enrolments.enrol(lead, person, new EnrolmentInput(String.valueOf(programme),
                TODAY.minusDays(30).toString(), null, null, "Behöver stöd"));
    }

    long groupActivities(UUID person) {
        return jdbc.sql("SELECT count(*) FROM journey_event WHERE person_id = ? AND kind = 'GRUPPAKTIVITET'")
                .param(person).query(Long.class).single();
    }

    GoalResult groupGoal(Actor lead, long programme, LocalDate from, LocalDate to) {
        return reports.measure(lead, programme, reports.period(from.toString(), to.toString())).stream()
                .filter(r -> r.goal().indicator() == GoalIndicator.GROUP_ACTIVITIES_PER_WEEK).findFirst().orElseThrow();
    }

    @Test
    void aGroupActivityIsRecordedForThoseEnrolledOnTheDayAndCountedPerParticipantWeek() {
        Actor lead = actors.byUsername("insatsledare");
        long programme = enrolments.saveProgramme(lead, "Gruppen " + UUID.randomUUID());
        reports.addGoal(lead, programme, new GoalInput("GROUP_ACTIVITIES_PER_WEEK", null, null, null, "1"));
        reports.addGoal(lead, programme, new GoalInput("CONTACTS_PER_WEEK", null, null, null, "1"));
        Enrolment a = enrol(lead, programme, "Alva");
        Enrolment b = enrol(lead, programme, "Bo");
        Enrolment c = enrol(lead, programme, "Cia");
        enrolments.discharge(lead, c.id(), TODAY.minusDays(10).toString(), "AVBRUTIT", c.version());

        assertThat(followUp.recordGroupActivity(lead, programme, TODAY.minusDays(20).toString(), "CV-verkstad",
                List.of(a.id().toString(), b.id().toString(), c.id().toString(), a.id().toString()))).isEqualTo(3);
        // Cia was discharged ten days ago: the whole registration is refused, nobody's journey gets it
        assertThatThrownBy(() -> followUp.recordGroupActivity(lead, programme, TODAY.minusDays(5).toString(),
                "Studiebesök", List.of(a.id().toString(), c.id().toString())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.texts(messages, SV)
                        .get("groupParticipants")).contains("inte inskriven i programmet den dagen"));
        assertThat(groupActivities(a.personId())).isEqualTo(1);
        followUp.recordGroupActivity(lead, programme, TODAY.minusDays(5).toString(), "Studiebesök",
                List.of(a.id().toString(), b.id().toString()));
        // a contact is not a group activity, and a group activity is not a contact
        plans.recordContact(lead, a.personId(), TODAY.minusDays(5).toString(), "Samtal", false);

        // the units keep them (V33) as their source computes them, for the period that holds them all
        assertThat(jdbc.sql("SELECT count(*) FROM ((SELECT * FROM follow_up_unit WHERE programme_id = ? EXCEPT"
                + " SELECT * FROM follow_up_unit_source WHERE programme_id = ?) UNION ALL (SELECT * FROM"
                + " follow_up_unit_source WHERE programme_id = ? EXCEPT SELECT * FROM follow_up_unit"
                + " WHERE programme_id = ?)) d").params(programme, programme, programme, programme)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT group_activities FROM follow_up_unit WHERE programme_id = ? ORDER BY 1")
                .param(programme).query(Integer.class).list()).containsExactly(1, 2, 2);
        // 30 days ago to yesterday: 5 attendances over 30 + 30 + 21 participant-days
        GoalResult whole = groupGoal(lead, programme, TODAY.minusDays(30), TODAY.minusDays(1));
        assertThat(whole.numerator().count()).isEqualTo(5);
        assertThat(whole.denominator().count()).isEqualTo(3);
        assertThat(whole.value()).isEqualByComparingTo(BigDecimal.valueOf(5 * 7.0 / 81).setScale(2,
                java.math.RoundingMode.HALF_UP));
        assertThat(whole.met()).isFalse();
        GoalResult contacts = reports.measure(lead, programme, reports.period(TODAY.minusDays(30).toString(),
                TODAY.minusDays(1).toString())).stream()
                .filter(r -> r.goal().indicator() == GoalIndicator.CONTACTS_PER_WEEK).findFirst().orElseThrow();
        assertThat(contacts.numerator().count()).isEqualTo(1);
        // the last 15 days: the second activity only, over 15 + 15 + 6 participant-days
        GoalResult late = groupGoal(lead, programme, TODAY.minusDays(15), TODAY.minusDays(1));
        assertThat(late.numerator().count()).isEqualTo(2);
        assertThat(late.value()).isEqualByComparingTo("0.39");

        // the participants behind it, with each one's attendances
        long goalId = whole.goal().id();
        assertThat(reports.behind(lead, programme, goalId, reports.period(TODAY.minusDays(30).toString(),
                TODAY.minusDays(1).toString()))).extracting(FunderReportService.Behind::amount)
                .containsExactlyInAnyOrder(2L, 2L, 1L);
        // audited per person
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE person_id = ? AND action = 'CREATE' AND detail = 'gruppaktivitet'")
                .param(a.personId()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void wrongInputIsRefusedWithTheFieldNamedAndNothingIsWritten() {
        Actor lead = actors.byUsername("insatsledare");
        long programme = enrolments.saveProgramme(lead, "Gruppfel " + UUID.randomUUID());
        Enrolment a = enrol(lead, programme, "Dan");
        assertThatThrownBy(() -> followUp.recordGroupActivity(lead, programme, TODAY.toString(), "Träff", List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.texts(messages, SV))
                        .containsEntry("groupParticipants", "Välj minst en deltagare som var med."));
        assertThatThrownBy(() -> followUp.recordGroupActivity(lead, programme, TODAY.plusDays(1).toString(), " ",
                List.of(a.id().toString())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.texts(messages, SV))
                        .containsKeys("groupOn", "groupNote"));
        // an enrolment of another programme is not this one's participant
        Enrolment elsewhere = enrol(lead, enrolments.saveProgramme(lead, "Annan " + UUID.randomUUID()), "Eva");
        assertThatThrownBy(() -> followUp.recordGroupActivity(lead, programme, TODAY.toString(), "Träff",
                List.of(elsewhere.id().toString()))).isInstanceOf(InvalidInputException.class);
        assertThat(groupActivities(a.personId()) + groupActivities(elsewhere.personId())).isZero();
    }

    @Test
    void anotherOrganisationCannotRecordForTheProgrammesParticipants() {
        Actor lead = actors.byUsername("insatsledare");
        long programme = enrolments.saveProgramme(lead, "Gruppägd " + UUID.randomUUID());
        Enrolment a = enrol(lead, programme, "Fia");
        Actor other = actors.byUsername("af");
        assertThat(other.organisationId()).isNotEqualTo(lead.organisationId());
        assertThatThrownBy(() -> followUp.recordGroupActivity(other, programme, TODAY.toString(), "Träff",
                List.of(a.id().toString()))).isInstanceOf(AccessDeniedException.class);
        assertThat(groupActivities(a.personId())).isZero();
    }

    @Test
    void aKeptGoalMeasureFollowsGroupActivitiesWrittenAndRemoved() {
        Actor lead = actors.byUsername("insatsledare");
        long programme = enrolments.saveProgramme(lead, "Gruppminne " + UUID.randomUUID());
        reports.addGoal(lead, programme, new GoalInput("GROUP_ACTIVITIES_PER_WEEK", null, null, null, "1"));
        Enrolment a = enrol(lead, programme, "Gus");
        Enrolment b = enrol(lead, programme, "Hed");
        LocalDate from = TODAY.minusDays(40);
        assertThat(groupGoal(lead, programme, from, TODAY).numerator().count()).isZero();
        long keptBefore = cache.keptCount();
        assertThat(groupGoal(lead, programme, from, TODAY).numerator().count()).isZero();
        assertThat(cache.keptCount()).isEqualTo(keptBefore + 1);

        long updated = cache.updatedCount();
        followUp.recordGroupActivity(lead, programme, TODAY.minusDays(3).toString(), "Promenad",
                List.of(a.id().toString(), b.id().toString()));
        assertThat(groupGoal(lead, programme, from, TODAY).numerator().count()).isEqualTo(2);
        assertThat(cache.updatedCount()).as("brought up to date, not kept as it was").isEqualTo(updated + 1);
        new TransactionTemplate(transactionManager).executeWithoutResult(x -> jdbc.sql(
                "SELECT id FROM plan_journey_event WHERE person_id = ? AND kind = 'GRUPPAKTIVITET'")
                .param(b.personId()).query(Long.class).list().forEach(journey::remove));
        assertThat(groupGoal(lead, programme, from, TODAY).numerator().count()).isEqualTo(1);

        var key = new GoalMeasureCache.Key(programme, lead.organisationId(), from, TODAY,
                reports.goals(lead, programme));
        var t = new TransactionTemplate(transactionManager);
        t.setIsolationLevel(TransactionTemplate.ISOLATION_REPEATABLE_READ);
        t.setReadOnly(true);
        java.util.Map<Long, FunderReports.Measured> kept = t.execute(x -> cache.measured(key));
        java.util.Map<Long, FunderReports.Measured> all = t.execute(x -> funderReports.goals(programme,
                lead.organisationId(), from, TODAY, key.goals()));
        assertThat(kept).isEqualTo(all);
    }
}
