package se.lots.plan.plans;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import se.lots.appointment.Appointment;
import se.lots.plan.PlanPage;
import se.lots.plan.PlanTrack;
import se.lots.plan.meeting.Meeting;
import se.lots.shared.ContactDetails;

/**
 * What "Din plan" says, worked out before it is laid out: the next meeting, the young person's next three things to
 * do (late ones first), who to call with the number, and the whole plan. Dates are written out ("3 november 2026"),
 * never a status code. Nothing here names a unit (a printed page can be seen by others); a protected identity gets
 * no place printed at all.
 */
record YourPlan(String firstName, String printedOn, String goal, String strengths, Next nextMeeting, List<Todo> now,
        int moreOwnSteps, Call call, List<Track> tracks, List<SupportPerson> supportPersons, String nextReview,
        boolean protectedIdentity) {

    /** The first thing to do, laid out together with the heading (empty when there is none). */
    public List<Todo> nowFirst() {
        return now.subList(0, Math.min(1, now.size()));
    }

    public List<Todo> nowRest() {
        return now.subList(Math.min(1, now.size()), now.size());
    }

    /** At most this many things under "Det här gör du nu". */
    static final int NOW = 3;

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", SWEDISH);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", SWEDISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", SWEDISH);

    /**
     * The next meeting: a booked time (day, time, place, whom they meet) or a meeting about the plan (day only, with
     * {@code kind} naming what it is: a meeting kind or "REVIEW").
     */
    record Next(String day, String time, String place, String with, String kind) {
    }

    /** One of the young person's own steps; {@code late} when its day has passed. */
    record Todo(String title, String nextStep, String due, boolean late, String who) {
    }

    /**
     * The person to call and their number (null when Lots has none), whether they coordinate the plan, and another
     * staff member with a number when the first has none.
     */
    record Call(String name, String phone, boolean coordinates, String otherName, String otherPhone) {
    }

    /** A track with its open steps; the first is laid out together with the heading. */
    record Track(String name, String kind, List<Step> steps) {

        public List<Step> first() {
            return steps.subList(0, 1);
        }

        public List<Step> rest() {
            return steps.subList(1, steps.size());
        }
    }

    record Step(String title, String nextStep, String due, boolean late, boolean yours, String contact) {
    }

    /** A staff member's name and work phone, as the organisation module keeps them. */
    record Staff(String name, String phone) {
    }

    static String day(LocalDate day) {
        return day == null ? null : DAY.format(day);
    }

    static YourPlan of(String firstName, boolean protectedIdentity, PlanPage page, List<Appointment> times,
            Staff coordinator, Staff actor, LocalDateTime now) {
        LocalDate today = now.toLocalDate();
        Plan plan = page.plan();
        List<PlanStep> shown = page.steps().stream().filter(s -> s.status().open() && !s.confidential()).toList();
        List<PlanStep> own = shown.stream().filter(s -> s.responsibleParty() == ResponsibleParty.UNGDOMEN)
                .sorted(byUrgency(today)).toList();
        List<Todo> todo = own.stream().limit(NOW).map(s -> new Todo(s.title(), s.nextStep(), day(s.dueOn()),
                s.overdueOn(today), s.who())).toList();
        List<Track> tracks = new ArrayList<>();
        for (PlanTrack t : page.tracks()) {
            List<Step> steps = t.steps().stream().filter(shown::contains)
                    .map(s -> new Step(s.title(), s.nextStep(), day(s.dueOn()), s.overdueOn(today),
                            s.responsibleParty() == ResponsibleParty.UNGDOMEN,
                            s.organisationName() + (s.who() != null ? ", " + s.who() : "")))
                    .toList();
            if (!steps.isEmpty()) {
                tracks.add(new Track(t.name(), t.kind().name(), steps));
            }
        }
        return new YourPlan(firstName == null ? "" : firstName, day(today), plan.goal(), plan.strengths(),
                next(page, times, now, protectedIdentity), todo, Math.max(0, own.size() - NOW),
                call(coordinator, actor), tracks, page.supportPersons(),
                plan.nextReviewOn() == null || plan.nextReviewOn().isBefore(today) ? null : day(plan.nextReviewOn()),
                protectedIdentity);
    }

    /** Late first (the longest late first), then by the day it is due, undated last. */
    static Comparator<PlanStep> byUrgency(LocalDate today) {
        return Comparator.comparing((PlanStep s) -> !s.overdueOn(today))
                .thenComparing(PlanStep::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PlanStep::startsOn, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PlanStep::title, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    private record Candidate(LocalDate day, LocalTime time, Next next) {
    }

    /**
     * The earliest of: a time booked with the young person that has not happened, a plan meeting called for today or
     * later, the next meeting a meeting's minutes set, the plan's next review. A booked time wins over a meeting on
     * the same day, as it has a time.
     */
    private static Next next(PlanPage page, List<Appointment> times, LocalDateTime now, boolean protectedIdentity) {
        LocalDate today = now.toLocalDate();
        List<Candidate> all = new ArrayList<>();
        for (Appointment a : times) {
            if (a.attendance() == null && a.startsAt().isAfter(now)) {
                all.add(new Candidate(a.startsAt().toLocalDate(), a.startsAt().toLocalTime(),
                        new Next(WEEKDAY.format(a.startsAt()), TIME.format(a.startsAt()),
                                protectedIdentity ? null : a.place(), a.withUserName(), null)));
            }
        }
        for (Meeting m : page.meetings()) {
            if (!m.heldOn().isBefore(today)) {
                all.add(new Candidate(m.heldOn(), null,
                        new Next(WEEKDAY.format(m.heldOn()), null, null, null, m.kind().name())));
            }
            if (m.nextMeetingOn() != null && !m.nextMeetingOn().isBefore(today)) {
                all.add(new Candidate(m.nextMeetingOn(), null,
                        new Next(WEEKDAY.format(m.nextMeetingOn()), null, null, null, m.kind().name())));
            }
        }
        LocalDate review = page.plan().nextReviewOn();
        if (review != null && !review.isBefore(today)) {
            all.add(new Candidate(review, null, new Next(WEEKDAY.format(review), null, null, null, "REVIEW")));
        }
        return all.stream()
                .min(Comparator.comparing(Candidate::day)
                        .thenComparing(Candidate::time, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(Candidate::next).orElse(null);
    }

    /**
     * The coordinator and their work phone. Without a coordinator, or without their number, the staff member who
     * prints the plan is named too, with theirs. A number that is not one (ContactDetails) is not printed.
     */
    private static Call call(Staff coordinator, Staff actor) {
        Staff first = coordinator != null ? coordinator : actor;
        String phone = phone(first);
        Staff other = phone == null && coordinator != null && actor != null && phone(actor) != null
                && !actor.name().equals(coordinator.name()) ? actor : null;
        return new Call(first == null ? null : first.name(), phone, coordinator != null,
                other == null ? null : other.name(), other == null ? null : phone(other));
    }

    private static String phone(Staff staff) {
        String phone = staff == null || staff.phone() == null ? null : staff.phone().strip();
        return ContactDetails.isPhoneNumber(phone) ? phone : null;
    }
}
