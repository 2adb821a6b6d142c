package se.lots.kaa.homevisit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.kaa.register.ContactChannel;
import se.lots.kaa.register.ContactOutcome;
import se.lots.kaa.register.KaaAccess;
import se.lots.kaa.register.KaaService;
import se.lots.organisation.Organisation;
import se.lots.organisation.Organisations;
import se.lots.organisation.UserAccount;
import se.lots.reference.PostalAreas;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.ContactDetails;
import se.lots.shared.FieldError;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;
import se.lots.shared.Validation;
import se.lots.shared.Versions;

/**
 * Home visits (uppsökande verksamhet): plan a day for two staff members from the worklist's selection, print the
 * route sheet and the "Vi har varit hos dig" cards, and record afterwards what happened at each door as a contact
 * attempt (channel HEMBESOK) through {@link KaaService#recordContact}. A person with protected identity is never
 * planned, printed or shown on a day; every read and print of the persons is audited with the KAA duty as basis.
 */
@Service
public class HomeVisitService {

    private static final int MAX_NOTE = 300;

    private final HomeVisitDays days;
    private final KaaService kaa;
    private final Organisations organisations;
    private final PostalAreas postalAreas;
    private final AuditLog audit;
    private final Clock clock;

    HomeVisitService(HomeVisitDays days, KaaService kaa, Organisations organisations, PostalAreas postalAreas,
            AuditLog audit, Clock clock) {
        this.days = days;
        this.kaa = kaa;
        this.organisations = organisations;
        this.postalAreas = postalAreas;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the planning form shows for a selection: the route it would give, and who cannot be visited and why. */
    public record Draft(List<UUID> episodes, HomeVisitRoute.Route route, List<UserAccount> staff) {
    }

    /** What a user types to plan a day; the date ISO. */
    public record PlanInput(String visitOn, Long firstStaffId, Long secondStaffId, String contactPhone,
            List<UUID> episodes) {
    }

    /**
     * A day with its route as of now; {@code dropped} counts those planned who are no longer shown (protected
     * identity, address removed or episode closed since the day was planned).
     */
    public record DayPlan(HomeVisitDay day, HomeVisitRoute.Route route, int dropped, String municipality) {

        /** The route's cards in pages of four (A6 on an A4 sheet). */
        public List<List<HomeVisitStop>> cardPages() {
            var stops = route.stops();
            var pages = new ArrayList<List<HomeVisitStop>>();
            for (int i = 0; i < stops.size(); i += 4) {
                pages.add(stops.subList(i, Math.min(stops.size(), i + 4)));
            }
            return pages;
        }
    }

    /** One row of the day's outcome form; a row without an outcome is left for later. */
    public record OutcomeInput(UUID personId, String outcome, boolean withGuardian, String newStatus, String note) {
    }

    @Transactional
    public Draft draft(Actor actor, List<UUID> episodeIds) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        var chosen = distinct(episodeIds);
        if (chosen.isEmpty()) {
            throw new InvalidInputException("episode", "kaa.selection.none");
        }
        var route = HomeVisitRoute.of(candidates(org, chosen), postalAreas::of);
        // those who cannot be planned are shown by name too
        var shown = new java.util.ArrayList<UUID>(route.stops().stream().map(HomeVisitStop::personId).toList());
        route.refused().forEach(r -> shown.add(r.personId()));
        audit.recordEachIfAny(actor, shown, AuditAction.SEARCH, AccessBasis.of(KaaAccess.PURPOSE),
                "KAA: planering av hembesök");
        return new Draft(chosen, route, kaa.staff(actor));
    }

    /** A change of a planned day: its date, staff and the card's phone, from {@code version} of the day. */
    public record ChangeInput(String visitOn, Long firstStaffId, Long secondStaffId, String contactPhone,
            Integer version) {
    }

