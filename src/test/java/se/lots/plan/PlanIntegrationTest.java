package se.lots.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.consent.Consent;
import se.lots.consent.ConsentPurpose;
import se.lots.consent.ConsentScope;
import se.lots.consent.ConsentService;
import se.lots.consent.GivenHow;
import se.lots.consent.NewConsent;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.Role;
import se.lots.plan.enrolment.EnrolmentEndReason;
import se.lots.plan.journey.JourneyEvent;
import se.lots.plan.plans.Plan;
import se.lots.plan.plans.PlanConflict;
import se.lots.plan.plans.PlanInput;
import se.lots.plan.plans.PlanStep;
import se.lots.plan.plans.StepStatus;
import se.lots.plan.plans.TrackKind;
import se.lots.plan.worklist.CaseWorklist;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.shared.FieldError;
import se.lots.shared.InvalidInputException;

/**
 * One young person's plan worked on by the municipality's AME, Arbetsförmedlingen and the health centre: three
 * parallel tracks, steps owned by three organisations, what each sees with and without consent, confidential steps,
 * consent withdrawn mid-plan, and two case workers saving the same step.
 */
@IntegrationTest
class PlanIntegrationTest {

    @Autowired
    PlanService plans;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    RegistryService registry;
    @Autowired
    ConsentService consents;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseWorklist worklist;
    @Autowired
    OrganisationService organisationService;

    private UUID newPerson(Actor holder) {
        return registry.register(holder, aYoungPerson().named("Plan", "Testsson").build()).id();
    }

    private Consent planConsent(Actor holder, UUID person, Actor to) {
        return consents.record(holder, person, holder.organisationId(), new NewConsent(null, to.organisationId(),
                ConsentPurpose.SAMORDNING, List.of(ConsentScope.GRUNDUPPGIFTER, ConsentScope.PLAN),
                GivenHow.SKRIFTLIGT, null, LocalDate.now().plusMonths(6)));
    }

    private static long track(PlanPage page, TrackKind kind) {
        return page.tracks().stream().filter(t -> t.kind() == kind).findFirst().orElseThrow().id();
    }

    private static StepInput step(long track, String title, boolean confidential) {
        return new StepInput(String.valueOf(track), title, "KOMMUNEN", null, "Kim", "Så här", "Därför", "Nästa",
                "Hinder", "2026-01-10", "2026-03-01", "PLANERAD", null, confidential, List.of(), null);
    }

