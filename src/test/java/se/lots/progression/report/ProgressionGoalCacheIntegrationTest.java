package se.lots.progression.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import se.lots.IntegrationTest;
import se.lots.organisation.OrganisationId;
import se.lots.plan.Enrolment;
import se.lots.plan.EnrolmentChanged;
import se.lots.plan.EnrolmentInput;
import se.lots.plan.JourneyKind;
import se.lots.plan.EnrolmentService;
import se.lots.plan.PlanService;
import se.lots.plan.journey.Journey;
import se.lots.progression.FunderReportService;
import se.lots.progression.GoalIndicator;
import se.lots.progression.GoalInput;
import se.lots.progression.GoalResult;
import se.lots.progression.ProgrammeGoal;
import se.lots.progression.registration.RegistrationKind;
import se.lots.progression.registration.RegistrationService;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * The goals page keeps its measures until the programme's units change (GoalMeasureCache, V32): never a stale
 * figure, whoever writes and whenever they commit, and no work again for writes that change nothing it counts.
 */
@IntegrationTest
class ProgressionGoalCacheIntegrationTest {

    static final LocalDate TODAY = LocalDate.now();

    @Autowired
    FunderReportService reports;
    @Autowired
    GoalMeasureCache cache;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    PlanService plans;
    @Autowired
    RegistryService registry;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    RegistrationService registrations;
    @Autowired
    Journey journey;
    @Autowired
    ApplicationEventPublisher events;

    record Programme(long id, Enrolment first, Enrolment second) {
    }

    Enrolment enrol(Actor lead, long programme) {
        UUID person = registry.register(lead, aYoungPerson().named("Mål", "Minnesdotter").build()).id();
        Enrolment e = enrolments.enrol(lead, person, new EnrolmentInput(String.valueOf(programme),
                TODAY.minusDays(60).toString(), null, null, "Behöver stöd"));
        plans.create(lead, person);
        return e;
    }

    /** Two participants enrolled 60 days ago, no contacts yet; goals: participants and contacts per week. */
    Programme programme(Actor lead) {
        long id = enrolments.saveProgramme(lead, "Minnet " + UUID.randomUUID());
        reports.addGoal(lead, id, new GoalInput("PARTICIPANTS", null, null, null, "2"));
        reports.addGoal(lead, id, new GoalInput("CONTACTS_PER_WEEK", null, null, null, "1"));
        return new Programme(id, enrol(lead, id), enrol(lead, id));
    }

    long contacts(Actor lead, long programme, FunderReportService.Period period) {
        return indicator(lead, programme, period, GoalIndicator.CONTACTS_PER_WEEK).numerator().count();
    }

    GoalResult indicator(Actor lead, long programme, FunderReportService.Period period, GoalIndicator indicator) {
        return reports.measure(lead, programme, period).stream().filter(r -> r.goal().indicator() == indicator)
                .findFirst().orElseThrow();
    }

    /**
     * A contact written to the journey by another transaction (another user, another instance of Lots), on its own
     * thread, committed or rolled back when the test says: the journey publishes it and the follow-up units follow in
     * that transaction. It writes through the journey itself, not the plan page's service, so that two writers are
     * not serialised by the audit log's lock.
     */
    final class ContactWriter implements AutoCloseable {

        private final java.util.concurrent.CompletableFuture<Boolean> decision = new java.util.concurrent.CompletableFuture<>();
        private final java.util.concurrent.CompletableFuture<Void> written = new java.util.concurrent.CompletableFuture<>();
        private final Thread thread;

