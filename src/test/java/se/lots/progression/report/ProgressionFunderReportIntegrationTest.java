package se.lots.progression.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.plan.Enrolment;
import se.lots.plan.EnrolmentInput;
import se.lots.plan.EnrolmentService;
import se.lots.plan.PlanService;
import se.lots.plan.PlanTrack;
import se.lots.plan.StepInput;
import se.lots.progression.FinsamOverview;
import se.lots.progression.FixedPeriod;
import se.lots.progression.FunderReport;
import se.lots.progression.FunderReportService;
import se.lots.progression.GoalIndicator;
import se.lots.progression.GoalInput;
import se.lots.progression.GoalResult;
import se.lots.progression.ReportTable;
import se.lots.progression.registration.Participation;
import se.lots.progression.registration.Registration;
import se.lots.progression.registration.RegistrationInput;
import se.lots.progression.registration.RegistrationKind;
import se.lots.progression.registration.RegistrationService;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.shared.SmallCountSuppression;
import se.lots.shared.SmallCountSuppression.Cell;

/** Programme goals and the funder's report on hand-built cohorts with known answers. */
@IntegrationTest
class ProgressionFunderReportIntegrationTest {

    static final Locale SWEDISH = Locale.forLanguageTag("sv");
    // the application's today is Swedish (its clock); the server's zone may still be at yesterday
    static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Europe/Stockholm"));

    @Autowired
    FunderReportService reports;
    @Autowired
    FunderReportPdf pdf;
    @Autowired
    RegistrationService registrations;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    PlanService plans;
    @Autowired
    RegistryService registry;
    @Autowired
    CurrentActor actors;
    @Autowired
    MessageSource messages;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    javax.sql.DataSource dataSource;

    Enrolment enrol(Actor lead, long programme, LocalDate on, String gender) {
        UUID person = registry.register(lead, aYoungPerson().named("Rapport", "Testsson").gender(gender).build()).id();
        return enrolments.enrol(lead, person, new EnrolmentInput(String.valueOf(programme), on.toString(), null, null,
                "Behöver stöd"));
    }

    void withPlan(Actor lead, UUID person) {
        plans.create(lead, person);
        long track = plans.page(lead, person).tracks().stream().map(PlanTrack::id).findFirst().orElseThrow();
        plans.addStep(lead, person, new StepInput(String.valueOf(track), "Praktik", "KOMMUNEN", null, null, null, null,
                null, null, null, null, "PLANERAD", null, false, List.of(), null));
    }

    static RegistrationInput registration(LocalDate on, String occupation, String income, String endedOn) {
        return new RegistrationInput(on.toString(), occupation, "ARBETAR".equals(occupation) ? "100" : null,
                List.of(income), "GYMNASIAL", false, null, endedOn);
    }

    record Cohort(long programme, long other, FunderReportService.Period period) {
    }

    /**
     * Programme A, period the last 200 days: (1) discharged to work with a plan and START/SLUT; (2) discharged
     * (AVBRUTIT) without a plan and without an end registration; (3) transferred to programme B — not a discharge;
     * (4) an anonymous participant who ended studying; (5) still enrolled, two contacts in 10 weeks.
     */
    Cohort cohort(Actor lead) {
        return cohort(lead, TODAY, reports.period(TODAY.minusDays(200).toString(), TODAY.toString()));
    }

    /** The cohort with its dates before {@code end}, in the first half of 2026: a fixed period, for the downloads. */
    Cohort cohortInAFixedPeriod(Actor lead) {
        var h1 = new FixedPeriod(2026, 1);
        return cohort(lead, LocalDate.of(2026, 6, 25), new FunderReportService.Period(h1.from(), h1.to()));
    }

