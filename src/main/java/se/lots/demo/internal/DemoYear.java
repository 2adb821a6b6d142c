package se.lots.demo.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A year of a Svalöv-sized municipality's work, as an agenda of dated actions drawn from one seed: the KAA
 * coordinator's calls, letters and a home-visit day, the statuses they give and the measures offered; the coaches'
 * plans with steps, reviews, meetings, referrals and booked times; the programme lead's enrolments with their SUS
 * registrations and endings. The agenda is plain data (what happens, to which demo person, when), so the same seed
 * gives the same agenda and its {@link #digest()} says so; {@link DemoPlayer} carries it out through the modules'
 * services with the clock set to each action's time.
 */
final class DemoYear {

    /** A demo person as the first start registered them, by their place in the registration order. */
    record Person(int index, LocalDate birthDate, boolean inKaa, boolean protectedIdentity, boolean heldByAf,
            boolean consentToAf) {
    }

    /** Something done on a day: {@code fact} says what in words (the digest is over these), {@code run} does it. */
    record Action(LocalDateTime at, int order, String fact, Consumer<DemoPlayer> run) {
    }

    static final String[] STEP_TITLES = { "Besöka Arbetsförmedlingen och skriva in sig", "Gå på studie- och "
            + "yrkesvägledning", "Prova praktik i två veckor", "Söka till komvux", "Ta kontakt med vårdcentralen om "
            + "sömnen", "Skriva ett CV", "Öppna bankkonto och BankID", "Ansöka om studiemedel", "Träffa budget- och "
            + "skuldrådgivaren", "Börja i Framstegets grupp på tisdagar", "Ta körkortsteori", "Söka extrajobb" };
    static final String[] GOALS = { "Jag vill ha ett jobb där jag får jobba med händerna.", "Jag vill läsa klart "
            + "gymnasiet på komvux.", "Jag vill kunna flytta hemifrån och klara mig själv.", "Jag vill börja "
            + "plugga till undersköterska.", "Jag vill ha körkort och ett jobb i lager." };
    static final String[] STRENGTHS = { "Kommer i tid, bra på datorer.", "Social och hjälpsam, tränar fotboll.",
        "Händig, har mekat med mopeder.", "Bra på språk, talar tre.", "Envis när hen bestämt sig." };
    static final String[] PLACES = { "Storgatan 5, Svalöv", "Biblioteket i Svalöv", "Digitalt möte",
        "Stationsgatan 2, Teckomatorp", "Kågeröds bibliotek" };
    static final String[] MEASURES = { "SYV", "MOTIVATION", "PRAKTIK", "ARBETSTRANING", "FOLKHOGSKOLA" };

    private final long seed;
    private final LocalDate today;
    private final LocalDate start;
    private final List<Person> persons;
    private final SplittableRandom random;
    private final List<Action> actions = new ArrayList<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    private DemoYear(long seed, LocalDate today, List<Person> persons) {
        this.seed = seed;
        this.today = today;
        this.start = start(today);
        this.persons = persons;
        this.random = new SplittableRandom(seed);
    }

    /** The first day of the demo's year: the school list was imported then. */
    static LocalDate start(LocalDate today) {
        return today.minusDays(364);
    }

    /**
     * The last day of the consent to coordinate with AF that the young person {@code index} gave when the area was
     * set up ({@code given}): four to twelve months, drawn from the person's own stream of the seed (not the
     * agenda's, which stays as it was). The year renews it before it runs out ({@link #drawConsentRenewals}).
     */
    static LocalDate firstConsentEnds(long seed, int index, LocalDate given) {
        return given.plusDays(consentDays(consentStream(seed, index))).minusDays(1);
    }

    private static SplittableRandom consentStream(long seed, int index) {
        return new SplittableRandom(seed * 1_000_003L + index);
    }

    /** How long a consent to coordinate lasts: as long as the joint work is planned for, 4 to 12 months (at most 365 days). */
    private static int consentDays(SplittableRandom stream) {
        return 120 + stream.nextInt(246);
    }

    /** The agenda of the year that ends {@code today}, drawn from {@code seed}, in the order it is played. */
    static DemoYear of(long seed, LocalDate today, List<Person> persons) {
        var year = new DemoYear(seed, today, persons);
        year.draw();
        year.actions.sort(Comparator.comparing(Action::at).thenComparing(Action::order));
        return year;
    }

    List<Action> actions() {
        return actions;
    }

    /** How many of each kind of fact the agenda holds ("kaa.status.STUDERAR" → 12), in a stable order. */
    Map<String, Integer> counts() {
        return counts;
    }

    /** SHA-256 over the facts in order: equal for two agendas from the same seed, day and persons. */
    String digest() {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            for (Action a : actions) {
                sha.update((a.at() + " " + a.fact() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    long seed() {
        return seed;
    }

    LocalDate today() {
        return today;
    }

    List<Person> persons() {
        return persons;
    }

    private void draw() {
        add(start.atTime(8, 0), "letter sender: return address and phone", p -> p.saveLetterSender());
        add(start.atTime(8, 5), "programme goals", p -> p.addGoals());
        List<Person> kaa = persons.stream().filter(Person::inKaa).toList();
        var unreached = new ArrayList<Person>();
        var homeVisit = new ArrayList<Person>();
        var measures = new ArrayList<Person>();
        for (Person person : kaa) {
            drawKaa(person, unreached, homeVisit, measures);
        }
        // the autumn letter to everyone not reached by phone in the first weeks
        LocalDate letterDay = start.plusDays(21);
        List<Integer> letter = unreached.stream().map(Person::index).toList();
        add(letterDay.atTime(10, 0), "kaa letter to " + letter, p -> p.sendLetters(letter));
        count("kaa.letters", letter.size());
        // a home-visit day in the autumn for those the letter did not reach either, and one coming next week
        LocalDate visitDay = start.plusDays(67);
        List<Integer> visits = homeVisit.stream().map(Person::index).toList();
        add(visitDay.minusDays(7).atTime(9, 0), "kaa home-visit day " + visitDay + " for " + visits,
                p -> p.planHomeVisits(visitDay, visits, "visit.autumn"));
        add(visitDay.atTime(17, 0), "kaa home-visit outcomes " + visits, p -> p.recordHomeVisits("visit.autumn",
                visits));
        List<Integer> coming = unreached.stream().filter(x -> !homeVisit.contains(x)).map(Person::index).limit(8)
                .toList();
        if (!coming.isEmpty()) {
            LocalDate comingDay = today.plusDays(4);
            add(today.minusDays(3).atTime(9, 0), "kaa home-visit day " + comingDay + " for " + coming,
                    p -> p.planHomeVisits(comingDay, coming, "visit.coming"));
        }
        count("kaa.homeVisits", visits.size());

        // the coaches' caseloads: young adults held by the municipality, and the KAA youths in a measure
        var candidates = new ArrayList<Person>(persons.stream()
                .filter(x -> !x.heldByAf() && (!x.inKaa() || measures.contains(x))).toList());
        shuffle(candidates);
        int plans = Math.min(34, candidates.size());
        for (int i = 0; i < plans; i++) {
            Person person = candidates.get(i);
            // the social secretary coordinates every sixth plan, the coach the rest
            drawPlan(person, i % 6 == 5 ? "socialsekreterare" : "coach", i);
        }
        // the AF officer's own times with the young adults AF holds
        persons.stream().filter(Person::heldByAf).limit(6).forEach(this::drawAfAppointments);
        persons.stream().filter(Person::consentToAf).forEach(this::drawConsentRenewals);
    }

    /**
     * The consent to coordinate with AF (given when the area was set up, {@link #firstConsentEnds}) is asked for again
     * one to three weeks before it runs out, for another 4 to 12 months from the day after, as long as that is before
     * today: those that run out soon are still to be renewed, each on its own day (the case worker's "samtycken som
     * löper ut").
     */
    private void drawConsentRenewals(Person person) {
        int n = person.index();
        SplittableRandom stream = consentStream(seed, n);
        LocalDate ends = start.plusDays(consentDays(stream)).minusDays(1);
        while (true) {
            LocalDate asked = ends.minusDays(7 + stream.nextInt(15));
            if (!asked.isBefore(today)) {
                return;
            }
            LocalDate from = ends.plusDays(1);
            LocalDate to = from.plusDays(consentDays(stream)).minusDays(1);
            add(asked.atTime(9, 20), "consent of #" + n + " to af renewed " + from + " to " + to,
                    p -> p.renewConsentToAf(n, from, to));
            count("consents.renewed", 1);
            ends = to;
        }
    }

    private void drawKaa(Person person, List<Person> unreached, List<Person> homeVisit, List<Person> measures) {
        int n = person.index();
        LocalDate last = lastKaaDay(person);
        if (!last.isAfter(start.plusDays(30))) {
            return;
        }
        int roll = random.nextInt(100);
        LocalDate first = day(start.plusDays(3), min(start.plusDays(200), last.minusDays(10)));
        if (roll < 24) {
            // not reached by phone; the letter, then (for half of them) a home visit
            String channel = random.nextBoolean() ? "TELEFON" : "SMS";
            LocalDate call = day(start.plusDays(3), start.plusDays(18));
            contact(person, call, channel, "EJ_NADD", null, null);
            unreached.add(person);
            if (roll < 12 && !person.protectedIdentity()) {
                homeVisit.add(person);
            } else if (roll < 18) {
                LocalDate again = day(start.plusDays(40), min(today.minusDays(2), last));
                contact(person, again, "TELEFON", "EJ_NADD", null, null);
            }
            return;
        }
        if (roll < 32) {
            contact(person, first, "TELEFON", "NADD", "KONTAKTAD", null);
            followUps(person, first, "KONTAKTAD", null);
            return;
        }
        if (roll < 52) {
            contact(person, first, "TELEFON", "NADD", "KONTAKTAD", null);
            LocalDate offered = first.plusDays(5 + random.nextInt(20));
            if (offered.isAfter(min(today.minusDays(1), last))) {
                return;
            }
            String category = MEASURES[random.nextInt(MEASURES.length)];
            boolean ends = random.nextInt(3) == 0;
            LocalDate started = offered.plusDays(7 + random.nextInt(14));
            LocalDate ended = started.plusDays(60 + random.nextInt(90));
            boolean startedYet = started.isBefore(min(today, last));
            add(offered.atTime(14, 0), "kaa measure " + category + " offered to #" + n
                    + (startedYet ? " started " + started : ""),
                    p -> p.registerMeasure(n, category, offered));
            count("kaa.measures", 1);
            if (startedYet) {
                add(started.atTime(13, 0), "kaa measure of #" + n + " started " + started,
                        p -> p.startMeasure(n, started));
                status(person, started, "I_ATGARD", null);
                measures.add(person);
                if (ends && ended.isBefore(min(today, last))) {
                    add(ended.atTime(15, 0), "kaa measure of #" + n + " ended " + ended, p -> p.endMeasure(n, ended));
                    String after = random.nextBoolean() ? "STUDERAR" : "ARBETAR";
                    String kind = after.equals("STUDERAR") ? "KOMVUX" : null;
                    status(person, ended, after, kind);
                    followUps(person, ended, after, kind);
                } else {
                    followUps(person, started, "I_ATGARD", null);
                }
            }
            return;
        }
        if (roll < 68) {
            String[] kinds = { "FOLKHOGSKOLA", "KOMVUX", "INTRODUKTIONSPROGRAM" };
            String kind = kinds[random.nextInt(kinds.length)];
            contact(person, first, random.nextBoolean() ? "VIA_SKOLA" : "TELEFON", "NADD", "STUDERAR", kind);
            followUps(person, first, "STUDERAR", kind);
            return;
        }
        String[] outcomes = { "ARBETAR", "ARBETAR", "AVBOJER", "ANNAN_SYSSELSATTNING", "FLYTTAT", "OKAND" };
        String status = outcomes[random.nextInt(outcomes.length)];
        if (status.equals("OKAND")) {
            // called once and left a message: still not known, the share the coordinator wants to shrink
            contact(person, first, "TELEFON", "LAMNAT_MEDDELANDE", null, null);
        } else {
            contact(person, first, status.equals("ARBETAR") ? "SMS" : "TELEFON", "NADD", status, null);
            if (status.equals("ARBETAR") || status.equals("ANNAN_SYSSELSATTNING")) {
                followUps(person, first, status, null);
            }
        }
    }

    private void drawPlan(Person person, String coordinator, int i) {
        int n = person.index();
        LocalDate planStart = day(start.plusDays(10), today.minusDays(i < 8 ? 120 : 14));
        if (coordinator.equals("socialsekreterare")) {
            // the KAA line's record is disclosed to the social services (with the young person's consent) two weeks
            // before the plan, before the first booked time, and asked for again after eleven months
            LocalDate on = planStart.minusDays(14).isBefore(start) ? start : planStart.minusDays(14);
            for (; on.isBefore(today); on = on.plusMonths(11)) {
                LocalDate from = on;
                add(from.atTime(8, 0), "disclosure of #" + n + " to " + coordinator + " " + from,
                        p -> p.discloseToSocialServices(n, coordinator, from));
            }
        }
        add(planStart.atTime(9, 0), "plan for #" + n + " coordinated by " + coordinator,
                p -> p.createPlan(n, coordinator, GOALS[i % GOALS.length], STRENGTHS[(i + 2) % STRENGTHS.length],
                        planStart.plusDays(90)));
        count("plans", 1);
        int steps = 3 + random.nextInt(3);
        boolean overdueLeft = false;
        for (int s = 0; s < steps; s++) {
            String title = STEP_TITLES[(i * 3 + s) % STEP_TITLES.length];
            LocalDate due = planStart.plusDays(14 + random.nextInt(160));
            String key = n + "." + s;
            String party = s % 3 == 0 ? "UNGDOMEN" : s % 3 == 1 ? "KOMMUNEN" : "ANNAN_AKTOR";
            add(planStart.atTime(9, 30 + s), "step " + key + " '" + title + "' due " + due,
                    p -> p.addStep(n, coordinator, key, title, party, planStart, due));
            if (due.isBefore(today)) {
                // every plan of the first eight keeps one step open past its date: the coach's overdue work
                boolean keepOpen = !overdueLeft && (i < 8 || random.nextInt(4) == 0);
                if (keepOpen) {
                    overdueLeft = true;
                    count("steps.overdue", 1);
                } else {
                    LocalDate done = due.minusDays(random.nextInt(7));
                    LocalDate doneOn = done.isAfter(planStart) ? done : planStart.plusDays(1);
                    add(doneOn.atTime(15, 0), "step " + key + " done " + doneOn, p -> p.finishStep(coordinator, key));
                    count("steps.done", 1);
                }
            } else {
                count("steps.coming", 1);
            }
        }
        // contacts, for the programme's contacts-per-week goal
        for (LocalDate d = planStart.plusDays(7); d.isBefore(today); d = d.plusDays(10 + random.nextInt(25))) {
            LocalDate on = d;
            add(on.atTime(11, 0), "plan contact #" + n + " " + on, p -> p.recordPlanContact(n, coordinator, on));
        }
        // a review every quarter; one plan in five has missed its latest (the coordinator's overdue review)
        for (LocalDate r = planStart.plusDays(90); r.isBefore(today); r = r.plusDays(90)) {
            LocalDate review = r;
            if (i % 5 == 4 && !review.plusDays(90).isBefore(today)) {
                count("reviews.overdue", 1);
                break;
            }
            add(review.atTime(13, 0), "plan review #" + n + " " + review, p -> p.recordReview(n, coordinator, review,
                    review.plusDays(90)));
            count("reviews", 1);
        }
        // one in three has a meeting with the parties; with AF when the young person has consented to AF
        if (i % 3 == 0) {
            LocalDate held = planStart.plusDays(20);
            boolean withAf = person.consentToAf();
            if (held.isBefore(today)) {
                add(held.atTime(10, 0), "meeting #" + n + (withAf ? " with AF" : ""),
                        p -> p.holdMeeting(n, coordinator, held, withAf));
                count("meetings", 1);
            }
        }
        if (i == 1 || i == 4) {
            LocalDate held = today.plusDays(2);
            add(today.minusDays(5).atTime(10, 0), "meeting #" + n + " called for " + held,
                    p -> p.holdMeeting(n, coordinator, held, false));
            count("meetings", 1);
        }
        if (i % 2 == 0) {
            drawReferral(person, coordinator, planStart, i);
        }
        drawAppointments(person, coordinator, planStart);
        if (i % 4 != 3) {
            drawEnrolment(person, planStart.plusDays(random.nextInt(10)), i);
        }
    }

    private void drawReferral(Person person, String from, LocalDate planStart, int i) {
        int n = person.index();
        String[] receivers = { "af", "vardcentral", "fk" };
        String to = receivers[(i / 2) % receivers.length];
        boolean recent = i % 10 == 0 || i % 10 == 4;
        LocalDate sent = recent ? today.minusDays(3 + random.nextInt(25)) : planStart.plusDays(15);
        if (!sent.isBefore(today) || sent.isBefore(planStart)) {
            return;
        }
        String key = "ref." + n;
        add(sent.atTime(9, 0), "consent of #" + n + " to " + to, p -> p.consentTo(n, to, sent));
        add(sent.atTime(9, 10), "referral " + key + " from " + from + " to " + to,
                p -> p.sendReferral(n, from, to, key));
        count("referrals", 1);
        if (recent) {
            count("referrals.waiting", 1);
            return;
        }
        int roll = random.nextInt(10);
        LocalDate received = sent.plusDays(2 + random.nextInt(8));
        if (!received.isBefore(today)) {
            count("referrals.waiting", 1);
            return;
        }
        add(received.atTime(11, 0), key + " received", p -> p.moveReferral(to, key, "MOTTAGEN", null));
        if (roll < 2) {
            add(received.plusDays(5).atTime(11, 0), key + " declined",
                    p -> p.moveReferral(to, key, "AVBOJD", "Behovet möts bättre av annan insats."));
            return;
        }
        LocalDate accepted = received.plusDays(3 + random.nextInt(10));
        if (accepted.isBefore(today)) {
            add(accepted.atTime(11, 0), key + " accepted", p -> p.moveReferral(to, key, "ACCEPTERAD", null));
            LocalDate begun = accepted.plusDays(7 + random.nextInt(14));
            if (begun.isBefore(today)) {
                add(begun.atTime(11, 0), key + " begun", p -> p.moveReferral(to, key, "PABORJAD", null));
            }
        }
    }

    private void drawAppointments(Person person, String with, LocalDate planStart) {
        int n = person.index();
        for (LocalDate d = planStart.plusDays(5 + random.nextInt(10)); d.isBefore(today.plusDays(14));
                d = d.plusDays(14 + random.nextInt(28))) {
            appointment(n, with, d, "PLAN", person.protectedIdentity());
        }
    }

    private void drawAfAppointments(Person person) {
        LocalDate d = day(start.plusDays(30), today.minusDays(20));
        appointment(person.index(), "af", d, "ANNAT", person.protectedIdentity());
        appointment(person.index(), "af", d.plusDays(21 + random.nextInt(14)), "ANNAT", person.protectedIdentity());
    }

    private void appointment(int n, String with, LocalDate on, String context, boolean protectedIdentity) {
        if (on.getDayOfWeek().getValue() > 5) {
            on = on.minusDays(on.getDayOfWeek().getValue() - 5L);
        }
        LocalDate day = on;
        LocalTime time = LocalTime.of(9 + random.nextInt(6), random.nextBoolean() ? 0 : 30);
        String place = PLACES[random.nextInt(PLACES.length)];
        String key = "appt." + n + "." + day;
        boolean future = !day.isBefore(today);
        LocalDate booked = future ? min(day.minusDays(1), today.minusDays(1)) : day.minusDays(3 + random.nextInt(10));
        // a reminder by SMS for the times still to come (the past ones were reminded long ago); a protected identity
        // gets one only on a channel they gave for it, which the demo's do not
        boolean remind = future && !protectedIdentity;
        add(booked.atTime(8, 30), "booked " + key + " " + time + " at " + place + (remind ? " SMS" : ""),
                p -> p.book(n, with, key, day, time, place, context, remind));
        count("appointments", 1);
        if (future) {
            return;
        }
        int roll = random.nextInt(100);
        String attendance = roll < 74 ? "KOM" : roll < 92 ? "UTEBLEV" : "INSTALLD";
        LocalDateTime recorded = attendance.equals("INSTALLD") ? day.minusDays(1).atTime(16, 0)
                : day.atTime(17, 0);
        add(recorded, key + " " + attendance, p -> p.attend(with, key, attendance));
        count("appointments." + attendance, 1);
    }

    private void drawEnrolment(Person person, LocalDate startedOn, int i) {
        int n = person.index();
        String[] programmes = { "Framsteget ung", "Framsteget ung", "Framsteget ung", "Ungdomsteamet",
            "Samordningsteamet" };
        String programme = person.inKaa() ? "KAA-uppföljning" : programmes[random.nextInt(programmes.length)];
        String key = "enr." + n;
        boolean startRegistered = random.nextInt(8) != 0;
        add(startedOn.atTime(10, 0), "enrolment " + key + " in " + programme,
                p -> p.enrol(n, key, programme, startedOn));
        count("enrolments", 1);
        String[] occupations = { "INGEN_SYSSELSATTNING", "ARBETSSOKANDE", "ARBETSSOKANDE", "SJUKSKRIVEN" };
        String occupation = occupations[random.nextInt(occupations.length)];
        String[][] incomes = { { "EKONOMISKT_BISTAND" }, { "AKTIVITETSSTOD" }, { "FORALDRARS_FORSORJNING" },
            { "INGEN_OFFENTLIG" } };
        List<String> income = List.of(incomes[random.nextInt(incomes.length)]);
        boolean atAf = occupation.equals("ARBETSSOKANDE");
        if (startRegistered) {
            add(startedOn.atTime(10, 30), key + " start registration " + occupation + " " + income,
                    p -> p.register(key, "START", startedOn, occupation, income, atAf));
            count("registrations.start", 1);
        }
        LocalDate endedOn = startedOn.plusDays(90 + random.nextInt(150));
        if (!startRegistered || !endedOn.isBefore(today.minusDays(3)) || random.nextInt(10) < 4) {
            return;
        }
        String[] reasons = { "ARBETE", "ARBETE", "STUDIER", "STUDIER", "ANNAN_INSATS", "AVBRUTIT", "FLYTTAT",
            "EJ_ANTRAFFBAR" };
        String reason = reasons[random.nextInt(reasons.length)];
        String after = reason.equals("ARBETE") ? "ARBETAR" : reason.equals("STUDIER") ? "STUDERAR" : occupation;
        List<String> afterIncome = reason.equals("ARBETE") ? List.of("LON")
                : reason.equals("STUDIER") ? List.of("STUDIEMEDEL") : income;
        add(endedOn.atTime(14, 0), key + " ended " + reason, p -> p.discharge(key, endedOn, reason));
        add(endedOn.atTime(14, 30), key + " end registration " + after,
                p -> p.register(key, "SLUT", endedOn, after, afterIncome, false));
        count("enrolments.ended." + reason, 1);
    }

    /**
     * The coordinator checks a known status again every two to four months, until the young person leaves the
     * register: most follow-ups are current, some are due (the worklist's "förfallen uppföljning").
     */
    private void followUps(Person person, LocalDate from, String status, String studyKind) {
        LocalDate last = lastKaaDay(person);
        for (LocalDate d = from.plusDays(60 + random.nextInt(60)); d.isBefore(last) && d.isBefore(today);
                d = d.plusDays(60 + random.nextInt(60))) {
            contact(person, d, random.nextInt(3) == 0 ? "SMS" : "TELEFON", "NADD", status, studyKind);
        }
    }

    private void contact(Person person, LocalDate on, String channel, String outcome, String status,
            String studyKind) {
        int n = person.index();
        add(on.atTime(10, random.nextInt(60)), "kaa contact #" + n + " " + channel + " " + outcome
                + (status == null ? "" : " → " + status + " review " + reviewOn(on, status)), p -> p.kaaContact(n, on, channel, outcome, status,
                        studyKind, reviewOn(on, status)));
        count("kaa.contacts", 1);
        if (status != null) {
            count("kaa.status." + status, 1);
        }
    }

    private void status(Person person, LocalDate on, String status, String studyKind) {
        int n = person.index();
        add(on.atTime(16, 0), "kaa status #" + n + " " + status + " review " + reviewOn(on, status), p -> p.kaaStatus(n, on, status, studyKind,
                reviewOn(on, status)));
        count("kaa.status." + status, 1);
    }

    /**
     * When the coordinator means to check the status again: a settled occupation in four months, a first contact in
     * six weeks, the rest after the register's default (null).
     */
    private static LocalDate reviewOn(LocalDate on, String status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "STUDERAR", "ARBETAR", "ANNAN_SYSSELSATTNING", "I_ATGARD" -> on.plusDays(120);
            case "KONTAKTAD" -> on.plusDays(45);
            default -> null;
        };
    }

    /** The last day the person is in the KAA register: before their twentieth birthday. */
    private LocalDate lastKaaDay(Person person) {
        LocalDate twenty = person.birthDate() == null ? today : person.birthDate().plusYears(20).minusDays(7);
        return min(twenty, today.minusDays(1));
    }

    private LocalDate day(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return from;
        }
        return from.plusDays(random.nextLong(to.toEpochDay() - from.toEpochDay() + 1));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private void shuffle(List<Person> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Person t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    private void add(LocalDateTime at, String fact, Consumer<DemoPlayer> run) {
        actions.add(new Action(at, actions.size(), fact, run));
    }

    private void count(String what, int n) {
        counts.merge(what, n, Integer::sum);
    }
}
