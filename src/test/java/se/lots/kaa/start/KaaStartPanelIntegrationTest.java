package se.lots.kaa.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.MovableClock;
import se.lots.WebSession;
import se.lots.kaa.ExitReason;
import se.lots.kaa.KaaFixture;
import se.lots.kaa.KaaImportService;
import se.lots.kaa.KaaRegisterBuilder;
import se.lots.kaa.figures.KaaFiguresService;
import se.lots.kaa.register.KaaService;
import se.lots.kaa.register.Worklist;
import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.shared.chart.Chart;

/** The KAA panel of the start page: for the register's staff of a municipality only, with the lists' own numbers. */
@IntegrationTest
class KaaStartPanelIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    KaaStartPanel panel;
    @Autowired
    KaaService kaa;
    @Autowired
    KaaFiguresService figures;
    @Autowired
    KaaImportService imports;
    @Autowired
    KaaFixture fixture;
    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm"));

    /** Three in the register: one whose review is long overdue, one closed today for turning 20, one new. */
    Actor aRegister() {
        Actor coordinator = fixture.newMunicipality();
        var b = new KaaRegisterBuilder(coordinator, imports, fixture, jdbc);
        UUID[] ids = b.person("Olle", "man").person("Tyra", "kvinna").person("Nina", "kvinna").build();
        b.registeredOn(ids[0], TODAY.minusDays(90));
        b.exited(ids[1], TODAY, ExitReason.FYLLT_20);
        return coordinator;
    }

    @BeforeEach
    void swedish() {
        // the start page asks the panels within a request, whose locale is the user's: Swedish here
        LocaleContextHolder.setLocale(Locale.forLanguageTag("sv"));
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void theCoordinatorSeesTheNumbersOfTheWorklistTheLeavingListAndTheFiguresPage() {
        Actor coordinator = aRegister();
        var content = panel.content(coordinator).orElseThrow();
        assertThat(content.template()).isEqualTo("kaa/start");
        long due = kaa.worklist(coordinator, Worklist.Filter.DUE, Worklist.Sort.REVIEW, 0).total();
        assertThat(due).isEqualTo(1);
        assertThat(content.panel().get("due")).isEqualTo(due);
        long leaving = kaa.leaving(coordinator, YearMonth.from(TODAY)).size();
        assertThat(leaving).isEqualTo(1);
        assertThat(content.panel().get("leaving")).isEqualTo(leaving);

        Chart chart = (Chart) content.panel().get("chart");
        var trend = figures.trend(coordinator, KaaStartPanel.MONTHS, false);
        assertThat(chart.rows()).extracting(Chart.Row::category)
                .containsExactlyElementsOf(trend.months().stream().map(m -> m.month().toString()).toList());
        // the newest month: two open, both without a status of their own ("not known")
        assertThat(trend.months().get(trend.months().size() - 1).percent()).isEqualTo(100);
        assertThat(chart.rows().get(chart.rows().size() - 1).texts()).containsExactly("100\u00a0%");

        var page = WebSession.logIn(port, coordinator.username(), "ett-langt-losenord").get("/").body();
        assertThat(page).contains("id=\"start-kaa\"", "href=\"/kaa/leaving?month=" + YearMonth.from(TODAY) + "\"",
                "href=\"/kaa?filter=DUE&amp;sort=REVIEW\"", "1 uppföljning är försenad", "1 person fyller 20",
                "role=\"img\"", "Visa som tabell");
    }

    @Test
    void thePanelSpeaksTheUsersLanguageThoughTheStartPageAsksItOnAnotherThread() {
        Actor coordinator = aRegister();
        var session = WebSession.logIn(port, coordinator.username(), "ett-langt-losenord");
        // the chart's name is written by the panel itself (web.internal.StartPanels asks the panels at the same time)
        String english = session.get("/?lang=en").body();
        assertThat(english).contains("Share with occupation not known, per month", "Activity responsibility (KAA)")
                .doesNotContain("Andel med okänd sysselsättning");
        String swedish = session.get("/?lang=sv").body();
        assertThat(swedish).contains("Andel med okänd sysselsättning, per månad", "Aktivitetsansvaret (KAA)")
                .doesNotContain("Share with occupation not known");
    }

    @Test
    void theTrendIsKeptAQuarterOfAnHourAndTheCountsAreCountedEachTime() {
        Actor coordinator = aRegister();
        var before = ((Chart) panel.content(coordinator).orElseThrow().panel().get("chart")).rows();
        assertThat(before.get(before.size() - 1).texts()).containsExactly("100\u00a0%");
        // a third person whose occupation is known: the month's share falls to two of three
        var b = new KaaRegisterBuilder(coordinator, imports, fixture, jdbc);
        UUID sam = b.person("Sam", "man").build()[0];
        kaa.recordStatus(coordinator, sam, new KaaService.StatusInput("KONTAKTAD", null, null, TODAY.toString(),
                "UNGDOMEN", null));
        try {
            var kept = panel.content(coordinator).orElseThrow();
            assertThat(((Chart) kept.panel().get("chart")).rows()).as("the kept trend").isEqualTo(before);
            assertThat(kept.panel().get("due")).as("counted now")
                    .isEqualTo(kaa.worklist(coordinator, Worklist.Filter.DUE, Worklist.Sort.REVIEW, 0).total());
            clock.moveBy(KaaStartPanel.TREND_KEPT.plusMinutes(1));
            var later = ((Chart) panel.content(coordinator).orElseThrow().panel().get("chart")).rows();
            assertThat(later.get(later.size() - 1).texts()).containsExactly("67\u00a0%");
        } finally {
            clock.reset();
        }
    }

    @Test
    void theCaseWorkerOfTheMunicipalitySeesItAsTheWorklistLetsThemIn() {
        Actor coordinator = aRegister();
        var content = panel.content(fixture.caseWorkerOf(coordinator)).orElseThrow();
        assertThat(content.panel().get("due")).isEqualTo(1L);
    }

    @Test
    void anotherMunicipalitySeesItsOwnRegisterAndOtherRolesAndOrganisationsNone() {
        aRegister();
        Actor other = fixture.newMunicipality();
        var content = panel.content(other).orElseThrow();
        assertThat(content.panel().get("due")).isEqualTo(0L);
        assertThat(content.panel().get("leaving")).isEqualTo(0L);
        var rows = ((Chart) content.panel().get("chart")).rows();
        assertThat(rows.get(rows.size() - 1).texts()).containsExactly("–");

        for (String username : List.of("insatsledare", "forbund", "analytiker", "demoadmin")) {
            assertThat(panel.content(actors.byUsername(username))).as(username).isEmpty();
        }
        String name = "Stiftelsen utan kommun " + UUID.randomUUID();
        var org = organisations.create(new NewOrganisation(name, PartyType.CIVIL_SOCIETY, null, null, List.of("Enhet")));
        String username = "kaa-utan-" + UUID.randomUUID().toString().substring(0, 8);
        organisations.createUser(new NewUser(username, "ett-langt-losenord", "Utan Kommun", Role.KAA_COORDINATOR,
                org.id(), null));
        assertThat(panel.content(actors.byUsername(username))).as("no municipality, no KAA register").isEmpty();
        var page = WebSession.logIn(port, "insatsledare").get("/").body();
        assertThat(page).doesNotContain("id=\"start-kaa\"");
    }

}