    Cohort cohort(Actor lead, LocalDate TODAY, FunderReportService.Period period) {
        long a = enrolments.saveProgramme(lead, "Rapport A " + UUID.randomUUID());
        long b = enrolments.saveProgramme(lead, "Rapport B " + UUID.randomUUID());
        LocalDate start = TODAY.minusDays(150);

        Enrolment one = enrol(lead, a, start, "KVINNA");
        withPlan(lead, one.personId());
        registrations.save(lead, one.id(), RegistrationKind.START, registration(start, "ARBETSSOKANDE", "A_KASSA", null));
        enrolments.discharge(lead, one.id(), TODAY.minusDays(10).toString(), "ARBETE", one.version());
        registrations.save(lead, one.id(), RegistrationKind.SLUT,
                registration(TODAY.minusDays(10), "ARBETAR", "LON", null));

        Enrolment two = enrol(lead, a, start, "MAN");
        registrations.save(lead, two.id(), RegistrationKind.START,
                registration(start, "INGEN_SYSSELSATTNING", "EKONOMISKT_BISTAND", null));
        enrolments.discharge(lead, two.id(), TODAY.minusDays(20).toString(), "AVBRUTIT", two.version());

        Enrolment three = enrol(lead, a, TODAY.minusDays(100), "MAN");
        enrolments.transfer(lead, three.id(), new EnrolmentInput(String.valueOf(b), TODAY.minusDays(50).toString(),
                null, null, "Bättre match"));

        Enrolment four = enrol(lead, a, start, "KVINNA");
        Participation anonymous = registrations.registerAnonymously(lead, four.id(), "INGET_SAMTYCKE");
        registrations.saveForParticipation(lead, anonymous.id(), RegistrationKind.START,
                registration(start, "ARBETSSOKANDE", "AKTIVITETSSTOD", null));
        registrations.saveForParticipation(lead, anonymous.id(), RegistrationKind.SLUT,
                registration(TODAY.minusDays(5), "STUDERAR", "STUDIEMEDEL", TODAY.minusDays(5).toString()));

        Enrolment five = enrol(lead, a, TODAY.minusDays(70).minusDays(-1), "KVINNA");
        plans.create(lead, five.personId());
        plans.recordContact(lead, five.personId(), TODAY.minusDays(30).toString(), "Samtal", false);
        plans.recordContact(lead, five.personId(), TODAY.minusDays(3).toString(), "Samtal", false);
        return new Cohort(a, b, period);
    }

    Map<GoalIndicator, GoalResult> measured(Actor actor, Cohort c) {
        var map = new HashMap<GoalIndicator, GoalResult>();
        reports.measure(actor, c.programme(), c.period()).forEach(r -> map.put(r.goal().indicator(), r));
        return map;
    }

    void addAllGoals(Actor lead, long programme) {
        reports.addGoal(lead, programme, new GoalInput("DISCHARGED_WITH_PLAN", null, null, null, "80"));
        reports.addGoal(lead, programme, new GoalInput("PARTICIPANTS", null, null, null, "20"));
        reports.addGoal(lead, programme, new GoalInput("DISCHARGED_TO_WORK_OR_STUDIES", null, null, null, "50"));
        reports.addGoal(lead, programme, new GoalInput("CONTACTS_PER_WEEK", null, null, null, "1"));
        reports.addGoal(lead, programme, new GoalInput("PLAN_WITHIN_MONTHS", "0", "120", "6", "50"));
    }

