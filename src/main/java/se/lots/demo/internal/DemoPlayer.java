package se.lots.demo.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.lots.appointment.AppointmentInput;
import se.lots.appointment.AppointmentService;
import se.lots.appointment.AttendanceInput;
import se.lots.consent.ConsentPurpose;
import se.lots.consent.ConsentScope;
import se.lots.consent.ConsentService;
import se.lots.consent.GivenHow;
import se.lots.consent.DisclosureProvision;
import se.lots.consent.NewConsent;
import se.lots.consent.NewLineDisclosure;
import se.lots.kaa.homevisit.HomeVisitService;
import se.lots.kaa.letter.LetterService;
import se.lots.kaa.measure.KaaMeasureService;
import se.lots.kaa.register.KaaService;
import se.lots.organisation.Organisation;
import se.lots.organisation.OrganisationId;
import se.lots.plan.EnrolmentInput;
import se.lots.plan.EnrolmentService;
import se.lots.plan.PlanService;
import se.lots.plan.ReferralInput;
import se.lots.plan.ReferralService;
import se.lots.plan.StepInput;
import se.lots.plan.meeting.MeetingInput;
import se.lots.plan.meeting.MeetingService;
import se.lots.plan.plans.PlanInput;
import se.lots.plan.referral.ReferralStatus;
import se.lots.progression.FunderReportService;
import se.lots.progression.GoalInput;
import se.lots.progression.registration.RegistrationInput;
import se.lots.progression.registration.RegistrationKind;
import se.lots.progression.registration.RegistrationService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * Plays {@link DemoYear}'s agenda through the modules' own services, each action in its own transaction with the
 * {@link DemoClock} at the action's time, so that audit, events and read models are what a user's work would leave.
 * An action the services refuse is logged and skipped (and counted: the demo test wants none).
 */
@Component
class DemoPlayer {

    private static final Logger log = LoggerFactory.getLogger(DemoPlayer.class);

    private final CurrentActor actors;
    private final KaaService kaa;
    private final LetterService letters;
    private final HomeVisitService homeVisits;
    private final KaaMeasureService measures;
    private final ConsentService consents;
    private final PlanService plans;
    private final MeetingService meetings;
    private final ReferralService referrals;
    private final EnrolmentService enrolments;
    private final RegistrationService registrations;
    private final FunderReportService funderReports;
    private final AppointmentService appointments;
    private final TransactionTemplate transaction;

    private final Map<String, Actor> cast = new HashMap<>();
    private final Map<String, UUID> ids = new HashMap<>();
    private final Map<Integer, List<Long>> tracksOfPlan = new HashMap<>();
    private List<UUID> persons = List.of();
    private Map<String, Organisation> organisations = Map.of();

    DemoPlayer(CurrentActor actors, KaaService kaa, LetterService letters, HomeVisitService homeVisits,
            KaaMeasureService measures, ConsentService consents, PlanService plans, MeetingService meetings,
            ReferralService referrals, EnrolmentService enrolments, RegistrationService registrations,
            FunderReportService funderReports, AppointmentService appointments, TransactionTemplate transaction) {
        this.actors = actors;
        this.kaa = kaa;
        this.letters = letters;
        this.homeVisits = homeVisits;
        this.measures = measures;
        this.consents = consents;
        this.plans = plans;
        this.meetings = meetings;
        this.referrals = referrals;
        this.enrolments = enrolments;
        this.registrations = registrations;
        this.funderReports = funderReports;
        this.appointments = appointments;
        this.transaction = transaction;
    }

