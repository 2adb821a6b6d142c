package se.lots.progression;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.organisation.Role;
import se.lots.plan.EnrolmentService;
import se.lots.plan.Programme;
import se.lots.progression.registration.Categories;
import se.lots.progression.registration.Category;
import se.lots.progression.report.FunderReports;
import se.lots.progression.report.GoalMeasureCache;
import se.lots.progression.report.ProgrammeGoals;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;
import se.lots.shared.SmallCountSuppression;
import se.lots.shared.SmallCountSuppression.Cell;
import se.lots.shared.SmallCountSuppression.Mark;
import se.lots.shared.Validation;

/**
 * Programme goals measured live and the funder's report. The programme's own programme lead and case workers see
 * exact figures and the participants behind a goal; the officers of the förbund that funds it and analysts see only
 * suppressed aggregates; anyone else gets {@link AccessDeniedException}. Goals and the report's texts are written by
 * the programme lead of the programme's organisation.
 */
@Service
public class FunderReportService {

    /** What the actor sees of a programme's figures. */
    enum View { EXACT, SUPPRESSED }

    public record Period(LocalDate from, LocalDate to) {
    }

    /** One participant behind a goal: the name as the registry shows it to the actor, or null when anonymous. */
    public record Behind(String name, LocalDate startedOn, LocalDate endedOn, boolean counted, long amount) {
    }

    static final List<String> GENDERS = List.of("KVINNA", "MAN", "ANNAT");
    static final int AGE_BANDS = 4;
    private static final int MAX_TEXT = 10_000;