    @Test
    void indicatorsOnAHandBuiltCohortGiveTheKnownAnswers() {
        Actor lead = actors.byUsername("insatsledare");
        Cohort c = cohort(lead);
        addAllGoals(lead, c.programme());
        var m = measured(lead, c);

        // discharged: one and two (the transfer is not a discharge); the anonymous participant has no plan to check
        assertThat(m.get(GoalIndicator.DISCHARGED_WITH_PLAN).numerator().count()).isEqualTo(1);
        assertThat(m.get(GoalIndicator.DISCHARGED_WITH_PLAN).denominator().count()).isEqualTo(2);
        assertThat(m.get(GoalIndicator.DISCHARGED_WITH_PLAN).value()).isEqualByComparingTo("50.0");
        assertThat(m.get(GoalIndicator.DISCHARGED_WITH_PLAN).met()).isFalse();
        // five participants were in A during the period, the transferred one counted once in A
        assertThat(m.get(GoalIndicator.PARTICIPANTS).value()).isEqualByComparingTo("5");
        assertThat(m.get(GoalIndicator.PARTICIPANTS).met()).isFalse();
        // one to work (end reason), the anonymous one to studies (SLUT occupation), two without end registration
        assertThat(m.get(GoalIndicator.DISCHARGED_TO_WORK_OR_STUDIES).numerator().count()).isEqualTo(2);
        assertThat(m.get(GoalIndicator.DISCHARGED_TO_WORK_OR_STUDIES).denominator().count()).isEqualTo(3);
        assertThat(m.get(GoalIndicator.DISCHARGED_TO_WORK_OR_STUDIES).met()).isTrue();
        // 2 contacts; participant-days within the period: 141 + 131 + 51 + 70 (the anonymous one has no journey)
        GoalResult contacts = m.get(GoalIndicator.CONTACTS_PER_WEEK);
        assertThat(contacts.numerator().count()).isEqualTo(2);
        assertThat(contacts.value()).isEqualByComparingTo(
                BigDecimal.valueOf(2 * 7.0 / (141 + 131 + 51 + 70)).setScale(2, java.math.RoundingMode.HALF_UP));
        // a period that cuts five's contacts counts the ones inside it: from 20 days ago, or up to 10 days ago
        for (var cut : List.of(reports.period(TODAY.minusDays(20).toString(), TODAY.toString()),
                reports.period(TODAY.minusDays(200).toString(), TODAY.minusDays(10).toString()))) {
            GoalResult inCut = reports.measure(lead, c.programme(), cut).stream()
                    .filter(r -> r.goal().indicator() == GoalIndicator.CONTACTS_PER_WEEK).findFirst().orElseThrow();
            assertThat(inCut.numerator().count()).as("contacts %s–%s", cut.from(), cut.to()).isEqualTo(1);
        }
        // within 6 months: one has a plan; two and three are not judged yet (150 days), five has a plan row but no step
        GoalResult within = m.get(GoalIndicator.PLAN_WITHIN_MONTHS);
        assertThat(within.numerator().count()).isEqualTo(1);
        assertThat(within.denominator().count()).isEqualTo(1);

        // the participants behind a goal, for the programme's organisation
        var behind = reports.behind(lead, c.programme(),
                m.get(GoalIndicator.DISCHARGED_WITH_PLAN).goal().id(), c.period());
        assertThat(behind).hasSize(2);
        assertThat(behind).filteredOn(FunderReportService.Behind::counted).hasSize(1);
        assertThat(behind).extracting(FunderReportService.Behind::name).containsOnly("Rapport Testsson");
    }

    @Test
    void theParticipantsBehindEveryGoalAreTheOnesItsMeasureCounts() {
        Actor lead = actors.byUsername("insatsledare");
        Cohort c = cohort(lead);
        addAllGoals(lead, c.programme());
        reports.addGoal(lead, c.programme(), new GoalInput("GROUP_ACTIVITIES_PER_WEEK", null, null, null, "1"));
        for (GoalResult r : reports.measure(lead, c.programme(), c.period())) {
            var behind = reports.behind(lead, c.programme(), r.goal().id(), c.period());
            String goal = r.goal().indicator().name();
            assertThat(behind).as(goal).hasSize((int) r.denominator().count());
            if (r.goal().indicator().perWeek()) {
                assertThat(behind.stream().mapToLong(FunderReportService.Behind::amount).sum()).as(goal)
                        .isEqualTo(r.numerator().count());
            } else {
                assertThat(behind).as(goal).filteredOn(FunderReportService.Behind::counted)
                        .hasSize((int) r.numerator().count());
            }
        }
    }

    @Test
    void twoPlanWithinMonthsGoalsAreEachMeasuredWithTheirOwnAgesAndMonths() {
        Actor lead = actors.byUsername("insatsledare");
        Cohort c = cohort(lead);
        addAllGoals(lead, c.programme());
        // nobody in the cohort is 100 or older
        reports.addGoal(lead, c.programme(), new GoalInput("PLAN_WITHIN_MONTHS", "100", "120", "1", "50"));
        var within = reports.measure(lead, c.programme(), c.period()).stream()
                .filter(r -> r.goal().indicator() == GoalIndicator.PLAN_WITHIN_MONTHS).toList();
        assertThat(within).hasSize(2);
        assertThat(within.get(0).numerator().count()).isEqualTo(1);
        assertThat(within.get(0).denominator().count()).isEqualTo(1);
        assertThat(within.get(1).numerator().count()).isZero();
        assertThat(within.get(1).denominator().count()).isZero();
    }

