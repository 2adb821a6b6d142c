package se.lots.progression.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.Organisation;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.plan.Enrolment;
import se.lots.plan.EnrolmentInput;
import se.lots.plan.EnrolmentService;
import se.lots.plan.Programme;
import se.lots.progression.FinsamExport;
import se.lots.progression.FinsamOverview;
import se.lots.progression.FixedPeriod;
import se.lots.progression.FunderReport;
import se.lots.progression.FunderReportService;
import se.lots.progression.ReportTable;
import se.lots.progression.registration.RegistrationInput;
import se.lots.progression.registration.RegistrationKind;
import se.lots.progression.registration.RegistrationService;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.shared.InvalidInputException;
import se.lots.shared.SmallCountSuppression.Cell;
import se.lots.shared.SmallCountSuppression.Mark;

/**
 * The published set of a förbund for the fixed periods of one year (2012, which no other test enrols in), with small
 * counts everywhere: Uppföljning Finsam per measure, each programme's suppressed report, and the Finsam export, for
 * the first half, the second half and the year. The test reads every published table as a reader would, names each
 * count by what its labels say it counts, and tries every subtraction a reader can do between them: a table's total
 * less its shown cells, the overview's totals less the programmes' figures from their reports, a programme's report
 * less what the overview shows, the occupations' columns less the discharged, and the year less a half-year — each
 * alone and all of them together (a hidden count is found when it is a linear combination of what is shown).
 */
