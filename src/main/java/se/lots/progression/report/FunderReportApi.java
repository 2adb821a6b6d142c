package se.lots.progression.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.lots.plan.Programme;
import se.lots.progression.FinsamOverview;
import se.lots.progression.FixedPeriod;
import se.lots.progression.FunderReport;
import se.lots.progression.FunderReportService;
import se.lots.progression.GoalResult;
import se.lots.progression.ProgrammeGoal;
import se.lots.progression.ReportTable;
import se.lots.security.Actor;
import se.lots.shared.SmallCountSuppression.Cell;

/**
 * The funder's report and Uppföljning Finsam as JSON, for a BI tool or the national follow-up. What goes out over the
 * API leaves Lots, so it is the report the PDF and the xlsx hold: always suppressed (every count 1–4 as "&lt;5" and
 * the cells that would give one away hidden), audited as an export. A hidden count never leaves: {@link Count}
 * carries only the published text, and the value only when it is shown.
 */
@RestController
@RequestMapping("/api/v1/follow-up")
@Tag(name = "Finansiärsrapport", description = "Finansiärens rapport för en insats och en period, och Uppföljning "
        + "Finsam över förbundets insatser. Alltid med små antal dolda (1–4 visas som <5, celler som skulle avslöja "
        + "dem som ..), som i PDF och Excel; uttaget loggas. Rapporten för insatsens egen organisation, förbundet som "
        + "finansierar den och analytiker; Uppföljning Finsam för förbundets tjänstepersoner och analytiker.")
class FunderReportApi {

    private static final String PERIOD = "kalenderhalvår eller kalenderår som har passerat: 2026-H1, 2026-H2 eller "
            + "2026; tomt: senaste halvåret";
    private static final String FROM = "periodens första dag (åååå-mm-dd), i stället för period: måste vara ett "
            + "halvårs eller års första dag";
    private static final String TO = "periodens sista dag, i stället för period";

    private final FunderReportService reports;

    FunderReportApi(FunderReportService reports) {
        this.reports = reports;
    }

    /** A published count: {@code value} null when it is hidden, {@code text} as the report prints it. */
    record Count(Long value, String text) {

        static Count of(Cell c) {
            return new Count(c.hidden() ? null : c.count(), c.text());
        }

        static List<Count> of(List<Cell> cells) {
            return cells.stream().map(Count::of).toList();
        }
    }

    /** One table: {@code cells} by row then column; the totals only where a person counts in one row. */
    record Table(String key, String title, List<String> rows, List<String> columns, List<List<Count>> cells,
            List<Count> rowTotals, List<Count> columnTotals, Count total) {

        static Table of(ReportTable t) {
            return new Table(t.key(), t.title(), t.rows(), t.columns(),
                    t.table().cells().stream().map(Count::of).toList(),
                    t.totals() ? Count.of(t.table().rowTotals()) : null,
                    t.totals() && !t.table().columnTotals().isEmpty() ? Count.of(t.table().columnTotals()) : null,
                    t.totals() && t.table().total() != null ? Count.of(t.table().total()) : null);
        }
    }

    /** A goal's result; {@code value} and {@code met} null where they would give a small count away. */
    record Goal(ProgrammeGoal goal, Count numerator, Count denominator, BigDecimal value, Boolean met) {

        static Goal of(GoalResult r) {
            return new Goal(r.goal(), Count.of(r.numerator()), Count.of(r.denominator()), r.value(), r.met());
        }
    }

    /** The funder's report. */
    record Report(Programme programme, LocalDate from, LocalDate to, boolean suppressed, List<Table> tables,
            List<Goal> goals, String equality, String lessons) {
    }

    /** Uppföljning Finsam: the programmes in the order of the tables' rows. */
    record Finsam(LocalDate from, LocalDate to, List<Programme> programmes, List<Table> tables) {
    }

    @GetMapping("/programmes/{programmeId}/report")
    @Operation(summary = "Finansiärsrapporten för insatsen och perioden: inskrivna och utskrivna efter kön och ålder, "
            + "sysselsättning och försörjning vid start och slut, övergångar, Finsam-tabellen och målen. Små antal "
            + "dolda; 403 för den som inte får se insatsens siffror")
    Report report(Actor actor, @PathVariable long programmeId,
            @Parameter(description = PERIOD) @RequestParam(required = false) String period,
            @Parameter(description = FROM) @RequestParam(required = false) String from,
            @Parameter(description = TO) @RequestParam(required = false) String to, Locale locale) {
        FixedPeriod q = reports.publishedPeriod(period, from, to);
        FunderReport r = reports.reportForDownload(actor, programmeId,
                new FunderReportService.Period(q.from(), q.to()), locale);
        return new Report(r.programme(), r.from(), r.to(), r.suppressed(), r.tables().stream().map(Table::of).toList(),
                r.goals().stream().map(Goal::of).toList(), r.equality(), r.lessons());
    }

    @GetMapping("/finsam")
    @Operation(summary = "Uppföljning Finsam: för varje insats som förbundet finansierar (analytiker: alla) deltagare "
            + "under perioden, nya och utskrivna efter kön. Små antal dolda; bara förbundets tjänstepersoner och "
            + "analytiker")
    Finsam finsam(Actor actor,
            @Parameter(description = PERIOD) @RequestParam(required = false) String period,
            @Parameter(description = FROM) @RequestParam(required = false) String from,
            @Parameter(description = TO) @RequestParam(required = false) String to, Locale locale) {
        FinsamOverview f = reports.finsam(actor, reports.publishedPeriod(period, from, to), locale);
        return new Finsam(f.from(), f.to(), f.programmes(), f.tables().stream().map(Table::of).toList());
    }
}