    @Test
    void theReportCountsByGenderAndAgeAndStartAndEnd() {
        Actor lead = actors.byUsername("insatsledare");
        Cohort c = cohort(lead);
        FunderReport r = reports.report(lead, c.programme(), c.period(), SWEDISH);
        assertThat(r.suppressed()).isFalse();
        // registered in the period: all five; women 3 (one, four anonymous, five), men 2
        assertThat(r.registered().table().total().count()).isEqualTo(5);
        assertThat(r.registered().table().rowTotals()).extracting(x -> x.count()).containsExactly(3L, 2L, 0L);
        // discharged: one, two, the anonymous one
        assertThat(r.discharged().table().total().count()).isEqualTo(3);
        // occupation at start: 2 job seekers (one, anonymous), 1 no occupation; at end: 1 working, 1 studying, 1 none
        int seeking = r.occupations().rows().indexOf("Arbetssökande");
        int working = r.occupations().rows().indexOf("Arbetar");
        int notRegistered = r.occupations().rows().indexOf("Ej registrerad");
        assertThat(r.occupations().cell(seeking, 0).count()).isEqualTo(2);
        assertThat(r.occupations().cell(working, 1).count()).isEqualTo(1);
        assertThat(r.occupations().cell(notRegistered, 1).count()).isEqualTo(1);
        // transfers: one out of A to B; B got one in
        assertThat(r.transfers().table().columnTotals()).extracting(x -> x.count()).containsExactly(0L, 1L);
        FunderReport b = reports.report(lead, c.other(), c.period(), SWEDISH);
        assertThat(b.transfers().table().columnTotals()).extracting(x -> x.count()).containsExactly(1L, 0L);
        assertThat(b.registered().table().total().count()).isEqualTo(1);
    }