        ContactWriter(Actor lead, UUID person, LocalDate on) {
            thread = new Thread(() -> {
                try {
                    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                        journey.record(person, lead.organisationId(), null, on, JourneyKind.KONTAKT, "Samtal", null,
                                false, null);
                        written.complete(null);
                        if (!decision.join()) {
                            status.setRollbackOnly();
                        }
                    });
                } catch (RuntimeException e) {
                    written.completeExceptionally(e);
                }
            });
            thread.start();
            written.join();
        }

        void commit() {
            decide(true);
        }

        void rollback() {
            decide(false);
        }

        private void decide(boolean commit) {
            decision.complete(commit);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            decide(false);
        }
    }

    /** Removes one of the person's journey rows of that kind, as a correction or gallring would. */
    void removeFirst(UUID person, String kind) {
        transactions.executeWithoutResult(t -> jdbc.sql(
                "SELECT min(id) FROM plan_journey_event WHERE person_id = ? AND kind = ?").params(person, kind)
                .query(Long.class).optional().ifPresent(journey::remove));
    }

    @Test
    void aMeasureIsKeptUntilTheProgrammesUnitsChange() {
        Actor lead = actors.byUsername("insatsledare");
        Programme p = programme(lead);
        var period = reports.period(TODAY.minusDays(100).toString(), TODAY.toString());
        assertThat(indicator(lead, p.id(), period, GoalIndicator.PARTICIPANTS).numerator().count()).isEqualTo(2);
        long kept = cache.keptCount();

        assertThat(contacts(lead, p.id(), period)).isZero();
        assertThat(cache.keptCount()).as("the same view again").isEqualTo(kept + 1);

        // another programme's enrolment is not this programme's change
        enrol(lead, enrolments.saveProgramme(lead, "Annat " + UUID.randomUUID()));
        assertThat(contacts(lead, p.id(), period)).isZero();
        assertThat(cache.keptCount()).isEqualTo(kept + 2);

        // a contact through the plan: measured again, and kept again after that
        long updated = cache.updatedCount();
        plans.recordContact(lead, p.first().personId(), TODAY.minusDays(3).toString(), "Samtal", false);
        assertThat(contacts(lead, p.id(), period)).isEqualTo(1);
        assertThat(cache.keptCount()).isEqualTo(kept + 2);
        assertThat(cache.updatedCount()).as("brought up to date from the one unit changed").isEqualTo(updated + 1);
        assertThat(contacts(lead, p.id(), period)).isEqualTo(1);
        assertThat(cache.keptCount()).isEqualTo(kept + 3);

        // a write to the enrolment that changes nothing the unit holds leaves the measure alone
        transactions.executeWithoutResult(t -> events.publishEvent(new EnrolmentChanged(p.first().id(),
                p.first().personId())));
        assertThat(contacts(lead, p.id(), period)).isEqualTo(1);
        assertThat(cache.keptCount()).isEqualTo(kept + 4);

        // a contact rolled back was never there
        try (ContactWriter c = new ContactWriter(lead, p.second().personId(), TODAY.minusDays(2))) {
            c.rollback();
        }
        assertThat(contacts(lead, p.id(), period)).isEqualTo(1);
        assertThat(cache.keptCount()).isEqualTo(kept + 5);

        // a discharge changes the participants' unit: the participant count for a period after it drops
        enrolments.discharge(lead, p.second().id(), TODAY.minusDays(1).toString(), "ARBETE", p.second().version());
        var today = reports.period(TODAY.toString(), TODAY.toString());
        assertThat(indicator(lead, p.id(), today, GoalIndicator.PARTICIPANTS).numerator().count()).isEqualTo(1);
        assertThat(indicator(lead, p.id(), period, GoalIndicator.PARTICIPANTS).numerator().count()).isEqualTo(2);
    }

    @Test
    void aWriteStillRunningWhenMeasuredIsCountedOnceItCommits() {
        Actor lead = actors.byUsername("insatsledare");
        Programme p = programme(lead);
        var period = reports.period(TODAY.minusDays(100).toString(), TODAY.toString());
        assertThat(contacts(lead, p.id(), period)).isZero();

        // kept while the writer runs (its contact is not there yet), then measured again once it has committed
        try (ContactWriter writer = new ContactWriter(lead, p.first().personId(), TODAY.minusDays(5))) {
            // a later transaction commits meanwhile (another programme), so the writer is older than the snapshots
            // that follow: only its being invisible to them, not its number, tells that it came after
            enrol(lead, enrolments.saveProgramme(lead, "Under tiden " + UUID.randomUUID()));
            long kept = cache.keptCount();
            assertThat(contacts(lead, p.id(), period)).isZero();
            assertThat(contacts(lead, p.id(), period)).isZero();
            assertThat(cache.keptCount()).isEqualTo(kept + 2);
            writer.commit();
        }
        assertThat(contacts(lead, p.id(), period)).isEqualTo(1);

        // measured for the first time while a writer runs: the measure cannot hold once that writer commits
        var other = reports.period(TODAY.minusDays(90).toString(), TODAY.toString());
        try (ContactWriter writer = new ContactWriter(lead, p.second().personId(), TODAY.minusDays(4))) {
            enrol(lead, enrolments.saveProgramme(lead, "Under tiden " + UUID.randomUUID()));
            assertThat(contacts(lead, p.id(), other)).isEqualTo(1);
            writer.commit();
        }
        long kept = cache.keptCount();
        assertThat(contacts(lead, p.id(), other)).isEqualTo(2);
        assertThat(cache.keptCount()).isEqualTo(kept);

        // and two writers at once of the same programme do not wait for each other's change-log row
        try (ContactWriter one = new ContactWriter(lead, p.first().personId(), TODAY.minusDays(3));
                ContactWriter two = new ContactWriter(lead, p.second().personId(), TODAY.minusDays(3))) {
            two.commit();
            one.commit();
        }
        assertThat(contacts(lead, p.id(), period)).isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(DISTINCT xid) FROM follow_up_unit_before WHERE programme_id = ?")
                .param(p.id()).query(Long.class).single()).as("each writer logs its own rows").isGreaterThanOrEqualTo(4);
    }

    /**
     * follow_up_cohort_as_seen repeats follow_up_cohort's rules over the images of V32's log: the cohort as a snapshot
     * saw it must be, column by column, the cohort read under that snapshot, for periods whose ends fall on the
     * participants' start and discharge days.
     */
    @Test
    void theCohortAsASnapshotSawItIsTheCohortReadThen() {
        Actor lead = actors.byUsername("insatsledare");
        long id = enrolments.saveProgramme(lead, "Bilden " + UUID.randomUUID());
        var enrolled = new java.util.ArrayList<Enrolment>();
        for (int days : new int[] { 100, 80, 60, 40 }) {
            UUID person = registry.register(lead, aYoungPerson().named("Bild", "Sson").build()).id();
            Enrolment e = enrolments.enrol(lead, person, new EnrolmentInput(String.valueOf(id),
                    TODAY.minusDays(days).toString(), null, null, "Behöver stöd"));
            plans.create(lead, person);
            plans.recordContact(lead, person, TODAY.minusDays(days - 5).toString(), "Samtal", false);
            enrolled.add(e);
        }
        registrations.save(lead, enrolled.get(0).id(), RegistrationKind.START, ProgressionFunderReportIntegrationTest
                .registration(TODAY.minusDays(100), "ARBETSSOKANDE", "A_KASSA", null));
        enrolments.discharge(lead, enrolled.get(0).id(), TODAY.minusDays(50).toString(), "ARBETE",
                enrolments.enrolment(enrolled.get(0).id()).orElseThrow().version());
        registrations.save(lead, enrolled.get(0).id(), RegistrationKind.SLUT, ProgressionFunderReportIntegrationTest
                .registration(TODAY.minusDays(50), "ARBETAR", "LON", null));
        enrolments.discharge(lead, enrolled.get(1).id(), TODAY.minusDays(30).toString(), "AVBRUTIT",
                enrolments.enrolment(enrolled.get(1).id()).orElseThrow().version());
        var periods = List.of(List.of(TODAY.minusDays(50), TODAY), List.of(TODAY.minusDays(49), TODAY),
                List.of(TODAY.minusDays(200), TODAY.minusDays(50)), List.of(TODAY.minusDays(30), TODAY.minusDays(30)),
                List.of(TODAY.minusDays(100), TODAY.minusDays(95)), List.of(TODAY.minusDays(60), TODAY.minusDays(10)));
        var then = new java.util.ArrayList<List<String>>();
        for (var period : periods) {
            then.add(cohort("SELECT c::text FROM follow_up_cohort(:programme, :from, :to) c ORDER BY c.id", id,
                    period, null, null));
        }
        String snapshot = jdbc.sql("SELECT pg_current_snapshot()::text").query(String.class).single();

        for (Enrolment e : enrolled) {
            plans.recordContact(lead, e.personId(), TODAY.minusDays(2).toString(), "Samtal", false);
        }
        enrolments.discharge(lead, enrolled.get(2).id(), TODAY.minusDays(1).toString(), "STUDIER",
                enrolments.enrolment(enrolled.get(2).id()).orElseThrow().version());
        registrations.save(lead, enrolled.get(3).id(), RegistrationKind.START, ProgressionFunderReportIntegrationTest
                .registration(TODAY.minusDays(40), "STUDERAR", "STUDIEMEDEL", null));
        UUID[] changed = enrolled.stream().map(Enrolment::id).toArray(UUID[]::new);
        for (int n = 0; n < periods.size(); n++) {
            assertThat(cohort("SELECT c::text FROM follow_up_cohort_as_seen(:programme, :from, :to, :changed, :kept) c"
                    + " ORDER BY c.id", id, periods.get(n), changed, snapshot)).as("period %s", periods.get(n))
                    .isNotEmpty().isEqualTo(then.get(n));
        }
    }

    private List<String> cohort(String sql, long programme, List<LocalDate> period, UUID[] changed, String kept) {
        var statement = jdbc.sql(sql).param("programme", programme).param("from", period.get(0))
                .param("to", period.get(1));
        if (changed != null) {
            statement = statement.param("changed", new org.springframework.jdbc.support.SqlArrayValue("uuid",
                    (Object[]) changed)).param("kept", kept);
        }
        return statement.query(String.class).list();
    }

    @Autowired
    FunderReports funderReports;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    Map<Long, FunderReports.Measured> inRepeatableRead(java.util.function.Supplier<Map<Long, FunderReports.Measured>> s) {
        var t = new TransactionTemplate(transactionManager);
        t.setIsolationLevel(TransactionTemplate.ISOLATION_REPEATABLE_READ);
        t.setReadOnly(true);
        return t.execute(x -> s.get());
    }

    void step(Actor lead, UUID person) {
        long track = plans.page(lead, person).tracks().stream().map(se.lots.plan.PlanTrack::id).findFirst()
                .orElseThrow();
        plans.addStep(lead, person, new se.lots.plan.StepInput(String.valueOf(track), "Praktik", "KOMMUNEN", null,
                null, null, null, null, null, null, null, "PLANERAD", null, false, List.of(), null));
    }

    /**
     * Every kind of write, in a seeded random order, to a programme with every goal, and after each one the kept
     * measures, brought up to date from the changed units, equal the measures read from all units, for a period
     * that holds everything, one that cuts the contacts and one that ended before most of the writes' days.
     */
    @Test
    void keptMeasuresBroughtUpToDateEqualMeasuresFromAllUnitsAfterEveryKindOfWrite() {
        Actor lead = actors.byUsername("insatsledare");
        long id = enrolments.saveProgramme(lead, "Slump " + UUID.randomUUID());
        reports.addGoal(lead, id, new GoalInput("DISCHARGED_WITH_PLAN", null, null, null, "80"));
        reports.addGoal(lead, id, new GoalInput("PLAN_WITHIN_MONTHS", "0", "120", "2", "50"));
        reports.addGoal(lead, id, new GoalInput("PARTICIPANTS", null, null, null, "20"));
        reports.addGoal(lead, id, new GoalInput("DISCHARGED_TO_WORK_OR_STUDIES", null, null, null, "50"));
        reports.addGoal(lead, id, new GoalInput("CONTACTS_PER_WEEK", null, null, null, "1"));
        reports.addGoal(lead, id, new GoalInput("GROUP_ACTIVITIES_PER_WEEK", null, null, null, "1"));
        List<ProgrammeGoal> goals = reports.goals(lead, id);
        var random = new java.util.Random(20261203);
        var enrolled = new java.util.ArrayList<Enrolment>();
        var discharged = new java.util.HashSet<UUID>();
        for (int days : new int[] { 300, 200, 120, 45 }) {
            UUID person = registry.register(lead, aYoungPerson().named("Slump", "Sson").build()).id();
            enrolled.add(enrolments.enrol(lead, person, new EnrolmentInput(String.valueOf(id),
                    TODAY.minusDays(days).toString(), null, null, "Behöver stöd")));
            plans.create(lead, person);
            plans.recordContact(lead, person, TODAY.minusDays(days - 10).toString(), "Samtal", false);
            plans.recordContact(lead, person, TODAY.minusDays(5).toString(), "Samtal", false);
        }
        var keys = List.of(
                new GoalMeasureCache.Key(id, lead.organisationId(), TODAY.minusDays(400), TODAY, goals),
                new GoalMeasureCache.Key(id, lead.organisationId(), TODAY.minusDays(60), TODAY.minusDays(2), goals),
                new GoalMeasureCache.Key(id, lead.organisationId(), TODAY.minusDays(400), TODAY.minusDays(150), goals));
        keys.forEach(k -> inRepeatableRead(() -> cache.measured(k)));
        long updatedBefore = cache.updatedCount();

        for (int n = 0; n < 30; n++) {
            Enrolment e = enrolled.get(random.nextInt(enrolled.size()));
            int op = random.nextInt(11);
            LocalDate day = TODAY.minusDays(3 + random.nextInt(40));
            String what = "write " + n + " (kind " + op + ")";
            switch (op) {
                case 0 -> plans.recordContact(lead, e.personId(), day.toString(), "Samtal", false);
                case 1 -> removeFirst(e.personId(), "KONTAKT");
                case 2 -> transactions.executeWithoutResult(t -> jdbc.sql("SELECT max(id) FROM plan_journey_event"
                        + " WHERE person_id = ? AND kind = 'KONTAKT'").param(e.personId()).query(Long.class)
                        .optional().ifPresent(last -> journey.redate(last, day)));
                case 3 -> {
                    if (discharged.add(e.id())) {
                        enrolments.discharge(lead, e.id(), TODAY.minusDays(1 + random.nextInt(3)).toString(),
                                random.nextBoolean() ? "ARBETE" : "AVBRUTIT", e.version());
                    }
                }
                case 4 -> registrations.save(lead, e.id(), RegistrationKind.START,
                        ProgressionFunderReportIntegrationTest.registration(e.startedOn(), "ARBETSSOKANDE",
                                "A_KASSA", null));
                case 5 -> {
                    if (discharged.contains(e.id())) {
                        registrations.save(lead, e.id(), RegistrationKind.SLUT,
                                ProgressionFunderReportIntegrationTest.registration(TODAY.minusDays(1), "STUDERAR",
                                        "STUDIEMEDEL", null));
                    }
                }
                case 6 -> step(lead, e.personId());
                case 9 -> plans.recordGroupActivity(lead, List.of(e.personId(),
                        enrolled.get(random.nextInt(enrolled.size())).personId()), day.toString(), "Grupp");
                case 10 -> removeFirst(e.personId(), "GRUPPAKTIVITET");
                case 7 -> {
                    UUID person = registry.register(lead, aYoungPerson().named("Ny", "Sson").build()).id();
                    enrolled.add(enrolments.enrol(lead, person, new EnrolmentInput(String.valueOf(id),
                            day.toString(), null, null, "Behöver stöd")));
                    plans.create(lead, person);
                }
                default -> {
                    // a writer still running while the measures are brought up to date, committed afterwards
                    try (ContactWriter writer = new ContactWriter(lead, e.personId(), day)) {
                        check(keys, what + ", running");
                        writer.commit();
                    }
                }
            }
            check(keys, what);
        }
        assertThat(cache.updatedCount() - updatedBefore).as("brought up to date, not measured again")
                .isGreaterThanOrEqualTo(20);
    }

    private void check(List<GoalMeasureCache.Key> keys, String what) {
        for (var k : keys) {
            var kept = inRepeatableRead(() -> cache.measured(k));
            var all = inRepeatableRead(() -> funderReports.goals(k.programmeId(), k.organisationId(), k.from(), k.to(),
                    k.goals()));
            assertThat(kept).as("%s, period %s–%s", what, k.from(), k.to()).isEqualTo(all);
        }
    }

    @Test
    void theHourlyMeasureOfTheDefaultPeriodMakesTheFirstViewAKeptOneAndFollowsTheWrites() {
        Actor lead = actors.byUsername("insatsledare");
        Programme p = programme(lead);
        var yearSoFar = reports.period(null, null);
        long withGoals = jdbc.sql("SELECT count(DISTINCT programme_id) FROM programme_goal").query(Long.class).single();
        assertThat(reports.measureDefaultPeriods()).isEqualTo((int) withGoals);

        long kept = cache.keptCount();
        long updated = cache.updatedCount();
        reports.measure(lead, p.id(), yearSoFar);
        assertThat(cache.keptCount()).as("the first view of the year so far").isEqualTo(kept + 1);

        // a contact, then the next hourly run: it brings the kept measure up to date, and the view after it is kept
        plans.recordContact(lead, p.first().personId(), TODAY.toString(), "Samtal", false);
        reports.measureDefaultPeriods();
        assertThat(cache.updatedCount()).isGreaterThan(updated);
        long keptAfterRun = cache.keptCount();
        assertThat(contacts(lead, p.id(), yearSoFar)).isEqualTo(1);
        assertThat(cache.keptCount()).isEqualTo(keptAfterRun + 1);
        var all = inRepeatableRead(() -> funderReports.goals(p.id(), lead.organisationId(), yearSoFar.from(),
                yearSoFar.to(), reports.goals(lead, p.id())));
        assertThat(inRepeatableRead(() -> cache.measured(new GoalMeasureCache.Key(p.id(), lead.organisationId(),
                yearSoFar.from(), yearSoFar.to(), reports.goals(lead, p.id()))))).isEqualTo(all);
    }

    @Test
    void aContactMovedBetweenTheFirstAndTheLastIsCountedWhereItNowIs() {
        Actor lead = actors.byUsername("insatsledare");
        Programme p = programme(lead);
        for (int days : new int[] { 50, 30, 5 }) {
            plans.recordContact(lead, p.first().personId(), TODAY.minusDays(days).toString(), "Samtal", false);
        }
        // the period cuts the contacts: 30 and 5 days ago are in it
        var cut = reports.period(TODAY.minusDays(40).toString(), TODAY.toString());
        assertThat(contacts(lead, p.id(), cut)).isEqualTo(2);
        // the middle one moved out of the period: the unit's count, first and last day stay as they were
        transactions.executeWithoutResult(t -> journey.redate(jdbc.sql("SELECT id FROM plan_journey_event"
                + " WHERE person_id = ? AND kind = 'KONTAKT' AND occurred_on = ?")
                .params(p.first().personId(), TODAY.minusDays(30)).query(Long.class).single(), TODAY.minusDays(45)));
        assertThat(contacts(lead, p.id(), cut)).isEqualTo(1);
    }

    @Test
    void measuresAreKeptOnlyFromARepeatableReadTransaction() {
        var key = new GoalMeasureCache.Key(1, new OrganisationId(1), TODAY, TODAY, List.of());
        assertThatThrownBy(() -> transactions.executeWithoutResult(
                t -> cache.measured(key))).isInstanceOf(IllegalStateException.class);
    }
}
