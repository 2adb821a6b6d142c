package se.lots.appointment.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.appointment.Appointment;
import se.lots.appointment.AppointmentContext;
import se.lots.appointment.AppointmentInput;
import se.lots.appointment.AppointmentService;
import se.lots.appointment.AttendanceInput;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;

/**
 * The pages' side of booked times: the "Boka tid" form of the plan and KAA person pages (appointment/section.html)
 * posts here, and so do the attendance buttons; both go back to the page the time belongs to. A booking with errors
 * comes back on a page of its own with the form as typed. Access and audit are the service's, as for the API.
 */
@Controller
class AppointmentPages {

    /** The service's field names as the form names them (the form sits inside other pages, whose ids it must not take). */
    private static final Map<String, String> FORM_FIELDS = Map.of("date", "appointmentDate", "time",
            "appointmentTime", "minutes", "appointmentMinutes", "place", "appointmentPlace", "purpose",
            "appointmentPurpose", "withUserId", "appointmentWith");

    private final AppointmentService appointments;
    private final MessageSource messages;

    AppointmentPages(AppointmentService appointments, MessageSource messages) {
        this.appointments = appointments;
        this.messages = messages;
    }

    /** The booking form on a page of its own (without JavaScript, or when a booking came back with errors). */
    @GetMapping("/tider/boka/{personId}")
    String bookingPage(Actor actor, @PathVariable UUID personId,
            @RequestParam(defaultValue = "ANNAT") AppointmentContext context, Model model) {
        model.addAttribute("s", appointments.section(actor, personId, context)
                .orElseThrow(() -> new AccessDeniedException("no access to person")));
        model.addAttribute("back", AppointmentService.pageOf(personId, context));
        return "appointment/book";
    }

    @PostMapping("/tider/boka/{personId}")
    String book(Actor actor, @PathVariable UUID personId,
            @RequestParam(defaultValue = "ANNAT") AppointmentContext context,
            @RequestParam Map<String, String> form, Model model, Locale locale, RedirectAttributes redirect) {
        var input = new AppointmentInput(form.get("appointmentDate"), form.get("appointmentTime"),
                minutes(form.get("appointmentMinutes")), form.get("appointmentPlace"), form.get("appointmentPurpose"),
                context.name(), staff(form.get("appointmentWith")), form.get("reminderChannel"),
                form.get("reminderAddress"));
        try {
            appointments.book(actor, personId, input);
            redirect.addFlashAttribute("appointmentNotice", "appointment.page.booked");
            return "redirect:" + AppointmentService.pageOf(personId, context);
        } catch (InvalidInputException e) {
            var errors = new LinkedHashMap<String, String>();
            e.texts(messages, locale).forEach((field, text) -> errors.putIfAbsent(FORM_FIELDS.getOrDefault(field,
                    field), text));
            model.addAttribute("errors", errors);
            model.addAttribute("appointmentForm", form);
            return bookingPage(actor, personId, context, model);
        }
    }

    /** Came, did not come or cancelled, in one click; back to the page of the time with what became of it. */
    @PostMapping("/tider/{id}/narvaro")
    String attendance(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String attendance,
            @RequestParam(required = false) Integer version, Locale locale, RedirectAttributes redirect) {
        Appointment a;
        try {
            a = appointments.recordAttendance(actor, id, new AttendanceInput(attendance, null, version));
            redirect.addFlashAttribute("appointmentNotice", "appointment.page.recorded." + a.attendance().name());
        } catch (InvalidInputException e) {
            a = appointments.appointment(actor, id);
            redirect.addFlashAttribute("appointmentError",
                    String.join(" ", e.texts(messages, locale).values()));
        } catch (ConflictException e) {
            a = (Appointment) e.current();
            redirect.addFlashAttribute("appointmentError", messages.getMessage(e.messageKey(), null, locale));
        }
        return "redirect:" + AppointmentService.pageOf(a.personId(), a.context());
    }

    /** The time as a calendar file, as the API gives it: "Bokad tid" and the place, no name (audited as an export). */
    @GetMapping("/tider/{id}/bokad-tid.ics")
    ResponseEntity<byte[]> calendar(Actor actor, @PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bokad-tid.ics\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(appointments.calendarFile(actor, id));
    }

    private static Integer minutes(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Long staff(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : Long.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