    @Transactional
    public UUID plan(Actor actor, PlanInput input) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        var chosen = distinct(input.episodes());
        var v = new Validation();
        LocalDate visitOn = checkDay(actor, v, input.visitOn(), input.firstStaffId(), input.secondStaffId(),
                input.contactPhone());
        String phone = input.contactPhone() == null ? "" : input.contactPhone().strip();
        HomeVisitRoute.Route route = null;
        if (chosen.isEmpty()) {
            v.reject("episode", "kaa.selection.none");
        } else {
            // planned again from the register, not from the form: a protected identity can never be slipped in
            route = HomeVisitRoute.of(candidates(org, chosen), postalAreas::of);
            if (route.size() == 0) {
                v.reject("episode", "kaa.visits.nonePlannable");
            }
        }
        v.throwIfInvalid();
        UUID dayId = days.insertDay(org.id(), visitOn, input.firstStaffId(), input.secondStaffId(), phone,
                actor.userId());
        for (HomeVisitStop s : route.stops()) {
            days.insertVisit(dayId, s.personId(), s.episodeId());
        }
        audit.recordEachIfAny(actor, route.stops().stream().map(HomeVisitStop::personId).toList(),
                AuditAction.CREATE, AccessBasis.of(KaaAccess.PURPOSE), "KAA: hembesök planerat " + visitOn);
        return dayId;
    }

    /**
     * Changes the day's date, staff or phone. Refused once an outcome is recorded (the visits have begun), when
     * the day is cancelled, or when someone saved the day after {@code input.version()}.
     */
    @Transactional
    public void change(Actor actor, UUID dayId, ChangeInput input) {
        DayPlan plan = load(actor, dayId);
        requireOpen(plan.day());
        if (plan.day().recorded() > 0) {
            throw new ConflictException("kaa.visits.change.recorded", dayId);
        }
        var v = new Validation();
        LocalDate visitOn = checkDay(actor, v, input.visitOn(), input.firstStaffId(), input.secondStaffId(),
                input.contactPhone());
        v.throwIfInvalid();
        int version = Versions.required(input.version(), null);
        if (!days.change(dayId, visitOn, input.firstStaffId(), input.secondStaffId(), input.contactPhone().strip(),
                version, actor.userId())) {
            throw new ConflictException("kaa.visits.stale", dayId);
        }
        audit.recordEachIfAny(actor, personIds(plan), AuditAction.UPDATE, AccessBasis.of(KaaAccess.PURPOSE),
                "KAA: hembesöksdag " + plan.day().visitOn() + " ändrad till " + visitOn);
    }

    /**
     * Cancels the day: it stays in the list as cancelled, with who, when and why; it can no longer be printed or
     * have outcomes recorded. The outcomes already recorded stay (they are contact attempts).
     */
    @Transactional
    public void cancel(Actor actor, UUID dayId, String reason, Integer version) {
        DayPlan plan = load(actor, dayId);
        requireOpen(plan.day());
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        new Validation().maxLength("reason", why, MAX_NOTE).throwIfInvalid();
        if (!days.cancel(dayId, why, Versions.required(version, null), actor.userId())) {
            throw new ConflictException("kaa.visits.stale", dayId);
        }
        audit.recordEachIfAny(actor, personIds(plan), AuditAction.UPDATE, AccessBasis.of(KaaAccess.PURPOSE),
                "KAA: hembesöksdag " + plan.day().visitOn() + " inställd");
    }

    /** Takes a person off the day before the visit; refused once their outcome is recorded. */
    @Transactional
    public void remove(Actor actor, UUID dayId, UUID personId) {
        DayPlan plan = load(actor, dayId);
        requireOpen(plan.day());
        HomeVisitStop stop = plan.route().stops().stream().filter(s -> s.personId().equals(personId)).findFirst()
                .orElseThrow(() -> new NotFoundException("kaa.visits.stop"));
        if (stop.recorded() || !days.remove(dayId, personId, actor.userId())) {
            throw new ConflictException("kaa.visits.remove.recorded", personId);
        }
        audit.record(actor, personId, AuditAction.UPDATE, AccessBasis.of(KaaAccess.PURPOSE),
                "KAA: borttagen från hembesöksdag " + plan.day().visitOn());
    }

    /** Who can go on a home visit: the municipality's KAA staff. */
    public List<UserAccount> staff(Actor actor) {
        return kaa.staff(actor);
    }

    /** The municipality's planned days, the latest first (dates and counts only, no person). */
    @Transactional(readOnly = true)
    public List<HomeVisitDay> days(Actor actor) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        return days.days(org.id());
    }

    @Transactional
    public DayPlan day(Actor actor, UUID dayId) {
        DayPlan plan = load(actor, dayId);
        audit.recordEachIfAny(actor, personIds(plan), AuditAction.READ, AccessBasis.of(KaaAccess.PURPOSE),
                "KAA: hembesöksdag " + plan.day().visitOn());
        return plan;
    }

    /** The route sheet to print ({@code format}: "utskrift" or "PDF"); each person on it is audited as an export. */
    @Transactional
    public DayPlan routeSheet(Actor actor, UUID dayId, String format) {
        DayPlan plan = printable(actor, dayId);
        audit.recordEachIfAny(actor, personIds(plan), AuditAction.EXPORT, AccessBasis.of(KaaAccess.PURPOSE),
                "KAA: körlista hembesök " + plan.day().visitOn() + " (" + format + ")");
        return plan;
    }

    /**
     * The day for its calendar file, which carries only the date and the postal areas with how many visits in each
     * (never a name, an address or a personnummer: calendars end up in mail servers and clouds). The persons were
     * read to find their postal areas: audited as reads.
     */
    @Transactional
    public DayPlan calendarDay(Actor actor, UUID dayId) {
        DayPlan plan = printable(actor, dayId);
        audit.recordEachIfAny(actor, personIds(plan), AuditAction.READ, AccessBasis.of(KaaAccess.PURPOSE),
                "KAA: kalenderfil hembesöksdag " + plan.day().visitOn() + " (postorter, inga personuppgifter)");
        return plan;
    }

    @Transactional
    public DayPlan cards(Actor actor, UUID dayId) {
        DayPlan plan = printable(actor, dayId);
        audit.recordEachIfAny(actor, personIds(plan), AuditAction.EXPORT, AccessBasis.of(KaaAccess.PURPOSE),
                "KAA: kort ”Vi har varit hos dig” " + plan.day().visitOn());
        return plan;
    }

    /**
     * Records the day's outcomes, each as a home-visit contact attempt (with a new status if one is chosen). All or
     * nothing: a wrong row names the person and the field, and nothing of the form is saved.
     */
    @Transactional
    public int recordOutcomes(Actor actor, UUID dayId, List<OutcomeInput> rows) {
        DayPlan plan = load(actor, dayId);
        requireOpen(plan.day());
        Map<UUID, HomeVisitStop> open = plan.route().stops().stream().filter(s -> !s.recorded())
                .collect(Collectors.toMap(HomeVisitStop::personId, Function.identity()));
        var errors = new ArrayList<FieldError>();
        int recorded = 0;
        String on = plan.day().visitOn().toString();
        for (OutcomeInput row : rows) {
            if (row.outcome() == null || row.outcome().isBlank()) {
                continue;
            }
            HomeVisitStop stop = open.get(row.personId());
            if (stop == null) {
                // not on this day, or already recorded: never a second attempt from the same visit
                continue;
            }
            boolean guardian = row.withGuardian();
            String source = guardian && !"NADD".equalsIgnoreCase(row.outcome().strip()) ? "VARDNADSHAVARE"
                    : "UNGDOMEN";
            var input = new KaaService.ContactInput(ContactChannel.HEMBESOK.name(), on, row.outcome(), guardian,
                    row.note(), new KaaService.StatusInput(row.newStatus(), null, null, on, source, null));
            try {
                kaa.recordContact(actor, stop.personId(), input);
                days.markRecorded(dayId, stop.personId(), ContactOutcome.valueOf(row.outcome().strip()
                        .toUpperCase(java.util.Locale.ROOT)), guardian, actor.userId());
                recorded++;
            } catch (InvalidInputException e) {
                for (FieldError f : e.errors()) {
                    errors.add(new FieldError("outcome-" + stop.personId(), "kaa.visits.rowError", stop.name(),
                            new DefaultMessageSourceResolvable(new String[] { "kaa.visits.field." + f.field() },
                                    f.field()),
                            new DefaultMessageSourceResolvable(new String[] { f.messageKey() }, f.arguments(),
                                    f.messageKey())));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (recorded == 0) {
            throw new InvalidInputException("outcome", "kaa.visits.noOutcome");
        }
        return recorded;
    }

    private DayPlan load(Actor actor, UUID dayId) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        HomeVisitDay day = days.day(org.id(), dayId).orElseThrow(() -> new NotFoundException("kaa.visits.day"));
        var route = HomeVisitRoute.of(days.stops(org.id(), dayId), postalAreas::of);
        // someone given protected identity since planning is refused here too, and so never printed
        return new DayPlan(day, new HomeVisitRoute.Route(route.groups(), List.of()), day.planned() - route.size(),
                org.name());
    }

    /** A cancelled day has no route sheet and no cards: nobody is to be visited. */
    private DayPlan printable(Actor actor, UUID dayId) {
        DayPlan plan = load(actor, dayId);
        if (plan.day().cancelled()) {
            throw new NotFoundException("kaa.visits.cancelled");
        }
        return plan;
    }

    private static void requireOpen(HomeVisitDay day) {
        if (day.cancelled()) {
            throw new ConflictException("kaa.visits.cancelled", day.id());
        }
    }

    /** The date, the two staff and the card's phone, as planned or changed; the date, or null if wrong. */
    private LocalDate checkDay(Actor actor, Validation v, String date, Long firstStaffId, Long secondStaffId,
            String contactPhone) {
        LocalDate visitOn = null;
        if (date == null || date.isBlank()) {
            v.reject("visitOn", "kaa.visits.visitOn.required");
        } else {
            try {
                visitOn = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                v.reject("visitOn", "kaa.visits.visitOn.invalid");
            }
        }
        Map<Long, UserAccount> staff = kaa.staff(actor).stream()
                .collect(Collectors.toMap(UserAccount::id, Function.identity()));
        checkStaff(v, "firstStaffId", firstStaffId, staff, 1);
        checkStaff(v, "secondStaffId", secondStaffId, staff, 2);
        if (firstStaffId != null && firstStaffId.equals(secondStaffId)) {
            v.reject("secondStaffId", "kaa.visits.staff.same");
        }
        String phone = contactPhone == null ? "" : contactPhone.strip();
        if (phone.isEmpty()) {
            v.reject("contactPhone", "kaa.visits.phone.required");
        } else if (!ContactDetails.isPhoneNumber(phone)) {
            v.reject("contactPhone", "kaa.visits.phone.invalid");
        }
        return visitOn;
    }

    private List<HomeVisitStop> candidates(Organisation org, List<UUID> chosen) {
        var found = days.candidates(org.id(), chosen);
        if (found.size() != chosen.size()) {
            throw new NotFoundException("kaa.episode");
        }
        return found;
    }

    private static void checkStaff(Validation v, String field, Long id, Map<Long, UserAccount> staff, int which) {
        if (id == null) {
            v.reject(field, "kaa.visits.staff.required", which);
        } else if (!staff.containsKey(id)) {
            v.reject(field, "kaa.visits.staff.unknown", which);
        }
    }

    private static List<UUID> personIds(DayPlan plan) {
        return plan.route().stops().stream().map(HomeVisitStop::personId).toList();
    }

    private static List<UUID> distinct(List<UUID> ids) {
        return ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
    }
}
