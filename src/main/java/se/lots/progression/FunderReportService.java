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
import java.util.Objects;

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
import se.lots.shared.LinkedSuppression;
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

    /** How many years back the fixed periods are offered. */
    static final int PUBLISHED_YEARS = 3;

    /** The fixed periods offered where figures leave the programme lead's view: ended half-years and years. */
    public List<FixedPeriod> publishedPeriods() {
        return FixedPeriod.endedBy(LocalDate.now(clock), PUBLISHED_YEARS);
    }

    /**
     * The fixed period asked for: by {@code period} ({@code 2026-H1}, {@code 2026}), or by dates that are exactly a
     * fixed period's; nothing given: the latest ended half-year. Anything else — free dates, a period not yet ended
     * — is refused with a Swedish message naming the field {@code period}: a suppressed view never shows a free
     * period (the pages show the message and the latest half-year instead).
     */
    public FixedPeriod publishedPeriod(String period, String from, String to) {
        FixedPeriod p;
        if (period != null && !period.isBlank()) {
            p = FixedPeriod.parse(period).orElseThrow(
                    () -> new InvalidInputException("period", "progression.report.fixedPeriod"));
        } else if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
            return publishedPeriods().stream().filter(q -> !q.wholeYear()).findFirst().orElseThrow();
        } else {
            Period free = period(from, to);
            p = FixedPeriod.of(free.from(), free.to()).orElseThrow(
                    () -> new InvalidInputException("period", "progression.report.fixedPeriod"));
        }
        if (!p.endedBy(LocalDate.now(clock))) {
            throw new InvalidInputException("period", "progression.report.periodNotEnded");
        }
        return p;
    }

    private FixedPeriod fixed(Period period) {
        return publishedPeriod(null, period.from().toString(), period.to().toString());
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
        List<GoalResult> results = results(all, measured, suppress);
        if (!suppress) {
            return results;
        }
        // the goals leave the programme's view too: fixed periods only, and what the published set hides stays hidden
        FixedPeriod q = fixed(period);
        Map<String, Cell> cells = published(q, Locale.forLanguageTag("sv"));
        return results.stream().map(g -> asPublished(g, cells, Publication.programme(q, p.id()))).toList();
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

    /**
     * A programme's figures over its whole period, for its final report: exact for the programme's own organisation
     * (unless {@code forDownload}), otherwise suppressed — over a period no reader chooses (the programme's start to
     * its end), so not one of the fixed half-years and years of the published set.
     */
    @Transactional
    public FunderReport wholeProgrammeReport(Actor actor, long programmeId, Period period, boolean forDownload,
            Locale locale) {
        Programme p = programme(programmeId);
        boolean suppress = forDownload || view(actor, p) == View.SUPPRESSED;
        view(actor, p);
        audit.record(actor, null, forDownload ? AuditAction.EXPORT : AuditAction.READ, AccessBasis.OWN_ORGANISATION,
                "slutrapportens siffror program " + programmeId + " " + period.from() + "–" + period.to());
        return build(p, period, suppress, true, locale);
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
     * always suppressed, for a fixed period only, as part of the period's published set ({@link Publication}): one
     * table per measure, programmes by gender with their totals, each count hidden exactly where each programme's
     * report hides it.
     */
    @Transactional
    public FinsamOverview finsam(Actor actor, FixedPeriod period, Locale locale) {
        requireFinsam(actor, period);
        List<Programme> shown = finsamProgrammes(actor, period);
        Map<String, Cell> cells = published(period, locale);
        String group = groupOf(actor);
        List<String> rows = shown.stream().map(p -> p.name() + " (" + p.organisationName() + ")").toList();
        List<Long> ids = shown.stream().map(Programme::id).toList();
        var tables = new ArrayList<ReportTable>();
        String[] keys = { "finsamActive", "finsamRegistered", "finsamDischarged" };
        for (int measure = 0; measure < keys.length; measure++) {
            var layout = Publication.overview(period, group, Publication.MEASURES.get(measure), ids);
            tables.add(new ReportTable(keys[measure], text("progression.report.table." + keys[measure], locale), rows,
                    genders(locale), LinkedSuppression.read(layout, cells), true));
        }
        audit.record(actor, null, AuditAction.READ, AccessBasis.of("STATISTIK"),
                "uppföljning finsam " + period.from() + "–" + period.to());
        return new FinsamOverview(period.from(), period.to(), shown, tables);
    }

    private static void requireFinsam(Actor actor, FixedPeriod period) {
        if (!seesFinsam(actor)) {
            throw new AccessDeniedException("Uppföljning Finsam is for the förbund and the analysts");
        }
        Objects.requireNonNull(period);
    }

    /** The group whose totals the actor's overview prints: their förbund's, or the analysts' over every programme. */
    private static String groupOf(Actor actor) {
        return actor.role() == Role.FEDERATION_OFFICER ? Publication.federation(actor.organisationId().value())
                : Publication.ALL;
    }

    /** The programmes in the actor's overview: with participants in the period; an officer's förbund's only. */
    private List<Programme> finsamProgrammes(Actor actor, FixedPeriod period) {
        Map<Long, FunderReports.Tables> data = reports.allTables(period.from(), period.to());
        boolean own = actor.role() == Role.FEDERATION_OFFICER;
        return enrolments.allProgrammes().stream()
                .filter(p -> !own || actor.organisationId().equals(p.fundedBy()))
                .filter(p -> data.containsKey(p.id()))
                .sorted(java.util.Comparator.comparing(Programme::id)).toList();
    }

    /**
     * Uppföljning Finsam's hand-in for the förbund and a fixed period: per programme, the participants, the new and
     * the discharged by gender and age band, and the discharged's occupation and income sources at start and end —
     * the counts of each programme's report, suppressed as they are there.
     */
    @Transactional
    public FinsamExport finsamExport(Actor actor, FixedPeriod period, Locale locale) {
        requireFinsam(actor, period);
        List<Programme> shown = finsamProgrammes(actor, period);
        Map<String, Cell> cells = published(period, locale);
        var programmes = new ArrayList<FinsamExport.ProgrammeTables>();
        for (Programme p : shown) {
            String prefix = Publication.programme(period, p.id());
            var t = new ArrayList<ReportTable>();
            for (String m : Publication.MEASURES) {
                String key = switch (m) {
                    case "A" -> "active";
                    case "R" -> "registered";
                    default -> "discharged";
                };
                t.add(new ReportTable(key, text("progression.report.table." + key, locale), genders(locale),
                        bands(locale), LinkedSuppression.read(Publication.genderAge(prefix, m), cells), true));
            }
            t.add(new ReportTable("occupations", text("progression.report.table.occupations", locale),
                    occupationLabels(locale), startEnd(locale),
                    LinkedSuppression.read(Publication.occupations(prefix, occupationRows(locale)), cells), true));
            t.add(new ReportTable("incomes", text("progression.report.table.incomes", locale), incomeLabels(locale),
                    startEnd(locale), LinkedSuppression.read(Publication.incomes(prefix, incomeCodes(locale)), cells),
                    false));
            programmes.add(new FinsamExport.ProgrammeTables(p, t));
        }
        audit.record(actor, null, AuditAction.EXPORT, AccessBasis.of("STATISTIK"),
                "uppföljning finsam export " + period.from() + "–" + period.to());
        return new FinsamExport(period, programmes);
    }

    /**
     * The start and end registrations of every participant of the programme in the period, for handing in where
     * SUS-style registrations per person are still asked for: personal data, so only for the programme lead of the
     * programme's organisation; each name shown is a read of that person (the registry audits it), and the file as a
     * whole one export entry.
     */
    @Transactional
    public List<FinsamExport.Participant> participantRegistrations(Actor actor, long programmeId, FixedPeriod period) {
        Programme p = programme(programmeId);
        if (!editsGoals(actor, programmeId)) {
            throw new AccessDeniedException("registrations per person are for the programme lead of the programme's"
                    + " organisation");
        }
        var rows = new ArrayList<FinsamExport.Participant>();
        for (var r : reports.participantRegistrations(p.id(), period.from(), period.to())) {
            String name = r.personId() == null ? null
                    : registry.readIfAllowed(actor, r.personId()).map(x -> x.person().displayName()).orElse("–");
            rows.add(new FinsamExport.Participant(name, r.gender(), r.band(), r.startedOn(), r.endedOn(), r.endReason(),
                    r.registered(), r.discharged(), r.startOccupation(), r.startIncomes(), r.endOccupation(),
                    r.endIncomes()));
        }
        audit.record(actor, null, AuditAction.EXPORT, AccessBasis.OWN_ORGANISATION,
                "registreringar per deltagare program " + programmeId + " " + period.from() + "–" + period.to());
        return rows;
    }

    /**
     * The period's published set, suppressed together ({@link Publication}). A first half-year on its own; a second
     * half-year or a year together with both halves, the first kept as it was published on its own, so that nothing
     * published in the summer is given away by the year and the second half.
     */
    Map<String, Cell> published(FixedPeriod period, Locale locale) {
        var h1 = new FixedPeriod(period.year(), 1);
        Map<Long, Long> fundedBy = new HashMap<>();
        enrolments.allProgrammes().forEach(p -> {
            if (p.fundedBy() != null) {
                fundedBy.put(p.id(), p.fundedBy().value());
            }
        });
        Map<String, Cell> first = Publication.suppress(Map.of(h1, counts(h1, locale)), fundedBy, Map.of());
        if (period.equals(h1)) {
            return first;
        }
        var all = new LinkedHashMap<FixedPeriod, Map<Long, Publication.Counts>>();
        all.put(h1, counts(h1, locale));
        var h2 = new FixedPeriod(period.year(), 2);
        all.put(h2, counts(h2, locale));
        var year = new FixedPeriod(period.year(), 0);
        all.put(year, counts(year, locale));
        return Publication.suppress(all, fundedBy, first);
    }

    private Map<Long, Publication.Counts> counts(FixedPeriod q, Locale locale) {
        var counts = new HashMap<Long, Publication.Counts>();
        List<String> occupations = categories.occupations(locale).stream().map(Category::code).toList();
        List<String> incomes = categories.incomeSources(locale).stream().map(Category::code).toList();
        reports.allTables(q.from(), q.to())
                .forEach((id, t) -> counts.put(id, Publication.Counts.of(t, occupations, incomes)));
        return counts;
    }

    FunderReport build(Programme p, Period period, boolean suppress, Locale locale) {
        return build(p, period, suppress, false, locale);
    }

    private FunderReport build(Programme p, Period period, boolean suppress, boolean wholeProgramme, Locale locale) {
        LocalDate from = period.from();
        LocalDate to = period.to();
        List<ProgrammeGoal> all = goals.ofProgramme(p.id());
        var c = Publication.Counts.of(reports.tables(p.id(), from, to), occupationCodes(locale), incomeCodes(locale));
        Map<String, Cell> cells;
        String prefix;
        if (suppress && wholeProgramme) {
            // the programme's own period (its final report): suppressed on its own, not linked to the published set
            // of half-years and years — docs/federation.md "What remains" names the subtraction this leaves open
            prefix = "whole|P" + p.id();
            var own = new LinkedSuppression();
            Publication.add(own, prefix, c);
            cells = own.suppress();
        } else if (suppress) {
            FixedPeriod q = fixed(period);
            cells = published(q, locale);
            prefix = Publication.programme(q, p.id());
        } else {
            prefix = "exact|P" + p.id();
            var exact = new LinkedSuppression();
            Publication.add(exact, prefix, c);
            cells = exact.exact();
        }
        List<String> genders = genders(locale);
        var texts = reports.texts(p.id(), from, to).orElse(new FunderReports.Texts(null, null));
        List<GoalResult> results = results(all, reports.goals(p.id(), p.organisationId(), from, to, all), suppress);
        if (suppress) {
            results = results.stream().map(g -> asPublished(g, cells, prefix)).toList();
        }
        return new FunderReport(p, from, to, suppress,
                table("registered", locale, genders, bands(locale), Publication.genderAge(prefix, "R"), cells, true),
                table("discharged", locale, genders, bands(locale), Publication.genderAge(prefix, "D"), cells, true),
                table("occupations", locale, occupationLabels(locale), startEnd(locale),
                        Publication.occupations(prefix, c.occupationCodes()), cells, true),
                table("incomes", locale, incomeLabels(locale), startEnd(locale),
                        Publication.incomes(prefix, c.incomeCodes()), cells, false),
                table("transfers", locale, c.transferNames(),
                        List.of(text("progression.report.transferIn", locale),
                                text("progression.report.transferOut", locale)),
                        Publication.transfers(prefix, c.transferNames()), cells, true),
                table("finsam", locale, List.of(text("progression.report.finsam.active", locale),
                        text("progression.report.finsam.registered", locale),
                        text("progression.report.finsam.discharged", locale)), genders, Publication.finsam(prefix),
                        cells, true),
                results, texts.equality(), texts.lessons());
    }

    /**
     * A goal whose denominator is a count of the published set (the participants, the discharged) hides it, and its
     * value, where the set hides it: otherwise the goal would print what the tables hide.
     */
    private static GoalResult asPublished(GoalResult g, Map<String, Cell> cells, String prefix) {
        String key = switch (g.goal().indicator()) {
            case PARTICIPANTS -> prefix + "|A|*|*";
            case DISCHARGED_TO_WORK_OR_STUDIES -> prefix + "|D|*|*";
            default -> null;
        };
        Cell published = key == null ? null : cells.get(key);
        if (published == null || !published.hidden()) {
            return g;
        }
        Cell numerator = g.goal().indicator() == GoalIndicator.PARTICIPANTS ? published
                : g.numerator().hidden() ? g.numerator() : new Cell(g.numerator().count(), Mark.SECONDARY);
        return new GoalResult(g.goal(), numerator, published, null, null);
    }

    private List<String> genders(Locale locale) {
        return GENDERS.stream().map(g -> text("progression.report.gender." + g, locale)).toList();
    }

    private List<String> bands(Locale locale) {
        return List.of("16–19", "20–24", "25–29", text("progression.report.otherAge", locale));
    }

    private List<String> startEnd(Locale locale) {
        return List.of(text("progression.report.atStart", locale), text("progression.report.atEnd", locale));
    }

    private List<String> occupationCodes(Locale locale) {
        return categories.occupations(locale).stream().map(Category::code).toList();
    }

    /** The occupation table's rows: every occupation and "not registered". */
    private List<String> occupationRows(Locale locale) {
        var rows = new ArrayList<>(occupationCodes(locale));
        rows.add(Publication.NONE);
        return rows;
    }

    private List<String> occupationLabels(Locale locale) {
        List<String> labels = new ArrayList<>(categories.occupations(locale).stream().map(Category::label).toList());
        labels.add(text("progression.report.notRegistered", locale));
        return labels;
    }

    private List<String> incomeCodes(Locale locale) {
        return categories.incomeSources(locale).stream().map(Category::code).toList();
    }

    private List<String> incomeLabels(Locale locale) {
        return categories.incomeSources(locale).stream().map(Category::label).toList();
    }

    private ReportTable table(String key, Locale locale, List<String> rows, List<String> columns,
            LinkedSuppression.Layout layout, Map<String, Cell> cells, boolean totals) {
        return new ReportTable(key, text("progression.report.table." + key, locale), rows, columns,
                LinkedSuppression.read(layout, cells), totals);
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