    @Test
    void theXlsxHasOneSheetPerTableWithSuppressedNumbers() throws Exception {
        Actor lead = actors.byUsername("insatsledare");
        Cohort c = cohortInAFixedPeriod(lead);
        addAllGoals(lead, c.programme());
        FunderReport r = reports.reportForDownload(lead, c.programme(), c.period(), SWEDISH);
        byte[] xlsx = FunderReportWorkbook.write(r, messages, SWEDISH);
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheets = workbook.getSheets().map(s -> s.getName()).toList();
            assertThat(sheets).hasSize(7).contains("Uppföljning Finsam  deltagare p", "Mål");
            List<Row> registered = workbook.getSheets().findFirst().orElseThrow().read();
            assertThat(registered.get(1).getCellText(1)).isEqualTo("16–19");
            // women 3, men 2: every non-zero count is under 5
            assertThat(registered.get(2).getCellText(0)).isEqualTo("Kvinnor");
            assertThat(registered.get(2).getCellText(5)).isEqualTo("<5");
            assertThat(registered.get(5).getCellText(0)).isEqualTo("Totalt");
            assertThat(registered.get(5).getCellText(5)).isIn("5", "..");
            List<Row> goals = workbook.getSheets().filter(s -> s.getName().equals("Mål")).findFirst().orElseThrow()
                    .read();
            assertThat(goals).hasSize(6);
            // a share of 2 people is not shown outside the organisation
            assertThat(goals.get(1).getCellText(2)).isEqualTo("..");
        }
        // exact for the organisation on the page, with numbers in the cells
        FunderReport exact = reports.report(lead, c.programme(), c.period(), SWEDISH);
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(
                FunderReportWorkbook.write(exact, messages, SWEDISH)))) {
            Row women = workbook.getSheets().findFirst().orElseThrow().read().get(2);
            assertThat(women.getCellAsNumber(5).orElseThrow()).isEqualByComparingTo("3");
        }
    }

    /**
     * Uppföljning Finsam over the förbund's programmes, in a year no other test enrols in (2011): a small
     * programme (three women, two men) and a bigger one (six women, five men, one of another gender, the first man
     * discharged). The counts per programme and gender are the hand-counted ones, the published cells are the
     * suppressed table of those counts (SmallCountSuppressionTest proves that table), the xlsx says the same, and no
     * one but the förbund and the analysts may see it; the analysts see the programme no förbund funds too.
     */
    @Test
    void finsamCountsEveryProgrammeByGenderSuppressedForTheForbund() throws Exception {
        Actor lead = actors.byUsername("insatsledare");
        String suffix = UUID.randomUUID().toString();
        long small = enrolments.saveProgramme(lead, "Uppföljningstest liten " + suffix);
        long big = enrolments.saveProgramme(lead, "Uppföljningstest stor " + suffix);
        LocalDate start = LocalDate.of(2011, 3, 1);
        for (String gender : List.of("KVINNA", "KVINNA", "KVINNA", "MAN", "MAN")) {
            enrol(lead, small, start, gender);
        }
        var men = new ArrayList<Enrolment>();
        for (String gender : List.of("KVINNA", "KVINNA", "KVINNA", "KVINNA", "KVINNA", "KVINNA", "MAN", "MAN", "MAN",
                "MAN", "MAN", "ANNAT")) {
            Enrolment e = enrol(lead, big, start.plusDays(10), gender);
            if (gender.equals("MAN")) {
                men.add(e);
            }
        }
        enrolments.discharge(lead, men.get(0).id(), "2011-06-01", "ARBETE", men.get(0).version());
        // both funded by the förbund; a third, the municipality's own, is not the förbund's to follow up
        String forbund = String.valueOf(actors.byUsername("forbund").organisationId());
        enrolments.setProgrammeFundedBy(lead, small, forbund);
        enrolments.setProgrammeFundedBy(lead, big, forbund);
        long own = enrolments.saveProgramme(lead, "Uppföljningstest egen " + suffix);
        for (int i = 0; i < 6; i++) {
            enrol(lead, own, start, "KVINNA");
        }
        var year = new FixedPeriod(2011, 0);

        FinsamOverview f = reports.finsam(actors.byUsername("forbund"), year, SWEDISH);
        assertThat(f.programmes()).extracting(se.lots.plan.Programme::id).containsExactly(small, big);
        long[][][] expected = {
            { { 3, 2, 0 }, { 6, 5, 1 } }, // participants in the period
            { { 3, 2, 0 }, { 6, 5, 1 } }, // new: all started in 2011
            { { 0, 0, 0 }, { 0, 1, 0 } } }; // discharged
        for (int t = 0; t < 3; t++) {
            ReportTable table = f.tables().get(t);
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 3; c++) {
                    assertThat(table.cell(r, c).count()).isEqualTo(expected[t][r][c]);
                    if (expected[t][r][c] > 0 && expected[t][r][c] < 5) {
                        assertThat(table.cell(r, c).text()).as("table %d %d %d", t, r, c).isEqualTo("<5");
                    }
                }
            }
        }
        ReportTable active = f.tables().get(0);
        assertThat(active.rows().get(1)).startsWith("Uppföljningstest stor ");
        assertThat(active.cell(0, 0).text()).isEqualTo("<5");
        assertThat(active.cell(1, 2).text()).isEqualTo("<5");
        assertThat(active.table().rowTotals()).extracting(Cell::text).containsExactly("5", "12");

        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(
                FunderReportWorkbook.write(f, messages, SWEDISH)))) {
            assertThat(workbook.getSheets().map(s -> s.getName()).toList()).hasSize(3);
            List<Row> rows = workbook.getSheets().findFirst().orElseThrow().read();
            assertThat(rows.get(3).getCellText(0)).startsWith("Uppföljningstest stor ");
            assertThat(rows.get(3).getCellText(3)).isEqualTo("<5");
            assertThat(rows.get(3).getCellAsNumber(4).orElseThrow()).isEqualByComparingTo("12");
            assertThat(rows.get(4).getCellText(0)).isEqualTo("Totalt");
            assertThat(rows.get(4).getCellAsNumber(4).orElseThrow()).isEqualByComparingTo("17");
        }
        assertThat(reports.finsam(actors.byUsername("analytiker"), year, SWEDISH).programmes())
                .extracting(se.lots.plan.Programme::id).containsExactlyInAnyOrder(small, big, own);
        // a funder must be a samordningsförbund, and only the programme's own organisation sets it
        assertThatThrownBy(() -> enrolments.setProgrammeFundedBy(lead, own,
                String.valueOf(lead.organisationId()))).isInstanceOf(se.lots.shared.InvalidInputException.class);
        Actor af = actors.byUsername("af");
        Actor otherLead = new Actor(af.userId(), af.username(), af.displayName(), af.organisationId(),
                af.organisationName(), se.lots.organisation.Role.PROGRAMME_LEAD);
        assertThatThrownBy(() -> enrolments.setProgrammeFundedBy(otherLead, own, forbund))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(enrolments.programme(own).orElseThrow().fundedBy()).isNull();
        for (String user : List.of("insatsledare", "coach", "kaa")) {
            assertThatThrownBy(() -> reports.finsam(actors.byUsername(user), year, SWEDISH))
                    .as(user).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void thePdfHasTheHeadingsAndSuppressedCounts() throws Exception {
        Actor lead = actors.byUsername("insatsledare");
        Cohort c = cohortInAFixedPeriod(lead);
        reports.saveTexts(lead, c.programme(), c.period(), "Lika många kvinnor som män.", "Tidiga kontakter hjälper.");
        // without goals the PDF says so instead of printing an empty goals table
        FunderReport withoutGoals = reports.reportForDownload(lead, c.programme(), c.period(), SWEDISH);
        try (var doc = Loader.loadPDF(pdf.render(withoutGoals, SWEDISH))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Insatsen har inga mål ännu.")
                    .doesNotContain("Har målen uppnåtts?");
        }
        addAllGoals(lead, c.programme());
        FunderReport r = reports.reportForDownload(lead, c.programme(), c.period(), SWEDISH);
        try (var doc = Loader.loadPDF(pdf.render(r, SWEDISH))) {
            // with goals in it, the goal table's narrow columns wrap their headings over lines
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Rapport till finansiären", "Inskrivna deltagare efter kön och ålder",
                    "Sysselsättning vid start och avslut", "Har målen uppnåtts?", "Förflyttningar mellan insatser",
                    "Jämställdhet", "Lika många kvinnor som män.", "Tidiga kontakter hjälper.", "<5",
                    // the charts, drawn as boxes, with their series and axis
                    "Vid start", "Vid avslut", "Antal avslutade deltagare");
        }
    }

    @Test
    void aClosedPeriodGivesTheSameNumbersWhenGeneratedAgainAfterLaterData() {
        Actor lead = actors.byUsername("insatsledare");
        Cohort c = cohort(lead);
        addAllGoals(lead, c.programme());
        var closed = reports.period(TODAY.minusDays(200).toString(), TODAY.minusDays(15).toString());
        FunderReport before = reports.report(lead, c.programme(), closed, SWEDISH);

        // after the period: a discharge dated later of someone active in the period, a new participant, a transfer
        Enrolment later = enrol(lead, c.programme(), TODAY.minusDays(12), "MAN");
        registrations.save(lead, later.id(), RegistrationKind.START, registration(TODAY.minusDays(12), "ARBETSSOKANDE",
                "A_KASSA", null));
        Enrolment active = enrolments.ofProgramme(c.programme()).stream().filter(e -> e.endedOn() == null)
                .filter(e -> !e.id().equals(later.id())).findFirst().orElseThrow();
        enrolments.discharge(lead, active.id(), TODAY.minusDays(2).toString(), "STUDIER", active.version());
        enrolments.transfer(lead, later.id(), new EnrolmentInput(String.valueOf(c.other()),
                TODAY.minusDays(1).toString(), null, null, "Flytt"));

        FunderReport after = reports.report(lead, c.programme(), closed, SWEDISH);
        assertThat(after.tables()).isEqualTo(before.tables());
        assertThat(after.goals()).isEqualTo(before.goals());
        // and the open period did change
        assertThat(reports.report(lead, c.programme(), c.period(), SWEDISH).registered().table().total().count())
                .isEqualTo(6);
    }

    @Test
    void anotherOrganisationIsRefusedAndAnalystsSeeOnlySuppressedFigures() {
        Actor lead = actors.byUsername("insatsledare");
        Cohort c = cohortInAFixedPeriod(lead);
        addAllGoals(lead, c.programme());
        for (String other : List.of("fk", "af")) {
            Actor actor = actors.byUsername(other);
            assertThatThrownBy(() -> reports.report(actor, c.programme(), c.period(), SWEDISH)).as(other)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> reports.measure(actor, c.programme(), c.period())).as(other)
                    .isInstanceOf(AccessDeniedException.class);
        }
        Actor analyst = actors.byUsername("analytiker");
        FunderReport seen = reports.report(analyst, c.programme(), c.period(), SWEDISH);
        assertThat(seen.suppressed()).isTrue();
        assertThat(seen.registered().table().rowTotals()).extracting(x -> x.text()).containsExactly("<5", "<5", "0");
        // 5 in the table alone; the period's published set may hide it further ("..") to protect other tables
        assertThat(seen.registered().table().total().text()).isIn("5", "..");
        var goal = reports.measure(analyst, c.programme(), c.period()).get(0);
        // in the fixed period the plan (made today) is not there yet: none of the two discharged had one
        assertThat(goal.denominator().text()).isEqualTo("<5");
        assertThat(goal.valueHidden()).isTrue();
        assertThatThrownBy(() -> reports.behind(analyst, c.programme(), goal.goal().id(), c.period()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.addGoal(analyst, c.programme(), new GoalInput("PARTICIPANTS", null, null,
                null, "20"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.addGoal(actors.byUsername("coach"), c.programme(),
                new GoalInput("PARTICIPANTS", null, null, null, "20"))).isInstanceOf(AccessDeniedException.class);
    }

    /** Rows of follow_up_unit that differ from what follow_up_unit_source computes from the tables, both ways. */
    long unitsOutOfStep() {
        return jdbc.sql("""
                SELECT count(*) FROM ((SELECT * FROM follow_up_unit EXCEPT SELECT * FROM follow_up_unit_source)
                                      UNION ALL
                                      (SELECT * FROM follow_up_unit_source EXCEPT SELECT * FROM follow_up_unit)) d
                """).query(Long.class).single();
    }

    Map<String, Object> unit(UUID id) {
        return jdbc.sql("SELECT * FROM follow_up_unit WHERE id = ?").param(id).query().singleRow();
    }

    @Test
    void theFollowUpUnitsStayInStepWithEveryKindOfWrite() {
        Actor lead = actors.byUsername("insatsledare");
        Cohort c = cohort(lead);
        assertThat(unitsOutOfStep()).isZero();
        var units = jdbc.sql("SELECT id, person_id FROM follow_up_unit WHERE programme_id = ? ORDER BY started_on, id")
                .param(c.programme()).query().listOfRows();
        // four identified enrolments and the anonymous participant; the enrolment registered anonymously is not one
        assertThat(units).hasSize(5);
        assertThat(units).filteredOn(u -> u.get("person_id") == null).hasSize(1);

        // a START registration changed: occupation and sources of income
        Enrolment e = enrol(lead, c.programme(), TODAY.minusDays(30), "MAN");
        Registration start = registrations.save(lead, e.id(), RegistrationKind.START,
                registration(TODAY.minusDays(30), "ARBETSSOKANDE", "A_KASSA", null));
        assertThat(unit(e.id())).containsEntry("start_occupation", "ARBETSSOKANDE");
        registrations.save(lead, e.id(), RegistrationKind.START, new RegistrationInput(TODAY.minusDays(29).toString(),
                "SJUKSKRIVEN", null, List.of("SJUKPENNING", "EKONOMISKT_BISTAND"), "GYMNASIAL", false,
                start.version(), null));
        assertThat(unit(e.id())).containsEntry("start_occupation", "SJUKSKRIVEN")
                .containsEntry("start_measured_on", java.sql.Date.valueOf(TODAY.minusDays(29)));
        assertThat(jdbc.sql("SELECT array_to_string(start_incomes, ',') FROM follow_up_unit WHERE id = ?")
                .param(e.id()).query(String.class).single()).isEqualTo("EKONOMISKT_BISTAND,SJUKPENNING");
        assertThat(unitsOutOfStep()).isZero();

        // the first plan step, then a discharge
        assertThat(unit(e.id()).get("first_plan_on")).isNull();
        withPlan(lead, e.personId());
        // started 30 days ago: the plan came within one month, or two when today's day does not exist a month earlier
        int months = TODAY.minusDays(30).plusMonths(1).isBefore(TODAY) ? 2 : 1;
        assertThat(unit(e.id())).containsEntry("first_plan_on", java.sql.Date.valueOf(TODAY))
                .containsEntry("plan_months", months);
        // a contact, then a discharge
        plans.recordContact(lead, e.personId(), TODAY.minusDays(2).toString(), "Samtal", false);
        assertThat(unit(e.id())).containsEntry("contacts", 1)
                .containsEntry("last_contact_on", java.sql.Date.valueOf(TODAY.minusDays(2)));
        enrolments.discharge(lead, e.id(), TODAY.minusDays(1).toString(), "STUDIER", e.version());
        assertThat(unit(e.id())).containsEntry("end_reason", "STUDIER");
        assertThat(unitsOutOfStep()).isZero();

        // a gender corrected in the registry reaches an enrolment without a participant row
        Enrolment bare = enrol(lead, c.programme(), TODAY.minusDays(3), "MAN");
        var person = registry.read(lead, bare.personId()).person();
        var before = se.lots.registry.PersonInput.of(person);
        registry.update(lead, bare.personId(), new se.lots.registry.PersonInput(false, before.personalIdentityNumber(),
                before.birthDate(), before.birthYear(), before.firstName(), before.lastName(), "KVINNA",
                before.municipalityCode(), false, before.address(), before.phone(), before.email(), null, false, null,
                person.version()));
        assertThat(unit(bare.id())).containsEntry("gender", "KVINNA");
        assertThat(unitsOutOfStep()).isZero();
    }

    /**
     * Two transactions writing the same participant's unit at once: the second waits for the first and refreshes the
     * unit from what the first committed, instead of overwriting it with what it saw before.
     */
    @Test
    void aConcurrentWriteToTheSameUnitDoesNotOverwriteTheOtherWithWhatItSawBefore() throws Exception {
        Actor lead = actors.byUsername("insatsledare");
        long programme = enrolments.saveProgramme(lead, "Samtidigt " + UUID.randomUUID());
        Enrolment e = enrol(lead, programme, TODAY.minusDays(10), "MAN");
        Participation participation = registrations.registerAnonymously(lead, e.id(), "INGET_SAMTYCKE");
        long user = jdbc.sql("SELECT id FROM user_account WHERE username = 'insatsledare'").query(Long.class).single();
        try (var first = dataSource.getConnection(); var second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            try (var st = first.prepareStatement("""
                    INSERT INTO registration (participant_id, kind, measured_on, occupation, education_level,
                                              registered_at_af, created_by)
                    VALUES (?, 'START', ?, 'ANNAN', 'OKAND', false, ?)""")) {
                st.setObject(1, participation.id());
                st.setObject(2, TODAY.minusDays(10));
                st.setLong(3, user);
                st.executeUpdate();
            }
            // the second writer changes the same participant (its end) while the first has not committed
            var waiting = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try (var st = second.prepareStatement("UPDATE participant SET ended_on = ? WHERE id = ?")) {
                    st.setObject(1, TODAY);
                    st.setObject(2, participation.id());
                    st.executeUpdate();
                    second.commit();
                } catch (java.sql.SQLException x) {
                    throw new IllegalStateException(x);
                }
            });
            Thread.sleep(300);
            assertThat(waiting).isNotDone();
            first.commit();
            waiting.get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(unit(participation.id())).containsEntry("start_occupation", "ANNAN")
                .containsEntry("ended_on", java.sql.Date.valueOf(TODAY));
        assertThat(unitsOutOfStep()).isZero();
    }

    /**
     * The goals compare stored whole months (follow_up_plan_months) and a latest start date computed in Java
     * (FunderReports.dueBy) instead of adding months to every row; both must count months exactly as PostgreSQL's
     * date + interval does, month ends included, for every start day of two years (one of them a leap year).
     */
    @Test
    void theStoredMonthsAndTheLatestDueStartCountMonthsAsPostgresql() {
        var wrongMonths = jdbc.sql("""
                SELECT s::date, f::date, m FROM generate_series(date '2027-11-01', date '2029-03-31', interval '1 day') s
                CROSS JOIN (VALUES (0), (1), (2), (27), (28), (29), (30), (31), (59), (60), (61), (182), (365)) d(days)
                CROSS JOIN LATERAL (SELECT s::date + d.days AS f) x
                CROSS JOIN LATERAL (SELECT follow_up_plan_months(s::date, x.f) AS m) y
                WHERE (s::date + make_interval(months => m))::date < x.f
                   OR (m > 0 AND (s::date + make_interval(months => m - 1))::date >= x.f)""")
                .query().listOfRows();
        assertThat(wrongMonths).isEmpty();
        for (int months : new int[] { 1, 6, 12 }) {
            for (LocalDate to = LocalDate.of(2028, 1, 1); to.isBefore(LocalDate.of(2029, 4, 1)); to = to.plusDays(1)) {
                LocalDate due = FunderReports.dueBy(to, months);
                boolean[] pg = jdbc.sql("SELECT (CAST(? AS date) + make_interval(months => ?))::date <= CAST(? AS date),"
                        + " (CAST(? AS date) + 1 + make_interval(months => ?))::date <= CAST(? AS date)")
                        .params(due, months, to, due, months, to)
                        .query((rs, n) -> new boolean[] { rs.getBoolean(1), rs.getBoolean(2) }).single();
                assertThat(pg).as("%s months by %s: latest start %s", months, to, due).containsExactly(true, false);
            }
        }
    }
}