@IntegrationTest
class FinsamPublicationIntegrationTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final List<FixedPeriod> PERIODS = List.of(new FixedPeriod(2012, 1), new FixedPeriod(2012, 2),
            new FixedPeriod(2012, 0));
    private static final List<String> MEASURES = List.of("A", "R", "D");

    @Autowired
    FunderReportService reports;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    RegistryService registry;
    @Autowired
    RegistrationService registrations;
    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;
    @Autowired
    MessageSource messages;

    Actor lead;
    Actor officer;
    List<Long> programmes = new ArrayList<>();

    @BeforeEach
    void aForbundWithThreeSmallProgrammes() {
        lead = actors.byUsername("insatsledare");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Organisation forbund = organisations.create(new NewOrganisation("Publiceringsförbundet " + suffix,
                PartyType.FORBUND, null, null, null));
        String username = "publicering." + suffix;
        organisations.createUser(new NewUser(username, "tre ord i rad och en häst", username,
                Role.FEDERATION_OFFICER, forbund.id(), null));
        officer = actors.byUsername(username);
        // women, men, other by programme: small in every programme, different in each half-year
        String[][] h1 = { { "KVINNA", "KVINNA", "MAN", "MAN", "MAN", "MAN", "MAN", "MAN" },
                { "KVINNA", "KVINNA", "KVINNA", "MAN", "MAN", "MAN", "MAN", "MAN" },
                { "KVINNA", "KVINNA", "KVINNA", "KVINNA", "KVINNA", "KVINNA", "KVINNA", "MAN", "ANNAT" } };
        String[][] h2 = { { "KVINNA", "MAN", "MAN", "MAN" }, { "MAN" }, { "KVINNA", "KVINNA", "MAN", "MAN" } };
        for (int p = 0; p < 3; p++) {
            long id = enrolments.saveProgramme(lead, "Publiceringstest " + (char) ('A' + p) + " " + suffix);
            enrolments.setProgrammeFundedBy(lead, id, String.valueOf(forbund.id().value()));
            programmes.add(id);
            int n = 0;
            for (String gender : h1[p]) {
                LocalDate start = LocalDate.of(2012, 2, 1).plusDays(7L * n);
                Enrolment e = enrol(id, start, gender);
                registrations.save(lead, e.id(), RegistrationKind.START, registration(start,
                        n % 2 == 0 ? "ARBETSSOKANDE" : "INGEN_SYSSELSATTNING", n % 3 == 0 ? "A_KASSA" : "AKTIVITETSSTOD"));
                // every third discharged in the first half, every fourth in the second
                LocalDate end = n % 3 == 0 ? LocalDate.of(2012, 5, 10).plusDays(n) : n % 4 == 1
                        ? LocalDate.of(2012, 9, 3).plusDays(n) : null;
                if (end != null) {
                    enrolments.discharge(lead, e.id(), end.toString(), n % 2 == 0 ? "ARBETE" : "AVBRUTIT",
                            e.version());
                    registrations.save(lead, e.id(), RegistrationKind.SLUT, registration(end,
                            n % 2 == 0 ? "ARBETAR" : "ARBETSSOKANDE", n % 2 == 0 ? "LON" : "A_KASSA"));
                }
                n++;
            }
            for (String gender : h2[p]) {
                enrol(id, LocalDate.of(2012, 8, 1).plusDays(5L * n++), gender);
            }
        }
    }

    Enrolment enrol(long programme, LocalDate on, String gender) {
        UUID person = registry.register(lead, aYoungPerson().named("Publicering", "Testsson").gender(gender).build())
                .id();
        return enrolments.enrol(lead, person, new EnrolmentInput(String.valueOf(programme), on.toString(), null, null,
                "Behöver stöd"));
    }

    static RegistrationInput registration(LocalDate on, String occupation, String income) {
        return new RegistrationInput(on.toString(), occupation, "ARBETAR".equals(occupation) ? "100" : null,
                List.of(income), "GYMNASIAL", false, null, null);
    }

    /** Every count the reader holds, by what it counts; and every sum the reader knows, as total = parts. */
    static final class Reader {
        final Map<String, Cell> counts = new LinkedHashMap<>();
        final List<List<String>> lines = new ArrayList<>();
        final List<String> contradictions = new ArrayList<>();

        void read(String key, Cell cell) {
            Cell before = counts.putIfAbsent(key, cell);
            if (before != null && before.hidden() != cell.hidden()) {
                contradictions.add(key + " is " + before.text() + " in one table and " + cell.text() + " in another");
            }
        }

        /** A table under keys: cells[r][c], its row totals, column totals and total where it prints them. */
        void table(ReportTable t, List<List<String>> cells, List<String> rowTotals, List<String> columnTotals,
                String total) {
            for (int r = 0; r < cells.size(); r++) {
                for (int c = 0; c < cells.get(r).size(); c++) {
                    read(cells.get(r).get(c), t.cell(r, c));
                }
                if (rowTotals != null && t.hasRowTotals()) {
                    read(rowTotals.get(r), t.table().rowTotals().get(r));
                    line(rowTotals.get(r), cells.get(r));
                }
            }
            if (columnTotals != null && t.hasTotalRow()) {
                for (int c = 0; c < columnTotals.size(); c++) {
                    read(columnTotals.get(c), t.table().columnTotals().get(c));
                    var column = new ArrayList<String>();
                    for (List<String> row : cells) {
                        column.add(row.get(c));
                    }
                    line(columnTotals.get(c), column);
                }
                if (total != null && t.table().total() != null) {
                    read(total, t.table().total());
                    line(total, columnTotals);
                }
            }
        }

        void line(String total, List<String> parts) {
            var line = new ArrayList<String>();
            line.add(total);
            line.addAll(parts);
            lines.add(line);
        }

        long value(String key) {
            Cell c = counts.get(key);
            return c == null ? 0 : c.count();
        }

        boolean known(String key) {
            Cell c = counts.get(key);
            return c == null || !c.hidden();
        }
    }

    static List<List<String>> grid(String prefix, int rows, int columns) {
        var cells = new ArrayList<List<String>>();
        for (int r = 0; r < rows; r++) {
            var row = new ArrayList<String>();
            for (int c = 0; c < columns; c++) {
                row.add(prefix + "|" + r + "|" + c);
            }
            cells.add(row);
        }
        return cells;
    }

    static List<String> totals(String prefix, int n, boolean rows) {
        var keys = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            keys.add(rows ? prefix + "|" + i + "|*" : prefix + "|*|" + i);
        }
        return keys;
    }

    /** A programme's report read into the reader, with the keys the overview and the export share. */
    void readReport(Reader reader, FixedPeriod q, long programme, FunderReport r) {
        String p = q.code() + "|" + programme;
        for (var t : List.of(r.registered(), r.discharged())) {
            String m = t == r.registered() ? "R" : "D";
            reader.table(t, grid(p + "|" + m, 3, 4), totals(p + "|" + m, 3, true), totals(p + "|" + m, 4, false),
                    p + "|" + m + "|*|*");
        }
        readCommon(reader, p, r.occupations(), r.incomes());
        var finsam = new ArrayList<List<String>>();
        for (String m : MEASURES) {
            finsam.add(totals(p + "|" + m, 3, true));
        }
        reader.table(r.finsam(), finsam, MEASURES.stream().map(m -> p + "|" + m + "|*|*").toList(), null, null);
    }

    private void readCommon(Reader reader, String p, ReportTable occupations, ReportTable incomes) {
        int rows = occupations.rows().size();
        // each column of occupations is every discharged participant once: the reader knows it adds up
        reader.table(occupations, grid(p + "|O", rows, 2), null, List.of(p + "|D|*|*", p + "|D|*|*"), null);
        reader.table(incomes, grid(p + "|I", incomes.rows().size(), 2), null, null, null);
    }

    void readExport(Reader reader, FixedPeriod q, FinsamExport e) {
        for (var pt : e.programmes()) {
            String p = q.code() + "|" + pt.programme().id();
            for (int m = 0; m < 3; m++) {
                String k = p + "|" + MEASURES.get(m);
                reader.table(pt.tables().get(m), grid(k, 3, 4), totals(k, 3, true), totals(k, 4, false), k + "|*|*");
            }
            readCommon(reader, p, pt.tables().get(3), pt.tables().get(4));
        }
    }

    void readOverview(Reader reader, FixedPeriod q, FinsamOverview f, String group) {
        for (int m = 0; m < 3; m++) {
            String measure = MEASURES.get(m);
            var cells = new ArrayList<List<String>>();
            var rowTotals = new ArrayList<String>();
            for (Programme p : f.programmes()) {
                cells.add(totals(q.code() + "|" + p.id() + "|" + measure, 3, true));
                rowTotals.add(q.code() + "|" + p.id() + "|" + measure + "|*|*");
            }
            String g = q.code() + "|" + group + "|" + measure;
            reader.table(f.tables().get(m), cells, rowTotals, totals(g, 3, false), g + "|*|*");
        }
    }

    /** Every published table of the three periods, read. */
    Reader readEverything() {
        var reader = new Reader();
        for (FixedPeriod q : PERIODS) {
            readOverview(reader, q, reports.finsam(officer, q, SWEDISH), "forbund");
            for (long p : programmes) {
                readReport(reader, q, p, reports.report(officer, p, new FunderReportService.Period(q.from(), q.to()),
                        SWEDISH));
                readReport(reader, q, p, reports.reportForDownload(lead, p,
                        new FunderReportService.Period(q.from(), q.to()), SWEDISH));
            }
            readExport(reader, q, reports.finsamExport(officer, q, SWEDISH));
        }
        // the year is the sum of its halves for everything but the participants in a period
        for (String key : new ArrayList<>(reader.counts.keySet())) {
            if (key.startsWith("2012|") && !key.contains("|A|")) {
                String rest = key.substring("2012".length());
                String h1 = "2012-H1" + rest;
                String h2 = "2012-H2" + rest;
                if (reader.value(key) == reader.value(h1) + reader.value(h2)) {
                    reader.line(key, List.of(h1, h2));
                }
            }
        }
        return reader;
    }

    @Test
    void noSubtractionBetweenTheOverviewTheReportsTheExportAndThePeriodsGivesASuppressedCountAway() {
        Reader reader = readEverything();
        assertThat(reader.contradictions).as("a count hidden in one table and shown in another").isEmpty();
        assertThat(reader.counts.values()).as("the data has small counts to protect")
                .anyMatch(c -> c.mark() == Mark.SMALL);
        // each subtraction alone: a line (total = parts) with exactly one value not shown gives it away
        for (List<String> line : reader.lines) {
            long unknown = line.stream().distinct().filter(k -> !reader.known(k)).count();
            assertThat(unknown).as("total less the shown parts: " + line).isNotEqualTo(1L);
        }
        // the overview less the reports: the förbund's women less every other programme's women
        for (FixedPeriod q : PERIODS) {
            for (String m : MEASURES) {
                for (int g = 0; g < 3; g++) {
                    String total = q.code() + "|forbund|" + m + "|*|" + g;
                    if (!reader.known(total)) {
                        continue;
                    }
                    final int gender = g;
                    long hidden = programmes.stream().map(p -> q.code() + "|" + p + "|" + m + "|" + gender + "|*")
                            .filter(k -> !reader.known(k)).count();
                    assertThat(hidden).as(total + " less the programmes' figures").isNotEqualTo(1L);
                }
            }
        }
        // all of them together: no "<5" count is a linear combination of shown counts
        for (var e : reader.counts.entrySet()) {
            if (e.getValue().mark() == Mark.SMALL) {
                assertThat(recoverable(reader, e.getKey())).as(e.getKey() + " from every table together").isFalse();
            }
        }
    }

    /**
     * Whether the count behind {@code target} follows from the shown ones: the lines as equations over the unknown
     * counts; it follows when its unit vector is in their span (the rank does not grow with it).
     */
    static boolean recoverable(Reader reader, String target) {
        var unknown = new HashMap<String, Integer>();
        reader.counts.forEach((k, c) -> {
            if (c.hidden()) {
                unknown.put(k, unknown.size());
            }
        });
        var rows = new ArrayList<double[]>();
        for (List<String> line : reader.lines) {
            double[] row = new double[unknown.size()];
            boolean any = false;
            for (int i = 0; i < line.size(); i++) {
                Integer u = unknown.get(line.get(i));
                if (u != null) {
                    row[u] += i == 0 ? 1 : -1;
                    any = true;
                }
            }
            if (any) {
                rows.add(row);
            }
        }
        return se.lots.shared.Rank.inSpan(rows, unknown.size(), unknown.get(target));
    }

    @Test
    void theReportsFinsamTableHasNoTotalOverParticipantsNewAndDischarged() {
        // participants, new and discharged overlap: their sum counts nobody, and beside the discharged table it gave
        // the new women away (total − participants − discharged)
        for (FixedPeriod q : PERIODS) {
            var period = new FunderReportService.Period(q.from(), q.to());
            for (FunderReport r : List.of(reports.report(officer, programmes.get(0), period, SWEDISH),
                    reports.report(lead, programmes.get(0), period, SWEDISH))) {
                assertThat(r.finsam().hasTotalRow()).isFalse();
                assertThat(r.finsam().table().columnTotals()).isEmpty();
                assertThat(r.finsam().hasRowTotals()).isTrue();
            }
        }
    }

    @Test
    void theOverviewLessOneProgrammesReportNeverGivesAnotherProgrammesWomen() {
        for (FixedPeriod q : PERIODS) {
            FinsamOverview f = reports.finsam(officer, q, SWEDISH);
            assertThat(f.programmes()).extracting(Programme::id).containsExactlyElementsOf(programmes);
            for (int m = 0; m < 3; m++) {
                ReportTable overview = f.tables().get(m);
                Cell women = overview.table().columnTotals().get(0);
                if (women.hidden()) {
                    continue;
                }
                long shown = 0;
                int hidden = 0;
                for (int r = 0; r < programmes.size(); r++) {
                    FunderReport report = reports.report(officer, programmes.get(r),
                            new FunderReportService.Period(q.from(), q.to()), SWEDISH);
                    Cell fromReport = report.finsam().cell(m, 0);
                    assertThat(fromReport.hidden()).as("the same count in the overview and the report")
                            .isEqualTo(overview.cell(r, 0).hidden());
                    if (fromReport.hidden()) {
                        hidden++;
                    } else {
                        shown += fromReport.count();
                    }
                }
                assertThat(hidden).as("women, measure %d, %s: total %d less the reports' %d", m, q.code(),
                        women.count(), shown).isNotEqualTo(1);
            }
        }
    }

    @Test
    void theExportsCountsAreTheFunderReportsCountsForTheSameProgrammeAndPeriod() {
        for (FixedPeriod q : PERIODS) {
            FinsamExport e = reports.finsamExport(officer, q, SWEDISH);
            assertThat(e.programmes()).extracting(pt -> pt.programme().id()).containsExactlyElementsOf(programmes);
            for (var pt : e.programmes()) {
                FunderReport r = reports.reportForDownload(lead, pt.programme().id(),
                        new FunderReportService.Period(q.from(), q.to()), SWEDISH);
                assertSame(pt.tables().get(1), r.registered());
                assertSame(pt.tables().get(2), r.discharged());
                assertSame(pt.tables().get(3), r.occupations());
                assertSame(pt.tables().get(4), r.incomes());
                // the participants by gender and age add up to the report's participants per gender
                for (int g = 0; g < 3; g++) {
                    assertThat(pt.tables().get(0).table().rowTotals().get(g).count())
                            .isEqualTo(r.finsam().cell(0, g).count());
                }
            }
            String csv = new String(FinsamFiles.csv(e, messages, SWEDISH), StandardCharsets.UTF_8);
            assertThat(csv).startsWith("\uFEFFInsats;Anordnare;Period;Tabell;Rad;Kolumn;Antal")
                    .contains(q.code()).contains("<5");
        }
    }

    private static void assertSame(ReportTable export, ReportTable report) {
        for (int r = 0; r < report.rows().size(); r++) {
            for (int c = 0; c < report.columns().size(); c++) {
                assertThat(export.cell(r, c)).as(report.key() + " " + r + "," + c).isEqualTo(report.cell(r, c));
            }
        }
        assertThat(export.table().columnTotals()).isEqualTo(report.table().columnTotals());
    }

    @Test
    void aSuppressedViewIsRefusedAFreePeriodOrOneThatHasNotEnded() {
        assertThatThrownBy(() -> reports.publishedPeriod(null, "2012-01-01", "2012-05-31"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.texts(messages, SWEDISH)).containsKey("period"));
        assertThatThrownBy(() -> reports.publishedPeriod("2012-H3", null, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> reports.publishedPeriod("2999", null, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> reports.reportForDownload(lead, programmes.get(0),
                new FunderReportService.Period(LocalDate.of(2012, 1, 1), LocalDate.of(2012, 5, 31)), SWEDISH))
                .isInstanceOf(InvalidInputException.class);
        assertThat(reports.publishedPeriod(null, "2012-07-01", "2012-12-31")).isEqualTo(new FixedPeriod(2012, 2));
        assertThat(reports.publishedPeriod("2012", null, null).from()).isEqualTo(LocalDate.of(2012, 1, 1));
        // the lead's own exact view keeps free periods
        assertThat(reports.report(lead, programmes.get(0),
                new FunderReportService.Period(LocalDate.of(2012, 1, 1), LocalDate.of(2012, 5, 31)), SWEDISH)
                .suppressed()).isFalse();
    }

    @Test
    void theRegistrationsPerParticipantAreForTheProgrammeLeadOfTheOwnerOnly() {
        var h1 = new FixedPeriod(2012, 1);
        var rows = reports.participantRegistrations(lead, programmes.get(0), h1);
        FunderReport r = reports.report(lead, programmes.get(0), new FunderReportService.Period(h1.from(), h1.to()),
                SWEDISH);
        assertThat((long) rows.size()).isEqualTo(r.finsam().table().rowTotals().get(0).count());
        assertThat(rows.stream().filter(FinsamExport.Participant::discharged).count())
                .isEqualTo(r.finsam().table().rowTotals().get(2).count());
        assertThat(rows).allMatch(p -> "Publicering Testsson".equals(p.name()) || p.name().contains("Publicering"));
        Actor af = actors.byUsername("af");
        Actor otherLead = new Actor(af.userId(), af.username(), af.displayName(), af.organisationId(),
                af.organisationName(), Role.PROGRAMME_LEAD);
        for (Actor refused : List.of(officer, actors.byUsername("coach"), otherLead, actors.byUsername("analytiker"))) {
            assertThatThrownBy(() -> reports.participantRegistrations(refused, programmes.get(0), h1))
                    .as(refused.username()).isInstanceOf(AccessDeniedException.class);
        }
        for (String user : List.of("insatsledare", "coach", "kaa")) {
            assertThatThrownBy(() -> reports.finsamExport(actors.byUsername(user), h1, SWEDISH))
                    .as(user).isInstanceOf(AccessDeniedException.class);
        }
        // another förbund's officer sees none of these programmes
        assertThat(reports.finsamExport(actors.byUsername("forbund"), h1, SWEDISH).programmes())
                .extracting(pt -> pt.programme().id()).doesNotContainAnyElementsOf(programmes);
    }
}