    /**
     * Plays the year; {@code persons} are the demo persons' ids in registration order and {@code organisations}
     * the demo's by the username of its user ("af" → Arbetsförmedlingen). Returns how many actions were refused.
     */
    int play(DemoYear year, DemoClock clock, List<UUID> persons, Map<String, Organisation> organisations) {
        this.persons = persons;
        this.organisations = organisations;
        int refused = 0;
        var time = new java.util.TreeMap<String, Long>();
        try {
            for (DemoYear.Action action : year.actions()) {
                clock.travelTo(action.at());
                long began = System.nanoTime();
                try {
                    transaction.executeWithoutResult(status -> action.run().accept(this));
                } catch (RuntimeException e) {
                    refused++;
                    log.warn("Demo action refused at {}: {} ({})", action.at(), action.fact(), e.toString());
                }
                time.merge(kind(action.fact()), System.nanoTime() - began, Long::sum);
            }
        } finally {
            clock.back();
        }
        log.info("Lots demo: seconds by kind of action {}", time.entrySet().stream().sorted(
                Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .map(e -> e.getKey() + " " + String.format(java.util.Locale.ROOT, "%.1f", e.getValue() / 1e9))
                .toList());
        return refused;
    }

    /** The first words of a fact, up to its first number or person: "kaa contact", "booked appt". */
    private static String kind(String fact) {
        String[] words = fact.split(" ");
        return words.length < 2 || words[1].startsWith("#") || Character.isDigit(words[1].charAt(0)) ? words[0]
                : words[0] + " " + words[1];
    }

    private Actor actor(String username) {
        return cast.computeIfAbsent(username, actors::byUsername);
    }

    private UUID person(int index) {
        return persons.get(index);
    }

    private OrganisationId organisation(String username) {
        return organisations.get(username).id();
    }

    private UUID episode(int index) {
        return kaa.person(actor("kaa"), person(index)).openEpisode().orElseThrow().id();
    }

    void saveLetterSender() {
        letters.saveSender(actor("kaa"), new LetterService.SenderInput(
                "Svalövs kommun, KAA, Herrevadsgatan 16, 268 80 Svalöv", "0418-47 50 00"));
    }

    void addGoals() {
        Actor lead = actor("insatsledare");
        long framsteget = programme("Framsteget ung");
        funderReports.addGoal(lead, framsteget, new GoalInput("DISCHARGED_TO_WORK_OR_STUDIES", null, null, null,
                "40"));
        // not "a plan within N months": it counts from a step's created_at, which the database stamps with the real
        // time, so every demo plan would look made today
        funderReports.addGoal(lead, framsteget, new GoalInput("DISCHARGED_WITH_PLAN", null, null, null, "90"));
        funderReports.addGoal(lead, framsteget, new GoalInput("PARTICIPANTS", null, null, null, "25"));
        funderReports.addGoal(lead, framsteget, new GoalInput("CONTACTS_PER_WEEK", null, null, null, "1"));
        funderReports.addGoal(lead, programme("Ungdomsteamet"), new GoalInput("DISCHARGED_TO_WORK_OR_STUDIES", null,
                null, null, "35"));
    }

    private long programme(String name) {
        return enrolments.allProgrammes().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().id();
    }

    void kaaContact(int n, LocalDate on, String channel, String outcome, String status, String studyKind,
            LocalDate reviewOn) {
        String source = channel.equals("VIA_SKOLA") ? "SKOLAN" : "UNGDOMEN";
        var newStatus = status == null ? null
                : new KaaService.StatusInput(status, studyKind, null, on.toString(), source, text(reviewOn));
        kaa.recordContact(actor("kaa"), person(n), new KaaService.ContactInput(channel, on.toString(), outcome, false,
                null, newStatus));
    }

    void kaaStatus(int n, LocalDate on, String status, String studyKind, LocalDate reviewOn) {
        kaa.recordStatus(actor("kaa"), person(n), new KaaService.StatusInput(status, studyKind, null, on.toString(),
                "UNGDOMEN", text(reviewOn)));
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    void registerMeasure(int n, String category, LocalDate offered) {
        var m = measures.register(actor("kaa"), person(n), new KaaMeasureService.MeasureInput(category, null, "KOMMUN",
                null, offered.toString(), null, null, null, offered.plusDays(60).toString(), false));
        ids.put("measure." + n, m.id());
    }

    void endMeasure(int n, LocalDate ended) {
        measures.end(actor("kaa"), ids.get("measure." + n), ended.toString(), "FULLFOLJD");
    }

    void startMeasure(int n, LocalDate started) {
        measures.start(actor("kaa"), ids.get("measure." + n), started.toString());
    }

    void sendLetters(List<Integer> indexes) {
        Actor coordinator = actor("kaa");
        var episodes = new ArrayList<UUID>();
        for (int n : indexes) {
            kaa.person(coordinator, person(n)).openEpisode().ifPresent(e -> episodes.add(e.id()));
        }
        var template = letters.activeTemplates(coordinator).get(0);
        var preview = letters.preview(coordinator, template.id(), episodes);
        letters.produce(coordinator, preview.batchId(), template.id(), episodes);
    }

    void planHomeVisits(LocalDate on, List<Integer> indexes, String key) {
        Actor coordinator = actor("kaa");
        var staff = homeVisits.staff(coordinator);
        var episodes = new ArrayList<UUID>();
        for (int n : indexes) {
            kaa.person(coordinator, person(n)).openEpisode().ifPresent(e -> episodes.add(e.id()));
        }
        Long second = staff.stream().filter(u -> u.id() != coordinator.userId()).map(u -> u.id()).sorted()
                .findFirst().orElse(null);
        ids.put(key, homeVisits.plan(coordinator, new HomeVisitService.PlanInput(on.toString(), coordinator.userId(),
                second, "070-174 06 50", episodes)));
    }

    void recordHomeVisits(String key, List<Integer> indexes) {
        var rows = new ArrayList<HomeVisitService.OutcomeInput>();
        for (int i = 0; i < indexes.size(); i++) {
            // two in three are not at home; the others are met, one with a guardian
            boolean met = i % 3 == 2;
            rows.add(new HomeVisitService.OutcomeInput(person(indexes.get(i)), met ? "NADD" : "EJ_NADD", met && i % 2 == 0,
                    met ? "KONTAKTAD" : "EJ_ANTRAFFBAR", met ? "Träffades hemma, vill ha hjälp med studier." : null));
        }
        homeVisits.recordOutcomes(actor("kaa"), ids.get(key), rows);
    }

    /**
     * The record is the KAA line's (it registered the person): the social services see it only when the young person
     * agrees that they plan together (OSL 12 kap. 2 §), recorded by the KAA line as a disclosure to the social
     * services' nämnd and line for twelve months from {@code on}.
     */
    void discloseToSocialServices(int n, String receiver, LocalDate on) {
        Actor to = actor(receiver);
        consents.disclose(actor("kaa"), person(n), organisation("kaa"), new NewLineDisclosure(to.domain().committee(),
                to.domain().lineOfWork(), DisclosureProvision.SAMTYCKE,
                "Den unga vill att socialtjänsten och arbetsmarknadsenheten planerar tillsammans.", null,
                on.plusMonths(12)));
    }

    void createPlan(int n, String coordinator, String goal, String strengths, LocalDate nextReview) {
        Actor actor = actor(coordinator);
        var plan = plans.create(actor, person(n));
        plans.update(actor, person(n), new PlanInput(goal, strengths, String.valueOf(actor.userId()),
                nextReview.toString(), plan.version()));
    }

    void addStep(int n, String coordinator, String key, String title, String party, LocalDate startsOn,
            LocalDate dueOn) {
        Actor actor = actor(coordinator);
        // the plan page once per plan (it reads and audits the whole plan): its standard tracks do not change
        List<Long> tracks = tracksOfPlan.computeIfAbsent(n, x -> plans.page(actor, person(n)).tracks().stream()
                .map(t -> t.id()).toList());
        long track = tracks.get(Math.floorMod(key.hashCode(), tracks.size()));
        var step = plans.addStep(actor, person(n), new StepInput(String.valueOf(track), title, party,
                party.equals("KOMMUNEN") ? String.valueOf(actor.userId()) : null,
                party.equals("ANNAN_AKTOR") ? "Arbetsförmedlingen" : null, null, null, null, null,
                startsOn.toString(), dueOn.toString(), "PAGAR", null, false, List.of(), null));
        ids.put("step." + key, step.id());
    }

    void finishStep(String coordinator, String key) {
        Actor actor = actor(coordinator);
        var step = plans.step(actor, ids.get("step." + key));
        var in = StepInput.of(step);
        plans.updateStep(actor, step.id(), new StepInput(in.trackId(), in.title(), in.responsibleParty(),
                in.responsibleUserId(), in.contactName(), in.how(), in.why(), in.nextStep(), in.obstacles(),
                in.startsOn(), in.dueOn(), "KLAR", null, in.confidential(), in.dependsOn(), in.version()));
    }

    void recordPlanContact(int n, String coordinator, LocalDate on) {
        plans.recordContact(actor(coordinator), person(n), on.toString(), "Samtal om hur veckan gått.", false);
    }

    void recordReview(int n, String coordinator, LocalDate on, LocalDate next) {
        plans.recordReview(actor(coordinator), person(n), on.toString(),
                "Planen följdes upp tillsammans med den unga.", next.toString());
    }

    void holdMeeting(int n, String coordinator, LocalDate on, boolean withAf) {
        List<String> orgs = withAf ? List.of(String.valueOf(organisation("af").value())) : List.of();
        meetings.create(actor(coordinator), person(n), new MeetingInput(withAf ? "FLERPARTSMOTE" : "TREPARTSSAMTAL",
                on.toString(), true, false, orgs, List.of(), null));
    }

    void consentTo(int n, String receiver, LocalDate on) {
        Actor coordinator = actor("coach");
        consents.record(coordinator, person(n), organisation("coach"), new NewConsent(null, organisation(receiver),
                ConsentPurpose.REMISS, List.of(ConsentScope.GRUNDUPPGIFTER, ConsentScope.PLAN), GivenHow.SKRIFTLIGT,
                on, on.plusMonths(6).minusDays(1)));
    }

    /** The consent to coordinate with AF that the area's set-up recorded, asked for again (FirstStart). */
    void renewConsentToAf(int n, LocalDate from, LocalDate to) {
        consents.record(actor("kaa"), person(n), organisation("kaa"), new NewConsent(null, organisation("af"),
                ConsentPurpose.SAMORDNING, List.of(ConsentScope.GRUNDUPPGIFTER, ConsentScope.PLAN), GivenHow.SKRIFTLIGT,
                from, to));
    }

    void sendReferral(int n, String from, String to, String key) {
        String[] reasons = { "Behöver stöd att skriva in sig och planera arbetssökande.",
            "Sover dåligt och orkar inte med praktiken, behöver bedömning.",
            "Behöver utredning av arbetsförmåga inför aktivitetsersättning." };
        String[] requests = { "Inskrivning och kartläggning", "Bedömning av sömn och mående",
            "Samordnad bedömning av arbetsförmåga" };
        int k = to.equals("af") ? 0 : to.equals("vardcentral") ? 1 : 2;
        var referral = referrals.send(actor(from), person(n), new ReferralInput(String.valueOf(organisation(to)
                .value()), null, null, null, reasons[k], requests[k]));
        ids.put(key, referral.id());
    }

    void moveReferral(String receiver, String key, String status, String reason) {
        Actor actor = actor(receiver);
        var referral = referrals.get(actor, ids.get(key));
        referrals.move(actor, referral.id(), ReferralStatus.valueOf(status), reason, referral.version());
    }

    void book(int n, String with, String key, LocalDate day, LocalTime time, String place, String context,
            boolean remind) {
        var appointment = appointments.book(actor(with), person(n), new AppointmentInput(day.toString(),
                time.toString(), 60, place, "Uppföljning", context, null, remind ? "SMS" : "INGEN", null));
        ids.put(key, appointment.id());
    }

    void attend(String with, String key, String attendance) {
        Actor actor = actor(with);
        var appointment = appointments.appointment(actor, ids.get(key));
        appointments.recordAttendance(actor, appointment.id(), new AttendanceInput(attendance,
                attendance.equals("INSTALLD") ? "Den unga ringde och lämnade återbud." : null, appointment.version()));
    }

    void enrol(int n, String key, String programme, LocalDate on) {
        Actor lead = actor("insatsledare");
        var enrolment = enrolments.enrol(lead, person(n), new EnrolmentInput(String.valueOf(programme(programme)),
                on.toString(), String.valueOf(organisation("coach").value()), String.valueOf(actor("coach").userId()),
                "Behöver stöd att komma vidare till arbete eller studier."));
        ids.put(key, enrolment.id());
    }

    void register(String key, String kind, LocalDate on, String occupation, List<String> income, boolean atAf) {
        registrations.save(actor("insatsledare"), ids.get(key), RegistrationKind.valueOf(kind),
                new RegistrationInput(on.toString(), occupation, occupation.equals("ARBETAR") ? "100" : null,
                        income, "FORGYMNASIAL", atAf, null, null));
    }

    void discharge(String key, LocalDate on, String reason) {
        Actor lead = actor("insatsledare");
        var enrolment = enrolments.enrolment(ids.get(key)).orElseThrow();
        enrolments.discharge(lead, enrolment.id(), on.toString(), reason, enrolment.version());
    }
}
