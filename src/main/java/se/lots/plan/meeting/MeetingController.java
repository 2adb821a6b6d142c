package se.lots.plan.meeting;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.plan.StepInput;
import se.lots.plan.plans.FieldChange;
import se.lots.plan.plans.PlanForm;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;
import se.lots.shared.calendar.CalendarFile;

/** Calling a meeting from the plan page (refused, naming whose consent is missing) and writing its minutes. */
@Controller
class MeetingController {

    private final MeetingService meetings;
    private final MessageSource messages;
    private final java.time.Clock clock;

    MeetingController(MeetingService meetings, MessageSource messages, java.time.Clock clock) {
        this.meetings = meetings;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The meeting as a calendar file: a whole-day "Möte i Lots" on its day (and the next meeting's day, when set), with
     * neither the young person's name nor the kind of meeting or the organisations (calendars end up in mail servers
     * and clouds). The meeting is read as on the plan page (audited).
     */
    @GetMapping("/persons/{id}/meetings/{meetingId}/mote.ics")
    ResponseEntity<byte[]> calendar(Actor actor, @PathVariable UUID id, @PathVariable UUID meetingId) {
        Meeting m = meetings.meeting(actor, meetingId);
        if (!m.personId().equals(id)) {
            throw new se.lots.shared.NotFoundException("meeting");
        }
        Locale sv = Locale.forLanguageTag("sv-SE");
        var events = new java.util.ArrayList<CalendarFile.DayEvent>();
        events.add(new CalendarFile.DayEvent("plan-meeting-" + m.id() + "@lots", m.heldOn(),
                messages.getMessage("meeting.calendar.summary", null, sv), null, null));
        if (m.nextMeetingOn() != null) {
            events.add(new CalendarFile.DayEvent("plan-meeting-" + m.id() + "-next@lots", m.nextMeetingOn(),
                    messages.getMessage("meeting.calendar.next", null, sv), null, null));
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mote.ics\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(CalendarFile.ofDays(events, clock.instant()));
    }

    @PostMapping("/persons/{id}/meetings")
    String create(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String heldOn,
            @RequestParam(defaultValue = "false") boolean youngPersonPresent,
            @RequestParam(defaultValue = "false") boolean guardianPresent,
            @RequestParam(required = false) List<String> organisationIds, Locale locale,
            RedirectAttributes redirect) {
        try {
            meetings.create(actor, id, new MeetingInput(kind, heldOn, youngPersonPresent, guardianPresent,
                    organisationIds == null ? List.of() : organisationIds, List.of(), null));
            redirect.addFlashAttribute("notice", "meeting.created");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("meetingErrors", e.texts(messages, locale));
            redirect.addFlashAttribute("openForm", PlanForm.MEETING.fragment());
        }
        return "redirect:/persons/" + id + "/plan#moten";
    }

    /** The minutes with one decision: the decision becomes a step of the convening organisation. */
    @PostMapping("/persons/{id}/meetings/{meetingId}/minutes")
    String minutes(Actor actor, @PathVariable UUID id, @PathVariable UUID meetingId,
            @RequestParam(required = false) String minutes, @RequestParam(required = false) String nextMeetingOn,
            @RequestParam(required = false) String decisionTitle, @RequestParam(required = false) String decisionTrack,
            @RequestParam(required = false) String decisionDue, @RequestParam(required = false) Integer version,
            Locale locale, RedirectAttributes redirect) {
        List<StepInput> decisions = decisionTitle == null || decisionTitle.isBlank() ? List.of()
                : List.of(new StepInput(decisionTrack, decisionTitle, "KOMMUNEN", null, null, null, null, null, null,
                        null, decisionDue, "PLANERAD", null, false, List.of(), null));
        try {
            meetings.recordMinutes(actor, meetingId, minutes, nextMeetingOn, null, decisions, version);
            redirect.addFlashAttribute("notice", "meeting.minutesSaved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("meetingErrors", e.texts(messages, locale));
            redirect.addFlashAttribute("openForm", "minutes-" + meetingId);
        } catch (ConflictException e) {
            Meeting theirs = (Meeting) e.current();
            redirect.addFlashAttribute("meetingChanges", List.of(
                    new FieldChange(messages.getMessage("meeting.field.minutes", null, locale),
                            FieldChange.text(theirs.minutes()), FieldChange.text(minutes)),
                    new FieldChange(messages.getMessage("meeting.field.next", null, locale),
                            FieldChange.text(theirs.nextMeetingOn()), FieldChange.text(nextMeetingOn))));
        }
        return "redirect:/persons/" + id + "/plan#moten";
    }
}
