package se.lots.kaa.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.kaa.ExitReason;
import se.lots.kaa.KaaFixture;
import se.lots.kaa.KaaImportService;
import se.lots.kaa.KaaRegisterBuilder;
import se.lots.kaa.figures.KaaFiguresService.Figures;
import se.lots.kaa.measure.KaaMeasureService;
import se.lots.kaa.measure.KaaMeasureService.MeasureInput;
import se.lots.kaa.register.KaaService;
import se.lots.kaa.register.KaaService.StatusInput;
import se.lots.security.Actor;

@IntegrationTest
class HalfYearFiguresIntegrationTest {

    private static final Locale SV = Locale.forLanguageTag("sv");
    // a half-year that is over, so that every date in it can be recorded
    private static final HalfYear HALF = HalfYear.containing(LocalDate.now()).previous();
    private static final LocalDate S = HALF.start();
    private static final LocalDate E = HALF.end();

    @Autowired
    KaaFiguresService figures;
    @Autowired
    KaaMeasureService measures;
    @Autowired
    KaaService kaa;
    @Autowired
    KaaImportService imports;
    @Autowired
    KaaFixture fixture;
    @Autowired
    JdbcClient jdbc;

    record Register(Actor coordinator, KaaRegisterBuilder builder, UUID ada, UUID bea, UUID cia, UUID dan, UUID eva) {
    }

    /**
     * Ada: in the register since before the period, contacted, two measures under way (praktik, SYV).
     * Bea: registered and closed (moved) within the period. Cia: registered after the period. Dan: left before it.
     * Eva: registered on the first day, no status, declined her first offer (komvux), then started folkhögskola.
     */
    private Register aRegister() {
        Actor coordinator = fixture.newMunicipality();
        var b = new KaaRegisterBuilder(coordinator, imports, fixture, jdbc);
        UUID[] ids = b.person("Ada", "kvinna").person("Bea", "man").person("Cia", "kvinna").person("Dan", "man")
                .protectedPerson("Eva").build();
        b.registeredOn(ids[0], S.minusDays(30));
        b.registeredOn(ids[1], S.plusDays(10));
        b.exited(ids[1], S.plusDays(40), ExitReason.FLYTTAT);
        b.registeredOn(ids[2], E.plusDays(1));
        b.registeredOn(ids[3], S.minusDays(100));
        b.exited(ids[3], S.minusDays(1), ExitReason.PABORJAT_NATIONELLT_PROGRAM);
        b.registeredOn(ids[4], S);
        kaa.recordStatus(coordinator, ids[0], new StatusInput("KONTAKTAD", null, null, S.plusDays(10).toString(),
                "UNGDOMEN", null));
        measure(coordinator, ids[0], "PRAKTIK", S.plusDays(5), S.plusDays(10), false);
        measure(coordinator, ids[0], "SYV", null, S.plusDays(20), false);
        measure(coordinator, ids[4], "KOMVUX", S.plusDays(3), null, true);
        measure(coordinator, ids[4], "FOLKHOGSKOLA", S.plusDays(20), S.plusDays(25), false);
        return new Register(coordinator, b, ids[0], ids[1], ids[2], ids[3], ids[4]);
    }

    private void measure(Actor coordinator, UUID person, String category, LocalDate offered, LocalDate started,
            boolean declined) {
        measures.register(coordinator, person, new MeasureInput(category, null, "KOMMUN", null,
                offered == null ? null : offered.toString(), started == null ? null : started.toString(), null, null,
                null, declined));
    }

    private static String cell(Figures f, String table, String key) {
        return f.table(table).row(key).cell().text();
    }

    @Test
    void theHalfYearCountsThoseInTheRegisterDuringThePeriodWithTheirStatusAtItsEnd() {
        var r = aRegister();

        Figures f = figures.figures(r.coordinator(), HALF, false, SV);

        assertThat(f.total().count()).isEqualTo(3);
        assertThat(cell(f, "REASON", "SLUTAT_MED_STUDIEBEVIS")).isEqualTo("3");
        assertThat(cell(f, "STATUS", "KONTAKTAD")).isEqualTo("1");
        assertThat(cell(f, "STATUS", "AVSLUTAD")).isEqualTo("1");
        assertThat(cell(f, "STATUS", "OKAND")).isEqualTo("1");
        assertThat(cell(f, "EXIT", "FLYTTAT")).isEqualTo("1");
        assertThat(cell(f, "EXIT", "KVAR")).isEqualTo("2");
        assertThat(cell(f, "EXIT", "PABORJAT_NATIONELLT_PROGRAM")).isEqualTo("0");
        assertThat(cell(f, "GENDER", "KVINNA")).isEqualTo("2");
        assertThat(cell(f, "GENDER", "MAN")).isEqualTo("1");
    }

