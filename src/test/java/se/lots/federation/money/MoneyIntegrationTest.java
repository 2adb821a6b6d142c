package se.lots.federation.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.federation.money.FederationMoneyFixture.Forbund;
import se.lots.federation.money.MoneyService.AnnualBudgetInput;
import se.lots.federation.money.MoneyService.AreaInput;
import se.lots.federation.money.MoneyService.BudgetLineInput;
import se.lots.federation.money.MoneyService.PaymentInput;
import se.lots.federation.money.MoneyService.ReturnInput;
import se.lots.federation.money.MoneyService.UseInput;
import se.lots.organisation.OrganisationService;
import se.lots.plan.EnrolmentService;
import se.lots.security.CurrentActor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;
import se.lots.shared.imports.RowError;

/**
 * The förbund's money on the real database: grants booked from the board's event (once per decision and year, in
 * the deciding transaction), budgets, payments, use per quarter and returns, the warnings when use runs ahead of the
 * grant or of the payments, the confirmation a use above the grant needs, the import of use (all or nothing, a broken
 * row named by row and column), and who may do what.
 */
@IntegrationTest
class MoneyIntegrationTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
    private static final List<String> HEADER = List.of("Diarienummer", "Insats", "År", "Kvartal", "Förbrukat");

    @Autowired
    MoneyService money;
    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MessageSource messages;
    @Autowired
    Clock clock;
    @LocalServerPort
    int port;

    FederationMoneyFixture fixture;
    Forbund f;
    long framsteget;
    int year;

    @BeforeEach
    void aForbundWithAProgramme() {
        fixture = new FederationMoneyFixture(organisations, actors, enrolments, events, jdbc);
        f = fixture.newForbund();
        framsteget = fixture.programme(f, "Framsteget " + f.n(), "DNR-" + f.n() + "-01");
        year = money.currentYear();
    }

    private long uses(long programmeId) {
        return jdbc.sql("SELECT count(*) FROM federation_use WHERE programme_id = ?").param(programmeId)
                .query(Long.class).single();
    }

    private static Map<String, String> fields(InvalidInputException e) {
        var map = new java.util.LinkedHashMap<String, String>();
        e.errors().forEach(x -> map.putIfAbsent(x.field(), x.messageKey()));
        return map;
    }

    private static String basic(String username) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((username + ":"
                + FederationMoneyFixture.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    // ---- grants ---------------------------------------------------------------------------------------------

    @Test
    void aGrantDecidedByTheBoardIsBookedForTheProgrammeAndAStructuralActivityGetsItsOwnLine() {
        fixture.grant(f, framsteget, year, "200000");
        long structural = fixture.grant(f, null, year, "50000");

        FederationYear y = money.year(f.officer(), year);
        assertThat(y.decided()).isEqualByComparingTo("250000");
        assertThat(y.programmes()).singleElement().satisfies(p -> {
            assertThat(p.programmeId()).isEqualTo(framsteget);
            assertThat(p.granted()).isEqualByComparingTo("200000");
        });
        assertThat(y.structural()).singleElement().satisfies(s -> {
            assertThat(s.decisionId()).isEqualTo(structural);
            assertThat(s.amount()).isEqualByComparingTo("50000");
        });
        assertThat(money.programme(f.officer(), framsteget, year).grants()).hasSize(1);
    }

    @Test
    void theSameDecisionAndYearIsBookedOnlyOnce() {
        long decision = fixture.nextDecisionId();
        events.publishEvent(fixture.grantDecided(f, decision, framsteget, year, "120000"));
        events.publishEvent(fixture.grantDecided(f, decision, framsteget, year, "120000"));
        // the same decision for the next year is another booking
        events.publishEvent(fixture.grantDecided(f, decision, framsteget, year + 1, "80000"));

        assertThat(money.year(f.officer(), year).decided()).isEqualByComparingTo("120000");
        assertThat(jdbc.sql("SELECT count(*) FROM federation_grant WHERE decision_id = ?").param(decision)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aGrantThatCannotBeBookedRollsTheDecidingTransactionBack() {
        Forbund other = fixture.newForbund();
        long valid = fixture.nextDecisionId();
        long wrong = fixture.nextDecisionId();
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            events.publishEvent(fixture.grantDecided(f, valid, framsteget, year, "100000"));
            // the other förbund cannot grant money to this förbund's programme
            events.publishEvent(fixture.grantDecided(other, wrong, framsteget, year, "100000"));
        })).isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM federation_grant WHERE decision_id IN (?, ?)")
                .params(valid, wrong).query(Long.class).single()).isZero();
    }

    // ---- warnings -------------------------------------------------------------------------------------------

    @Test
    void useAboveTheGrantNeedsAConfirmationAndIsThenWarnedOnTheProgrammeAndTheYear() {
        fixture.grant(f, framsteget, year, "100000");
        money.enterUse(f.officer(), framsteget, new UseInput(String.valueOf(year), "1", "60 000", false, null));

        var refused = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() -> money.enterUse(
                f.lead(), framsteget, new UseInput(String.valueOf(year), "2", "50 000,50", false, null)));
        assertThat(fields(refused)).containsOnlyKeys("confirmAboveGrant");
        assertThat(refused.texts(messages, SWEDISH).get("confirmAboveGrant"))
                .isEqualTo("Förbrukningen för " + year + " blir 110 000,50 kr, mer än beviljade 100 000 kr. "
                        + "Kryssa i att du har sett det för att spara ändå.");
        assertThat(money.programme(f.lead(), framsteget, year).line().used()).isEqualByComparingTo("60000");

        ProgrammeLine line = money.enterUse(f.lead(), framsteget,
                new UseInput(String.valueOf(year), "2", "50 000,50", true, null));
        assertThat(line.used()).isEqualByComparingTo("110000.50");
        assertThat(line.overGrant()).isTrue();
        assertThat(line.remaining()).isEqualByComparingTo("-10000.50");
        assertThat(money.year(f.officer(), year).warnings()).extracting(ProgrammeLine::programmeId)
                .containsExactly(framsteget);
    }

    @Test
    void useAheadOfThePaymentsIsASofterNoticeThanUseAboveTheGrant() {
        fixture.grant(f, framsteget, year, "100000");
        LocalDate today = LocalDate.now(clock);
        money.addPayment(f.officer(), framsteget, new PaymentInput(today.toString(), "25 000", "Första"));
        money.enterUse(f.lead(), framsteget, new UseInput(String.valueOf(year), "1", "30000", null, null));

        ProgrammeLine line = money.programme(f.officer(), framsteget, year).line();
        assertThat(line.paid()).isEqualByComparingTo("25000");
        assertThat(line.aheadOfPayments()).isTrue();
        assertThat(line.overGrant()).isFalse();

        // what is returned no longer pays for use
        money.addPayment(f.officer(), framsteget, new PaymentInput(today.toString(), "10 000", null));
        assertThat(money.programme(f.officer(), framsteget, year).line().aheadOfPayments()).isFalse();
        money.addReturn(f.officer(), framsteget, new ReturnInput(today.toString(), "6000", "Vakant tjänst"));
        ProgrammeLine after = money.programme(f.officer(), framsteget, year).line();
        assertThat(after.returned()).isEqualByComparingTo("6000");
        assertThat(after.aheadOfPayments()).isTrue();
    }

    @Test
    void correctingAQuarterReplacesItsFigureAndAStaleVersionIsAConflict() {
        fixture.grant(f, framsteget, year, "100000");
        money.enterUse(f.officer(), framsteget, new UseInput(String.valueOf(year), "3", "10000", false, null));
        int version = money.programme(f.officer(), framsteget, year).uses().get(0).version();
        money.enterUse(f.officer(), framsteget, new UseInput(String.valueOf(year), "Q3", "12000", false, version));
        assertThat(money.programme(f.officer(), framsteget, year).line().used()).isEqualByComparingTo("12000");
        assertThatThrownBy(() -> money.enterUse(f.lead(), framsteget,
                new UseInput(String.valueOf(year), "3", "9000", false, version)))
                .isInstanceOf(ConflictException.class);
    }

    // ---- bad input ------------------------------------------------------------------------------------------

    @Test
    void negativeOrNonNumericAmountsAQuarterOutsideOneToFourAndAnUnreasonableYearAreRefusedNamingTheField() {
        var e = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() -> money.enterUse(
                f.officer(), framsteget, new UseInput("1999", "5", "-100", true, null)));
        assertThat(fields(e)).containsExactly(Map.entry("year", "federation.money.year.unreasonable"),
                Map.entry("quarter", "federation.money.quarter.range"),
                Map.entry("amount", "federation.money.amount.negative"));
        assertThat(e.texts(messages, SWEDISH).get("year")).isEqualTo("Ange ett år mellan 2000 och " + (year + 10)
                + ".");

        var notANumber = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() -> money
                .addPayment(f.officer(), framsteget, new PaymentInput("2026-13-01", "tjugo tusen", null)));
        assertThat(fields(notANumber)).containsExactly(Map.entry("paidOn", "validation.date"),
                Map.entry("amount", "federation.money.amount.notNumber"));

        var budget = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() -> money
                .addBudgetLine(f.officer(), framsteget, new BudgetLineInput(String.valueOf(year), "", "", "1,234")));
        assertThat(fields(budget)).containsExactly(Map.entry("funderId", "federation.money.budget.funderRequired"),
                Map.entry("amount", "federation.money.amount.ore"));
        assertThatThrownBy(() -> money.addReturn(f.officer(), framsteget,
                new ReturnInput(LocalDate.now(clock).toString(), "0", " "))).isInstanceOf(InvalidInputException.class);

        assertThat(uses(framsteget)).isZero();
        assertThat(money.programme(f.officer(), framsteget, year).payments()).isEmpty();
        assertThat(money.programme(f.officer(), framsteget, year).budget()).isEmpty();
    }

    @Test
    void aBudgetLinePerFunderAndYearAddsUpOnTheProgrammeAndASecondFromTheSameFunderIsRefused() {
        long funder = money.programme(f.officer(), framsteget, year).funders().get(0).id();
        money.addBudgetLine(f.officer(), framsteget,
                new BudgetLineInput(String.valueOf(year), String.valueOf(funder), null, "300 000"));
        money.addBudgetLine(f.officer(), framsteget, new BudgetLineInput(String.valueOf(year), null, "ESF", "75 000,25"));
        assertThat(money.programme(f.officer(), framsteget, year).line().budgeted())
                .isEqualByComparingTo("375000.25");
        var again = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() -> money.addBudgetLine(
                f.officer(), framsteget, new BudgetLineInput(String.valueOf(year), null, "esf", "1")));
        assertThat(fields(again)).containsOnlyKeys("funderId");
        assertThat(money.programme(f.officer(), framsteget, year).budget()).extracting(b -> b.funder())
                .containsExactlyInAnyOrder(f.name(), "ESF");
    }

    @Test
    void theForbundsAnnualBudgetStandsAgainstWhatIsDecidedAndItsAreasMayNotExceedTheTotal() {
        fixture.grant(f, framsteget, year, "1000000");
        fixture.grant(f, null, year, "200000");
        var tooMuch = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() -> money
                .setAnnualBudget(f.officer(), new AnnualBudgetInput(String.valueOf(year), "1 000 000",
                        List.of(new AreaInput("Individinriktade insatser", "900 000"), new AreaInput("Kansli",
                                "200 000")), null)));
        assertThat(fields(tooMuch)).containsOnlyKeys("total");
        assertThat(money.year(f.officer(), year).budget()).isNull();

        money.setAnnualBudget(f.officer(), new AnnualBudgetInput(String.valueOf(year), "4 000 000",
                List.of(new AreaInput("Individinriktade insatser", "3 000 000"),
                        new AreaInput("Strukturövergripande insatser", "500 000"), new AreaInput("", "")), null));
        FederationYear y = money.year(f.officer(), year);
        assertThat(y.budget().areas()).extracting(FederationYear.Area::area)
                .containsExactly("Individinriktade insatser", "Strukturövergripande insatser");
        assertThat(y.budget().unallocated()).isEqualByComparingTo("500000");
        assertThat(y.decided()).isEqualByComparingTo("1200000");
        assertThat(y.remaining()).isEqualByComparingTo("2800000");

        int version = y.budget().version();
        money.setAnnualBudget(f.officer(), new AnnualBudgetInput(String.valueOf(year), "4 100 000",
                List.of(new AreaInput("Kansli", "600 000")), version));
        assertThatThrownBy(() -> money.setAnnualBudget(f.officer(), new AnnualBudgetInput(String.valueOf(year),
                "1", List.of(), version))).isInstanceOf(ConflictException.class);
        assertThat(money.year(f.officer(), year).budget().total()).isEqualByComparingTo("4100000");
    }

    // ---- the import -----------------------------------------------------------------------------------------

    @Test
    void anImportWithABrokenRowNamesTheRowAndTheColumnAndSavesNothing() {
        String dnr = "DNR-" + f.n() + "-01";
        byte[] file = FederationMoneyFixture.xlsx(HEADER, List.of(
                List.of(dnr, "", String.valueOf(year), "1", "10000"),
                List.of(dnr, "", String.valueOf(year), "5", "10000"),
                List.of("", "Finns inte", String.valueOf(year), "3", "tio")));

        UsePreview preview = money.uploadUse(f.officer(), "forbrukat.xlsx", file, SWEDISH);
        assertThat(preview.canConfirm()).isFalse();
        assertThat(preview.errors()).extracting(RowError::row, RowError::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "Kvartal"), org.assertj.core.groups.Tuple.tuple(4, "Insats"),
                org.assertj.core.groups.Tuple.tuple(4, "Förbrukat"));
        assertThat(preview.errors().get(0).message()).isEqualTo("Kvartalet ska vara 1, 2, 3 eller 4.");
        assertThatThrownBy(() -> money.confirmUse(f.officer(), preview.importId(), preview.digest(), true, SWEDISH))
                .isInstanceOf(InvalidInputException.class);
        assertThat(uses(framsteget)).isZero();
    }

    @Test
    void aGoodImportShowsItsPreviewNeedsTheConfirmationAboveTheGrantAndIsThenWrittenWhole() {
        long second = fixture.programme(f, "Ungdomslyftet " + f.n(), null);
        fixture.grant(f, framsteget, year, "50000");
        fixture.grant(f, second, year, "500000");
        money.enterUse(f.officer(), second, new UseInput(String.valueOf(year), "1", "1000", false, null));
        byte[] file = FederationMoneyFixture.xlsx(HEADER, List.of(
                List.of("dnr-" + f.n() + "-01", "", String.valueOf(year), "1", "30 000"),
                List.of("", "Framsteget " + f.n(), String.valueOf(year), "2", "30 000"),
                List.of("", "ungdomslyftet " + f.n(), String.valueOf(year), "K1", "2000,50"),
                List.of("", "Ungdomslyftet " + f.n(), String.valueOf(year), "2", "1000")));

        UsePreview preview = money.uploadUse(f.officer(), "forbrukat.xlsx", file, SWEDISH);
        assertThat(preview.errors()).isEmpty();
        assertThat(preview.added()).hasSize(3);
        assertThat(preview.changed()).singleElement().satisfies(c -> {
            assertThat(c.before()).isEqualByComparingTo("1000");
            assertThat(c.amount()).isEqualByComparingTo("2000.50");
        });
        assertThat(preview.aboveGrant()).singleElement().satisfies(a -> {
            assertThat(a.programmeId()).isEqualTo(framsteget);
            assertThat(a.used()).isEqualByComparingTo("60000");
        });

        var refused = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() -> money.confirmUse(
                f.officer(), preview.importId(), preview.digest(), false, SWEDISH));
        assertThat(fields(refused)).containsOnlyKeys("confirmAboveGrant");
        assertThat(uses(framsteget)).isZero();
        assertThat(money.programme(f.officer(), second, year).line().used()).isEqualByComparingTo("1000");

        money.confirmUse(f.officer(), preview.importId(), preview.digest(), true, SWEDISH);
        assertThat(money.programme(f.officer(), framsteget, year).line().used()).isEqualByComparingTo("60000");
        assertThat(money.programme(f.officer(), second, year).line().used()).isEqualByComparingTo("3000.50");
        assertThat(money.programme(f.officer(), second, year).uses()).allMatch(ProgrammeMoney.QuarterUse::imported);

        UsePreview again = money.uploadUse(f.officer(), "forbrukat.xlsx", file, SWEDISH);
        assertThat(again.changesNothing()).isTrue();
        assertThat(again.unchanged()).isEqualTo(4);
    }

    @Test
    void anImportCannotNameAnotherForbundsProgramme() {
        Forbund other = fixture.newForbund();
        fixture.programme(other, "Annans insats " + other.n(), "ANNAN-" + other.n());
        byte[] file = FederationMoneyFixture.xlsx(HEADER, List.of(
                List.of("ANNAN-" + other.n(), "", String.valueOf(year), "1", "100")));
        UsePreview preview = money.uploadUse(f.officer(), "annan.xlsx", file, SWEDISH);
        assertThat(preview.errors()).extracting(RowError::row, RowError::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "Diarienummer"));
    }

    // ---- who ------------------------------------------------------------------------------------------------

    @Test
    void theProgrammeLeadSeesAndEntersUseOfItsOwnProgrammeOnlyAndNothingElse() {
        var lead = f.lead();
        assertThat(money.programme(lead, framsteget, year).officer()).isFalse();
        money.enterUse(lead, framsteget, new UseInput(String.valueOf(year), "1", "0", false, null));
        assertThatThrownBy(() -> money.addPayment(lead, framsteget, new PaymentInput(LocalDate.now(clock).toString(), "1",
                null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> money.addBudgetLine(lead, framsteget, new BudgetLineInput(String.valueOf(year),
                null, "ESF", "1"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> money.year(lead, year)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> money.uploadUse(lead, "x.xlsx", new byte[] { 1 }, SWEDISH))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anotherForbundsOfficerACaseWorkerAndAnotherOrganisationsLeadAreRefused() {
        Forbund other = fixture.newForbund();
        for (var outsider : List.of(other.officer(), other.lead(), f.caseWorker())) {
            assertThatThrownBy(() -> money.programme(outsider, framsteget, year)).as(outsider.username())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> money.enterUse(outsider, framsteget, new UseInput(String.valueOf(year), "1",
                    "1", true, null))).as(outsider.username()).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> money.year(f.caseWorker(), year)).isInstanceOf(AccessDeniedException.class);
        assertThat(money.year(other.officer(), year).programmes()).isEmpty();
        assertThat(uses(framsteget)).isZero();
    }

    @Test
    void thePagesAndTheApiAnswer403ToThoseWhoMayNotAndShowTheOfficerTheYear() {
        Forbund other = fixture.newForbund();
        var outsider = WebSession.logIn(port, other.officer().username(), FederationMoneyFixture.PASSWORD);
        assertThat(outsider.get("/forbund/insatser/" + framsteget + "/ekonomi").statusCode()).isEqualTo(403);
        var api = outsider.send(outsider.request("/api/v1/federation/money/programmes/" + framsteget)
                .header("Authorization", basic(other.officer().username())));
        assertThat(api.statusCode()).isEqualTo(403);
        var lead = WebSession.logIn(port, f.lead().username(), FederationMoneyFixture.PASSWORD);
        assertThat(lead.get("/forbund/ekonomi").statusCode()).isEqualTo(403);
        assertThat(lead.get("/forbund/insatser/" + framsteget + "/ekonomi").statusCode()).isEqualTo(200);

        fixture.grant(f, framsteget, year, "1000");
        money.enterUse(f.officer(), framsteget, new UseInput(String.valueOf(year), "1", "2000", true, null));
        var officer = WebSession.logIn(port, f.officer().username(), FederationMoneyFixture.PASSWORD);
        var page = officer.get("/forbund/ekonomi?ar=" + year);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"over-grant-" + framsteget + "\"", "Framsteget " + f.n());
        var json = officer.send(officer.request("/api/v1/federation/money/years/" + year)
                .header("Authorization", basic(f.officer().username())));
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"granted\":1000.00", "\"overGrant\":true");
        assertThat(officer.get("/forbund/ekonomi?ar=1800").body()).contains("id=\"year-error\"");
    }
}