    @Test
    void threeOrganisationsWorkInParallelTracksAndEachSeesWhatConsentAllows() {
        Actor coach = actors.byUsername("coach");
        Actor af = actors.byUsername("af");
        Actor nurse = actors.byUsername("vardcentral");
        Actor fk = actors.byUsername("fk");
        UUID person = newPerson(coach);
        planConsent(coach, person, af);
        Consent nurseConsent = planConsent(coach, person, nurse);

        plans.create(coach, person);
        PlanPage page = plans.page(coach, person);
        assertThat(page.tracks()).extracting(PlanTrack::kind)
                .containsExactly(TrackKind.ARBETE, TrackKind.UTBILDNING, TrackKind.HALSA, TrackKind.VARDAG);
        plans.update(coach, person, new PlanInput("Jag vill jobba med djur", "Noggrann", null, "2026-04-01",
                page.plan().version()));
        plans.addStep(coach, person, step(track(page, TrackKind.VARDAG), "Boendestöd", false));
        plans.addStep(af, person, step(track(page, TrackKind.ARBETE), "Praktik på gården", false));
        plans.addStep(nurse, person, step(track(page, TrackKind.HALSA), "Hälsosamtal", false));
        plans.addStep(nurse, person, step(track(page, TrackKind.HALSA), "Samtal om sömn", true));

        assertThat(plans.page(coach, person).steps()).extracting(PlanStep::title)
                .containsExactlyInAnyOrder("Boendestöd", "Praktik på gården", "Hälsosamtal");
        assertThat(plans.page(af, person).steps()).extracting(PlanStep::title)
                .containsExactlyInAnyOrder("Boendestöd", "Praktik på gården", "Hälsosamtal");
        assertThat(plans.page(nurse, person).steps()).extracting(PlanStep::title)
                .containsExactlyInAnyOrder("Boendestöd", "Praktik på gården", "Hälsosamtal", "Samtal om sömn");
        assertThat(plans.page(af, person).plan().goal()).isEqualTo("Jag vill jobba med djur");
        assertThat(plans.page(af, person).timeline()).extracting(JourneyEvent::summary)
                .doesNotContain("Samtal om sömn").contains("Hälsosamtal", "Praktik på gården");
        assertThatThrownBy(() -> plans.page(fk, person)).isInstanceOf(AccessDeniedException.class);

        // the young person withdraws consent for the health centre: it keeps only its own steps
        consents.withdraw(coach, nurseConsent.id());
        PlanPage nurseView = plans.page(nurse, person);
        assertThat(nurseView.view().shared()).isFalse();
        assertThat(nurseView.steps()).extracting(PlanStep::title)
                .containsExactlyInAnyOrder("Hälsosamtal", "Samtal om sömn");
        assertThat(nurseView.plan().goal()).isNull();
        assertThat(nurseView.timeline()).allMatch(e -> e.organisationId().equals(nurse.organisationId()));
        assertThatThrownBy(() -> plans.addStep(nurse, person, step(track(page, TrackKind.HALSA), "Nytt", false)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> plans.update(nurse, person, new PlanInput("x", null, null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(plans.page(coach, person).steps()).extracting(PlanStep::title).contains("Hälsosamtal");

        long audited = jdbc.sql("SELECT count(*) FROM audit_entry WHERE person_id = ? AND detail = 'plan, möten, remisser'"
                + " AND action = 'READ' AND username = 'af' AND consent_id IS NOT NULL").param(person)
                .query(Long.class).single();
        assertThat(audited).isEqualTo(3);
    }

    @Test
    void aStepIsEditedOnlyByItsOrganisationAndAConfidentialStepIsNotShownToOthers() {
        Actor coach = actors.byUsername("coach");
        Actor af = actors.byUsername("af");
        UUID person = newPerson(coach);
        planConsent(coach, person, af);
        plans.create(af, person);
        PlanPage page = plans.page(coach, person);
        PlanStep secret = plans.addStep(coach, person, step(track(page, TrackKind.VARDAG), "Skuldrådgivning", true));
        PlanStep open = plans.addStep(coach, person, step(track(page, TrackKind.VARDAG), "Bostadskö", false));

        assertThatThrownBy(() -> plans.updateStep(af, open.id(), StepInput.of(open)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> plans.step(af, secret.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(plans.step(af, open.id()).title()).isEqualTo("Bostadskö");
    }

    @Test
    void theSecondSaveOfTheSameStepIsRefusedWithWhatTheFirstSaved() {
        Actor coach = actors.byUsername("coach");
        Actor kaa = actors.byUsername("kaa");
        UUID person = newPerson(coach);
        plans.create(coach, person);
        PlanPage page = plans.page(coach, person);
        PlanStep s = plans.addStep(coach, person, step(track(page, TrackKind.ARBETE), "Cv-verkstad", false));
        StepInput both = StepInput.of(s);

        var first = new StepInput(both.trackId(), both.title(), both.responsibleParty(), both.responsibleUserId(),
                both.contactName(), "Tisdagar kl 10", both.why(), both.nextStep(), both.obstacles(), both.startsOn(),
                both.dueOn(), "PAGAR", null, false, List.of(), both.version());
        plans.updateStep(coach, s.id(), first);
        var second = new StepInput(both.trackId(), "Cv och personligt brev", both.responsibleParty(),
                both.responsibleUserId(), both.contactName(), both.how(), both.why(), both.nextStep(),
                both.obstacles(), both.startsOn(), both.dueOn(), both.status(), null, false, List.of(), both.version());

        assertThatThrownBy(() -> plans.updateStep(kaa, s.id(), second)).isInstanceOfSatisfying(PlanConflict.class,
                c -> {
                    PlanStep now = (PlanStep) c.current();
                    assertThat(now.how()).isEqualTo("Tisdagar kl 10");
                    assertThat(now.status()).isEqualTo(StepStatus.PAGAR);
                    assertThat(now.version()).isEqualTo(s.version() + 1);
                });
        PlanStep saved = plans.step(coach, s.id());
        assertThat(saved.title()).isEqualTo("Cv-verkstad");
        // merged on the new version, it goes through and keeps both changes
        var merged = new StepInput(both.trackId(), "Cv och personligt brev", both.responsibleParty(),
                both.responsibleUserId(), both.contactName(), "Tisdagar kl 10", both.why(), both.nextStep(),
                both.obstacles(), both.startsOn(), both.dueOn(), "PAGAR", null, false, List.of(), saved.version());
        PlanStep after = plans.updateStep(kaa, s.id(), merged);
        assertThat(after.title()).isEqualTo("Cv och personligt brev");
        assertThat(after.how()).isEqualTo("Tisdagar kl 10");
    }

    @Test
    void theSecondSaveOfTheGoalIsRefused() {
        Actor coach = actors.byUsername("coach");
        UUID person = newPerson(coach);
        Plan plan = plans.create(coach, person);
        plans.update(coach, person, new PlanInput("Körkort", null, null, null, plan.version()));

        assertThatThrownBy(() -> plans.update(coach, person, new PlanInput("Jobb", null, null, null, plan.version())))
                .isInstanceOfSatisfying(PlanConflict.class,
                        c -> assertThat(((Plan) c.current()).goal()).isEqualTo("Körkort"));
        assertThat(plans.page(coach, person).plan().goal()).isEqualTo("Körkort");
    }

    @Test
    void aWrongStepNamesEveryWrongField() {
        Actor coach = actors.byUsername("coach");
        Actor af = actors.byUsername("af");
        UUID person = newPerson(coach);
        plans.create(coach, person);
        var bad = new StepInput("999999", " ", "NÅGON", String.valueOf(af.userId()), null, null, null, null, null,
                "2026-05-01", "2026-04-01", "AVBRUTEN", " ", false, List.of(UUID.randomUUID().toString()), null);

        assertThatThrownBy(() -> plans.addStep(coach, person, bad)).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("title", "trackId", "responsibleParty", "responsibleUserId",
                                "dueOn", "cancelReason", "dependsOn"));
        assertThat(plans.page(coach, person).steps()).isEmpty();
    }

    @Test
    void stepsMayDependOnEachOtherWithoutForcingASequence() {
        Actor coach = actors.byUsername("coach");
        UUID person = newPerson(coach);
        plans.create(coach, person);
        PlanPage page = plans.page(coach, person);
        PlanStep license = plans.addStep(coach, person, step(track(page, TrackKind.UTBILDNING), "Körkortsteori", false));
        var job = new StepInput(String.valueOf(track(page, TrackKind.ARBETE)), "Jobb som bud", "UNGDOMEN", null, null,
                null, null, null, null, null, null, "PAGAR", null, false, List.of(license.id().toString()), null);

        PlanStep saved = plans.addStep(coach, person, job);

        assertThat(saved.dependsOn()).containsExactly(license.id());
        assertThat(saved.status()).isEqualTo(StepStatus.PAGAR);
    }

    @Test
    void anEnrolmentIsTransferredAndDischargedKeepingTheHistory() {
        Actor coach = actors.byUsername("coach");
        Actor lead = actors.byUsername("insatsledare");
        long youth = enrolments.saveProgramme(lead, "Ungdomsteamet test");
        long coordination = enrolments.saveProgramme(lead, "Samordningsteamet test");
        UUID person = newPerson(coach);

        Enrolment first = enrolments.enrol(coach, person,
                new EnrolmentInput(String.valueOf(youth), "2026-02-01", null, String.valueOf(coach.userId()), "NEET"));
        assertThatThrownBy(() -> enrolments.enrol(coach, person,
                new EnrolmentInput(String.valueOf(youth), "2026-02-02", null, null, "igen")))
                .isInstanceOf(InvalidInputException.class);
        Enrolment second = enrolments.transfer(coach, first.id(),
                new EnrolmentInput(String.valueOf(coordination), "2026-05-01", null, null, "Behöver samordning"));
        Enrolment ended = enrolments.discharge(coach, second.id(), "2026-09-30", "ARBETE", second.version());

        List<Enrolment> history = enrolments.forPerson(coach, person);
        assertThat(history).hasSize(2);
        assertThat(history).filteredOn(e -> e.id().equals(first.id())).singleElement()
                .satisfies(e -> assertThat(e.endReason()).isEqualTo(EnrolmentEndReason.OVERFORD));
        assertThat(ended.transferredFrom()).isEqualTo(first.id());
        assertThat(ended.endReason()).isEqualTo(EnrolmentEndReason.ARBETE);
        assertThatThrownBy(() -> enrolments.discharge(coach, second.id(), "2026-10-01", "STUDIER", second.version()))
                .isInstanceOf(se.lots.shared.ConflictException.class);
        assertThat(plans.page(coach, person).timeline()).extracting(JourneyEvent::kind)
                .contains(JourneyKind.INSKRIVNING, JourneyKind.OVERFORING, JourneyKind.UTSKRIVNING);
    }

    @Test
    void overdueStepsAndReviewsAppearOnTheNamedCaseWorkersWorklistOnly() {
        Actor coach = actors.byUsername("coach");
        Actor kaa = actors.byUsername("kaa");
        UUID person = newPerson(coach);
        plans.create(coach, person);
        PlanPage page = plans.page(coach, person);
        String yesterday = LocalDate.now().minusDays(1).toString();
        String inAMonth = LocalDate.now().plusMonths(1).toString();
        var late = new StepInput(String.valueOf(track(page, TrackKind.ARBETE)), "Sen ansökan", "KOMMUNEN",
                String.valueOf(coach.userId()), null, null, null, null, null, null, yesterday, "PAGAR", null, false,
                List.of(), null);
        var later = new StepInput(late.trackId(), "Långt fram", "KOMMUNEN", String.valueOf(coach.userId()), null,
                null, null, null, null, null, inAMonth, "PLANERAD", null, false, List.of(), null);
        var done = new StepInput(late.trackId(), "Klar redan", "KOMMUNEN", String.valueOf(coach.userId()), null,
                null, null, null, null, null, yesterday, "KLAR", null, false, List.of(), null);
        plans.addStep(coach, person, late);
        plans.addStep(coach, person, later);
        plans.addStep(coach, person, done);
        Plan plan = plans.page(coach, person).plan();
        plans.update(coach, person, new PlanInput(null, null, String.valueOf(coach.userId()),
                LocalDate.now().minusDays(3).toString(), plan.version()));

        var mine = worklist.forActor(coach).stream().filter(i -> i.personId().equals(person)).toList();

        // one row per case: the late step counts as overdue, the one in a month as open, the done one not at all
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).overdueSteps()).isEqualTo(1);
        assertThat(mine.get(0).openSteps()).isEqualTo(2);
        assertThat(mine.get(0).nextDue()).isEqualTo(LocalDate.parse(yesterday));
        assertThat(mine.get(0).reviewOverdue()).isTrue();
        assertThat(mine.get(0).overdue()).isTrue();
        assertThat(mine.get(0).coordinator()).isTrue();
        assertThat(worklist.forActor(kaa)).noneMatch(i -> i.personId().equals(person));
    }

    @Test
    void aLongWorklistComesFiftyAtATimeMostUrgentFirstAndOnlyThePersonsShownAreLogged() {
        Actor coach = actors.byUsername("coach");
        String username = "handlaggare-" + UUID.randomUUID().toString().substring(0, 8);
        organisationService.createUser(new NewUser(username, "ett-langt-losenord", "Hanna Handläggare",
                Role.CASE_WORKER, coach.organisationId(), jdbc.sql("SELECT unit_id FROM user_account WHERE username = 'coach'")
                        .query(Long.class).single()));
        Actor worker = actors.byUsername(username);
        LocalDate today = LocalDate.now();
        // 55 cases, each with one step named for the worker, due one day after the other
        for (int n = 0; n < 55; n++) {
            UUID person = newPerson(coach);
            plans.create(coach, person);
            long track = track(plans.page(coach, person), TrackKind.ARBETE);
            plans.addStep(coach, person, new StepInput(String.valueOf(track), "Steg " + n, "KOMMUNEN",
                    String.valueOf(worker.userId()), null, null, null, null, null, null,
                    today.minusDays(60).plusDays(n).toString(), "PLANERAD", null, false, List.of(), null));
        }

        CaseWorklist.Page first = worklist.page(worker, 1);
        CaseWorklist.Page second = worklist.page(worker, 2);

        assertThat(first.total()).isEqualTo(55);
        assertThat(first.pages()).isEqualTo(2);
        assertThat(first.cases()).hasSize(50);
        assertThat(first.cases()).extracting(CaseWorklist.Case::nextDue).isSorted();
        assertThat(first.cases().get(0).nextDue()).isEqualTo(today.minusDays(60));
        assertThat(first.cases()).allMatch(c -> !c.coordinator() && c.openSteps() == 1);
        assertThat(second.cases()).extracting(CaseWorklist.Case::nextDue).containsExactly(today.minusDays(10),
                today.minusDays(9), today.minusDays(8), today.minusDays(7), today.minusDays(6));
        assertThat(second.total()).isEqualTo(55);
        long logged = jdbc.sql("SELECT count(*) FROM audit_entry WHERE username = ? AND detail = 'arbetslista plan'")
                .param(username).query(Long.class).single();
        assertThat(logged).isEqualTo(50 + 5); // page 1: the fifty persons shown; page 2: the other five
    }

    @Test
    void aCaseWorkerNamesColleaguesOfTheirOwnTeamAndKeepsWhoeverIsNamedAlready() {
        Actor coach = actors.byUsername("coach");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long teamA = organisationService.addUnit(coach.organisationId(), "Team A " + suffix).id();
        long teamB = organisationService.addUnit(coach.organisationId(), "Team B " + suffix).id();
        organisationService.createUser(new NewUser("a1-" + suffix, "ett-langt-losenord", "Anna A", Role.CASE_WORKER,
                coach.organisationId(), teamA));
        organisationService.createUser(new NewUser("a2-" + suffix, "ett-langt-losenord", "Alva A", Role.CASE_WORKER,
                coach.organisationId(), teamA));
        organisationService.createUser(new NewUser("b1-" + suffix, "ett-langt-losenord", "Bo B", Role.CASE_WORKER,
                coach.organisationId(), teamB));
        organisationService.createUser(new NewUser("x1-" + suffix, "ett-langt-losenord", "Analytiker A",
                Role.ANALYST, coach.organisationId(), teamA));
        Actor anna = actors.byUsername("a1-" + suffix);
        Actor bo = actors.byUsername("b1-" + suffix);

        var mine = plans.colleagues(anna).stream().map(u -> u.username()).toList();
        var withBo = plans.colleagues(anna, bo.userId()).stream().map(u -> u.username()).toList();

        assertThat(mine).contains("a1-" + suffix, "a2-" + suffix).doesNotContain("b1-" + suffix, "x1-" + suffix);
        assertThat(mine).noneMatch(u -> u.equals("af") || u.equals("vardcentral"));
        assertThat(withBo).contains("b1-" + suffix);
        assertThat(plans.colleagues(actors.byUsername("af"), bo.userId())).noneMatch(u -> u.id() == bo.userId());
    }
}
