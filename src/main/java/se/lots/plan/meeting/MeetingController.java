package se.lots.plan.meeting;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
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

/** Calling a meeting from the plan page (refused, naming whose consent is missing) and writing its minutes. */
@Controller
class MeetingController {

    private final MeetingService meetings;
    private final MessageSource messages;

    MeetingController(MeetingService meetings, MessageSource messages) {
        this.meetings = meetings;
        this.messages = messages;
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