    @Test
    void aPersonInTwoCategoriesCountsInBothButOnceInTheTotal() {
        var r = aRegister();

        Figures f = figures.figures(r.coordinator(), HALF, false, SV);

        assertThat(cell(f, "UNDER_WAY", "PRAKTIK")).isEqualTo("1");
        assertThat(cell(f, "UNDER_WAY", "SYV")).isEqualTo("1");
        assertThat(cell(f, "UNDER_WAY", "FOLKHOGSKOLA")).isEqualTo("1");
        assertThat(cell(f, "UNDER_WAY", "KOMVUX")).isEqualTo("0");
        assertThat(f.table("UNDER_WAY").total().count()).isEqualTo(2);
        assertThat(cell(f, "OFFERED", "KOMVUX")).isEqualTo("1");
        assertThat(f.table("OFFERED").total().count()).isEqualTo(2);
        assertThat(cell(f, "DECLINED_FIRST", "JA")).isEqualTo("1");
        assertThat(cell(f, "DECLINED_FIRST", "NEJ")).isEqualTo("1");
    }

    @Test
    void ageIsTheAgeOnThePeriodsLastDay() {
        var r = aRegister();
        var ages = new ArrayList<Integer>();
        for (int i : new int[] { 0, 1, 4 }) {
            String pin = r.builder().pinOf(i);
            LocalDate birth = LocalDate.of(Integer.parseInt(pin.substring(0, 4)),
                    Integer.parseInt(pin.substring(4, 6)), Integer.parseInt(pin.substring(6, 8)));
            ages.add(Period.between(birth, E).getYears());
        }

        Figures f = figures.figures(r.coordinator(), HALF, false, SV);

        long sum = 0;
        for (Integer age : ages.stream().distinct().toList()) {
            long expected = ages.stream().filter(age::equals).count();
            assertThat(f.table("AGE").row(age.toString()).cell().count()).as("age %d", age).isEqualTo(expected);
            sum += expected;
        }
        assertThat(f.table("AGE").rows().stream().mapToLong(row -> row.cell().count()).sum()).isEqualTo(sum);
    }

    @Test
    void theNextHalfYearCountsTheOneRegisteredAfterThePeriod() {
        var r = aRegister();
        // Ada, Eva still open; Cia registered on the first day of the next half
        assertThat(figures.figures(r.coordinator(), HALF.next(), false, SV).total().count()).isEqualTo(3);
    }