    private final EnrolmentService enrolments;
    private final ProgrammeGoals goals;
    private final FunderReports reports;
    private final GoalMeasureCache measures;
    private final Categories categories;
    private final RegistryService registry;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    FunderReportService(EnrolmentService enrolments, ProgrammeGoals goals, FunderReports reports,
            GoalMeasureCache measures, Categories categories, RegistryService registry, AuditLog audit, MessageSource messages, Clock clock) {
        this.enrolments = enrolments;
        this.goals = goals;
        this.reports = reports;
        this.measures = measures;
        this.categories = categories;
        this.registry = registry;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** The period from the form; by default the calendar year so far. */
    public Period period(String from, String to) {
        LocalDate today = LocalDate.now(clock);
        var v = new Validation();
        LocalDate f = v.date("from", from, false, null);
        LocalDate t = v.date("to", to, false, null);
        v.throwIfInvalid();
        f = f == null ? today.withDayOfYear(1) : f;
        t = t == null ? today : t;
        if (t.isBefore(f)) {
            throw new InvalidInputException("to", "progression.report.periodOrder");
        }
        return new Period(f, t);
    }

    public Programme programme(long programmeId) {
        return enrolments.programme(programmeId).orElseThrow(() -> new NotFoundException("programme"));
    }

    static View view(Actor actor, Programme programme) {
        Role role = actor.role();
        if ((role == Role.PROGRAMME_LEAD || role == Role.CASE_WORKER)
                && actor.organisationId().equals(programme.organisationId())) {
            return View.EXACT;
        }
        // a förbund's officer follows up the programmes their förbund funds, and no other förbund's
        if (role == Role.ANALYST
                || role == Role.FEDERATION_OFFICER && actor.organisationId().equals(programme.fundedBy())) {
            return View.SUPPRESSED;
        }
        throw new AccessDeniedException("a programme's figures are for its organisation, its förbund and analysts");
    }

    /** Whether the actor may open the programme's goals and report: the pages link to them only then. */
    public static boolean seesFigures(Actor actor, Programme programme) {
        try {
            view(actor, programme);
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    public boolean seesIndividuals(Actor actor, long programmeId) {
        return view(actor, programme(programmeId)) == View.EXACT;
    }

    public boolean editsGoals(Actor actor, long programmeId) {
        Programme p = programme(programmeId);
        return actor.role() == Role.PROGRAMME_LEAD && actor.organisationId().equals(p.organisationId());
    }

    private Programme requireEdit(Actor actor, long programmeId) {
        if (!editsGoals(actor, programmeId)) {
            throw new AccessDeniedException("goals are set by the programme lead of the programme's organisation");
        }
        return programme(programmeId);
    }

    @Transactional(readOnly = true)
    public List<ProgrammeGoal> goals(Actor actor, long programmeId) {
        view(actor, programme(programmeId));
        return goals.ofProgramme(programmeId);
    }

    /**
     * Every goal of the programme measured for the period, suppressed unless the actor may see individuals. The
     * measures are kept until the programme's units change ({@link GoalMeasureCache}); repeatable read, so that the
     * check, the goals and the measure read one snapshot.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<GoalResult> measure(Actor actor, long programmeId, Period period) {
        Programme p = programme(programmeId);
        boolean suppress = view(actor, p) == View.SUPPRESSED;
        List<ProgrammeGoal> all = goals.ofProgramme(p.id());
        var key = new GoalMeasureCache.Key(p.id(), p.organisationId(), period.from(), period.to(), all);
        Map<Long, FunderReports.Measured> measured = measures.measured(key);
        return results(all, measured, suppress);
    }

    /**
     * Every programme's goals measured for the goals page's default period, the year so far, so that a programme
     * lead's first view of the day is a kept measure and not a read of every unit: hourly (a minute past, so just
     * after midnight for the new day; a kept measure is brought up to date by the next run and never reaches
     * {@link GoalMeasureCache#MAX_AGE}) and at start. Reads no person, so nothing to audit; returns how many programmes.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "${lots.progression.goal-warm-up-cron:0 1 * * * *}", zone = "Europe/Stockholm")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public int measureDefaultPeriods() {
        Period period = period(null, null);
        int measured = 0;
        for (long programmeId : goals.programmesWithGoals()) {
            Programme p = programme(programmeId);
            measures.measured(new GoalMeasureCache.Key(p.id(), p.organisationId(), period.from(), period.to(),
                    goals.ofProgramme(p.id())));
            measured++;
        }
        return measured;
    }

    private static List<GoalResult> results(List<ProgrammeGoal> all, Map<Long, FunderReports.Measured> measured,
            boolean suppress) {
        return all.stream().map(g -> result(g, measured.get(g.id()), suppress)).toList();
    }

    static GoalResult result(ProgrammeGoal g, FunderReports.Measured m, boolean suppress) {
        BigDecimal value;
        long numerator = m.hits();
        switch (g.indicator()) {
            case PARTICIPANTS -> value = BigDecimal.valueOf(m.units());
            case CONTACTS_PER_WEEK, GROUP_ACTIVITIES_PER_WEEK -> {
                numerator = m.amount();
                value = m.days() == 0 ? BigDecimal.ZERO
                        : BigDecimal.valueOf(m.amount() * 7.0 / m.days()).setScale(2, RoundingMode.HALF_UP);
            }
            default -> value = m.units() == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(m.hits() * 100.0 / m.units()).setScale(1, RoundingMode.HALF_UP);
        }
        boolean met = m.units() > 0 && value.compareTo(g.target()) >= 0;
        if (!suppress) {
            return new GoalResult(g, shown(numerator), shown(m.units()), value, met);
        }
        if (g.indicator().share()) {
            var s = SmallCountSuppression.apply(List.of(m.hits(), m.units() - m.hits()), m.units());
            boolean hidden = s.total().hidden() || s.cells().stream().anyMatch(Cell::hidden);
            return new GoalResult(g, s.cells().get(0), s.total(), hidden ? null : value, hidden ? null : met);
        }
        Cell units = SmallCountSuppression.apply(List.of(), m.units()).total();
        Cell shownNumerator = g.indicator() == GoalIndicator.PARTICIPANTS ? units : shown(numerator);
        return new GoalResult(g, shownNumerator, units, units.hidden() ? null : value, units.hidden() ? null : met);
    }

    private static Cell shown(long count) {
        return new Cell(count, Mark.SHOWN);
    }

    @Transactional
    public long addGoal(Actor actor, long programmeId, GoalInput input) {
        requireEdit(actor, programmeId);
        var v = new Validation();
        GoalIndicator indicator = v.enumValue("indicator", input.indicator(), GoalIndicator.class, true);
        BigDecimal target = number(v, "target", input.target(), true);
        Integer ageFrom = null;
        Integer ageTo = null;
        Integer months = null;
        if (indicator == GoalIndicator.PLAN_WITHIN_MONTHS) {
            ageFrom = whole(v, "ageFrom", input.ageFrom(), 0, 120);
            ageTo = whole(v, "ageTo", input.ageTo(), 0, 120);
            months = whole(v, "withinMonths", input.withinMonths(), 1, 60);
            if (ageFrom != null && ageTo != null && ageTo < ageFrom) {
                v.reject("ageTo", "progression.goal.ageOrder");
            }
        }
        if (target != null && indicator != null && indicator.share() && target.compareTo(BigDecimal.valueOf(100)) > 0) {
            v.reject("target", "progression.goal.shareTarget");
        }
        v.throwIfInvalid();
        long id = goals.insert(programmeId, indicator, ageFrom, ageTo, months, target, actor.userId());
        audit.record(actor, null, AuditAction.CREATE, AccessBasis.OWN_ORGANISATION, "programmål " + id);
        return id;
    }

    @Transactional
    public void removeGoal(Actor actor, long programmeId, long goalId) {
        requireEdit(actor, programmeId);
        ProgrammeGoal g = goals.byId(goalId).filter(x -> x.programmeId() == programmeId)
                .orElseThrow(() -> new NotFoundException("goal"));
        goals.delete(g.id());
        audit.record(actor, null, AuditAction.DELETE, AccessBasis.OWN_ORGANISATION, "programmål " + goalId);
    }

    /** The participants behind a goal, for the programme's own organisation; each name is a read of that person. */
    @Transactional
    public List<Behind> behind(Actor actor, long programmeId, long goalId, Period period) {
        Programme p = programme(programmeId);
        if (view(actor, p) != View.EXACT) {
            throw new AccessDeniedException("the participants behind a goal are for the programme's organisation");
        }
        ProgrammeGoal g = goals.byId(goalId).filter(x -> x.programmeId() == programmeId)
                .orElseThrow(() -> new NotFoundException("goal"));
        var rows = new ArrayList<Behind>();
        for (FunderReports.UnitRow u : reports.units(g, p.organisationId(), period.from(), period.to())) {
            // the registry audits each name it shows, with its basis
            String name = u.personId() == null ? null
                    : registry.readIfAllowed(actor, u.personId()).map(r -> r.person().displayName()).orElse("–");
            rows.add(new Behind(name, u.startedOn(), u.endedOn(), u.hit(), u.amount()));
        }
        audit.record(actor, null, AuditAction.READ, AccessBasis.OWN_ORGANISATION,
                "deltagare bakom programmål " + goalId + " " + period.from() + "–" + period.to());
        return rows;
    }

    /** The report as the actor may see it on the page. */
    @Transactional
    public FunderReport report(Actor actor, long programmeId, Period period, Locale locale) {
        Programme p = programme(programmeId);
        boolean suppress = view(actor, p) == View.SUPPRESSED;
        audit.record(actor, null, AuditAction.READ, AccessBasis.OWN_ORGANISATION,
                "rapport program " + programmeId + " " + period.from() + "–" + period.to());
        return build(p, period, suppress, locale);
    }

    /** The report that leaves Lots (PDF, xlsx): always suppressed. */
    @Transactional
    public FunderReport reportForDownload(Actor actor, long programmeId, Period period, Locale locale) {
        Programme p = programme(programmeId);
        view(actor, p);
        audit.record(actor, null, AuditAction.EXPORT, AccessBasis.OWN_ORGANISATION,
                "rapport program " + programmeId + " " + period.from() + "–" + period.to());
        return build(p, period, true, locale);
    }

    @Transactional
    public void saveTexts(Actor actor, long programmeId, Period period, String equality, String lessons) {
        requireEdit(actor, programmeId);
        var v = new Validation();
        v.maxLength("equality", equality, MAX_TEXT).maxLength("lessons", lessons, MAX_TEXT).throwIfInvalid();
        reports.saveTexts(programmeId, period.from(), period.to(), blankToNull(equality), blankToNull(lessons),
                actor.userId());
        audit.record(actor, null, AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION,
                "rapporttext program " + programmeId + " " + period.from() + "–" + period.to());
    }

    /** Who sees Uppföljning Finsam over every programme: the förbund's officers and the analysts. */
    public static boolean seesFinsam(Actor actor) {
        return actor.role() == Role.FEDERATION_OFFICER || actor.role() == Role.ANALYST;
    }

    /**
     * Uppföljning Finsam for the förbund: for every programme with participants in the period, the participants in the
     * period, the new and the discharged, by gender, counted as in each programme's report. It leaves Lots, so it is
     * always suppressed: one table per measure, programmes by gender with their totals, so that a suppressed cell
     * cannot be recovered from a programme's total or a gender's total over the programmes.
     */
    @Transactional
    public FinsamOverview finsam(Actor actor, Period period, Locale locale) {
        if (!seesFinsam(actor)) {
            throw new AccessDeniedException("Uppföljning Finsam is for the förbund and the analysts");
        }
        var byProgramme = new HashMap<Long, long[][]>();
        for (FunderReports.FinsamCount c : reports.finsam(period.from(), period.to())) {
            long[][] m = byProgramme.computeIfAbsent(c.programmeId(), k -> new long[3][GENDERS.size()]);
            int g = genderRow(c.gender());
            m[0][g] += c.active();
            m[1][g] += c.registered();
            m[2][g] += c.discharged();
        }
        // a förbund's officers follow up the programmes their förbund funds; the analysts every programme
        boolean own = actor.role() == Role.FEDERATION_OFFICER;
        List<Programme> shown = enrolments.allProgrammes().stream().filter(p -> {
            if (own && !actor.organisationId().equals(p.fundedBy())) {
                return false;
            }
            long[][] m = byProgramme.get(p.id());
            return m != null && java.util.Arrays.stream(m[0]).sum() > 0;
        }).toList();
        List<String> rows = shown.stream().map(p -> p.name() + " (" + p.organisationName() + ")").toList();
        List<String> genders = GENDERS.stream().map(g -> text("progression.report.gender." + g, locale)).toList();
        var tables = new ArrayList<ReportTable>();
        String[] keys = { "finsamActive", "finsamRegistered", "finsamDischarged" };
        for (int measure = 0; measure < keys.length; measure++) {
            long[][] counts = new long[shown.size()][];
            for (int r = 0; r < shown.size(); r++) {
                counts[r] = byProgramme.get(shown.get(r).id())[measure];
            }
            tables.add(table(keys[measure], locale, rows, genders, counts, true, true));
        }
        audit.record(actor, null, AuditAction.READ, AccessBasis.of("STATISTIK"),
                "uppföljning finsam " + period.from() + "–" + period.to());
        return new FinsamOverview(period.from(), period.to(), shown, tables);
    }

    FunderReport build(Programme p, Period period, boolean suppress, Locale locale) {
        LocalDate from = period.from();
        LocalDate to = period.to();
        List<ProgrammeGoal> all = goals.ofProgramme(p.id());
        FunderReports.Tables tables = reports.tables(p.id(), from, to);
        long[][] registered = new long[GENDERS.size()][AGE_BANDS];
        long[][] discharged = new long[GENDERS.size()][AGE_BANDS];
        long[][] finsam = new long[3][GENDERS.size()];
        for (var c : tables.genderAge()) {
            int g = genderRow(c.gender());
            registered[g][c.band()] += c.registered();
            discharged[g][c.band()] += c.discharged();
            finsam[0][g] += c.active();
            finsam[1][g] += c.registered();
            finsam[2][g] += c.discharged();
        }
        List<String> genders = GENDERS.stream().map(g -> text("progression.report.gender." + g, locale)).toList();
        List<String> bands = List.of("16–19", "20–24", "25–29", text("progression.report.otherAge", locale));

        List<Category> occupations = categories.occupations(locale);
        var occupationRows = new LinkedHashMap<String, Integer>();
        occupations.forEach(o -> occupationRows.put(o.code(), occupationRows.size()));
        long[][] occ = new long[occupations.size() + 1][2];
        for (var pair : tables.occupations()) {
            occ[row(occupationRows, pair.start())][0] += pair.count();
            occ[row(occupationRows, pair.end())][1] += pair.count();
        }
        List<String> occupationLabels = new ArrayList<>(occupations.stream().map(Category::label).toList());
        occupationLabels.add(text("progression.report.notRegistered", locale));

        List<Category> incomes = categories.incomeSources(locale);
        var incomeRows = new LinkedHashMap<String, Integer>();
        incomes.forEach(i -> incomeRows.put(i.code(), incomeRows.size()));
        long[][] inc = new long[incomes.size()][2];
        for (var i : tables.incomes()) {
            inc[incomeRows.get(i.source())]["START".equals(i.kind()) ? 0 : 1] += i.count();
        }

        var transferRows = new LinkedHashMap<String, long[]>();
        for (var t : tables.transfers()) {
            transferRows.computeIfAbsent(t.programme(), k -> new long[2])[t.in() ? 0 : 1] += t.count();
        }
        long[][] tr = transferRows.values().toArray(new long[0][]);
        if (tr.length == 0) {
            tr = new long[0][2];
        }
        List<String> startEnd = List.of(text("progression.report.atStart", locale),
                text("progression.report.atEnd", locale));

        var texts = reports.texts(p.id(), from, to).orElse(new FunderReports.Texts(null, null));
        return new FunderReport(p, from, to, suppress,
                table("registered", locale, genders, bands, registered, suppress, true),
                table("discharged", locale, genders, bands, discharged, suppress, true),
                table("occupations", locale, occupationLabels, startEnd, occ, suppress, true),
                table("incomes", locale, incomes.stream().map(Category::label).toList(), startEnd, inc, suppress,
                        false),
                table("transfers", locale, List.copyOf(transferRows.keySet()),
                        List.of(text("progression.report.transferIn", locale),
                                text("progression.report.transferOut", locale)), tr, suppress, true),
                table("finsam", locale, List.of(text("progression.report.finsam.active", locale),
                        text("progression.report.finsam.registered", locale),
                        text("progression.report.finsam.discharged", locale)), genders, finsam, suppress, true),
                results(all, reports.goals(p.id(), p.organisationId(), from, to, all), suppress), texts.equality(),
                texts.lessons());
    }

    private ReportTable table(String key, Locale locale, List<String> rows, List<String> columns, long[][] counts,
            boolean suppress, boolean totals) {
        long[][] c = counts.length == 0 ? new long[0][columns.size()] : counts;
        var t = suppress ? SmallCountSuppression.suppressed(c) : SmallCountSuppression.exact(c);
        if (c.length == 0) {
            t = new SmallCountSuppression.Table(List.of(), List.of(),
                    java.util.Collections.nCopies(columns.size(), new Cell(0, Mark.SHOWN)), new Cell(0, Mark.SHOWN));
        }
        return new ReportTable(key, text("progression.report.table." + key, locale), rows, columns, t, totals);
    }

    private static int row(Map<String, Integer> rows, String code) {
        return code == null ? rows.size() : rows.get(code);
    }

    private static int genderRow(String gender) {
        return switch (gender) {
            case "KVINNA" -> 0;
            case "MAN" -> 1;
            default -> 2;
        };
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static BigDecimal number(Validation v, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                v.reject(field, "validation.required");
            }
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(value.strip().replace(',', '.').replace("%", "").strip());
            if (n.signum() < 0 || n.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
                v.reject(field, "progression.goal.targetRange");
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            v.reject(field, "progression.goal.targetRange");
            return null;
        }
    }

    private static Integer whole(Validation v, String field, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        v.reject(field, "progression.goal.wholeNumber", min, max);
        return null;
    }
}