    @Test
    void forReportingEverySmallCountIsSuppressedAndSoIsTheXlsx() throws Exception {
        var r = aRegister();

        Figures f = figures.figures(r.coordinator(), HALF, true, SV);
        assertThat(f.total().text()).isEqualTo("<5");
        assertThat(cell(f, "STATUS", "KONTAKTAD")).isEqualTo("<5");
        assertThat(cell(f, "STATUS", "ARBETAR")).isEqualTo("0");

        var xlsx = figures.xlsx(r.coordinator(), HALF, SV);
        var texts = new ArrayList<String>();
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.content()))) {
            wb.getFirstSheet().openStream().forEach(row -> row.forEach(c -> texts.add(c == null ? "" : c.getText())));
        }
        assertThat(texts).contains("<5", "Status vid periodens slut", "Lämnat registret under perioden");
        assertThat(texts).doesNotContain("1", "2", "3");
    }

    @Test
    void thePerPersonFileHasTheDocumentedColumnsNoAddressAndEveryPersonAuditedAsAnExport() {
        var r = aRegister();

        var file = figures.scbFile(r.coordinator(), HALF);

        String text = new String(file.content(), StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("kommunkod;period;personnummer;kon;registreringsdatum;registreringsorsak;"
                + "status_periodens_slut;atgard_erbjuden;atgard_pagaende;tackat_nej_forsta_atgard;avslutsdatum;"
                + "avslutsorsak");
        assertThat(lines).hasSize(4);
        assertThat(lines).contains("1260;" + HALF + ";" + r.builder().pinOf(4) + ";K;" + S
                + ";SLUTAT_MED_STUDIEBEVIS;OKAND;FOLKHOGSKOLA,KOMVUX;FOLKHOGSKOLA;J;;");
        assertThat(lines).contains("1260;" + HALF + ";" + r.builder().pinOf(1) + ";M;" + S.plusDays(10)
                + ";SLUTAT_MED_STUDIEBEVIS;AVSLUTAD;;;;" + S.plusDays(40) + ";FLYTTAT");
        assertThat(text).doesNotContain(r.builder().pinOf(2)).doesNotContain(r.builder().pinOf(3));
        // no address of anyone, and so never the protected identity's (Eva)
        assertThat(text).doesNotContain("Storgatan").doesNotContain("268 31").doesNotContain("Svalöv")
                .doesNotContain("Listsson");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'EXPORT' AND username = ?"
                + " AND detail = ? AND person_id IN (?, ?, ?)")
                .params(r.coordinator().username(), "KAA: fil per person till SCB " + HALF, r.ada(), r.bea(), r.eva())
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void onlyTheCoordinatorGetsThePerPersonFileAndAnotherMunicipalityCountsNobodyOfOurs() {
        var r = aRegister();
        assertThatThrownBy(() -> figures.scbFile(fixture.caseWorkerOf(r.coordinator()), HALF))
                .isInstanceOf(AccessDeniedException.class);
        // another municipality's figures count none of these people
        assertThat(figures.figures(fixture.newMunicipality(), HALF, false, SV).total().count()).isZero();
    }

    @Test
    void theTrendOfNotKnownIsTheShareAtEachMonthsEnd() {
        Actor coordinator = fixture.newMunicipality();
        var b = new KaaRegisterBuilder(coordinator, imports, fixture, jdbc);
        UUID[] ids = b.person("Ola", "man").person("Pia", "kvinna").build();
        YearMonth now = YearMonth.now();
        b.registeredOn(ids[0], now.minusMonths(3).atDay(1));
        b.registeredOn(ids[1], now.minusMonths(3).atDay(15));
        kaa.recordStatus(coordinator, ids[0], new StatusInput("KONTAKTAD", null, null,
                now.minusMonths(2).atDay(10).toString(), "UNGDOMEN", null));
        // Pia leaves on the last day of last month: no longer open at that month's end
        b.exited(ids[1], now.minusMonths(1).atEndOfMonth(), ExitReason.FLYTTAT);

        var trend = figures.trend(coordinator, 5, false).months();

        assertThat(trend).extracting(m -> m.month().toString()).containsExactly(now.minusMonths(4).toString(),
                now.minusMonths(3).toString(), now.minusMonths(2).toString(), now.minusMonths(1).toString(),
                now.toString());
        assertThat(trend).extracting(m -> m.open().count() + "/" + m.notKnown().count() + " " + m.percent())
                .containsExactly("0/0 null", "2/2 100", "2/1 50", "1/0 0", "1/0 0");
        // for reporting the same small counts are hidden, and the share with them
        assertThat(figures.trend(coordinator, 5, true).months().get(2).percent()).isNull();
    }

    @Test
    void forReportingClosedInThePeriodCannotBeWorkedOutFromThoseStillInTheRegister() {
        Actor coordinator = fixture.newMunicipality();
        var b = new KaaRegisterBuilder(coordinator, imports, fixture, jdbc);
        for (String name : List.of("Ali", "Bo", "Cim", "Dag", "Eli", "Fia", "Gus", "Hed")) {
            b.person(name, "man");
        }
        UUID[] ids = b.build();
        for (UUID id : ids) {
            b.registeredOn(id, S.minusDays(30));
        }
        b.exited(ids[0], S.plusDays(40), ExitReason.FLYTTAT);

        Figures exact = figures.figures(coordinator, HALF, false, SV);
        assertThat(cell(exact, "STATUS", "AVSLUTAD")).isEqualTo("1");
        assertThat(cell(exact, "EXIT", "KVAR")).isEqualTo("7");

        Figures f = figures.figures(coordinator, HALF, true, SV);
        assertThat(f.total().text()).isEqualTo("8");
        assertThat(cell(f, "STATUS", "AVSLUTAD")).isEqualTo("<5");
        assertThat(f.table("EXIT").row("KVAR").cell().hidden()).as("8 − 7 would give the 1 closed").isTrue();
    }
}
