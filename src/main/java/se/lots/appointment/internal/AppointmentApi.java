package se.lots.appointment.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import se.lots.appointment.Appointment;
import se.lots.appointment.AppointmentInput;
import se.lots.appointment.AppointmentService;
import se.lots.appointment.AttendanceInput;
import se.lots.security.Actor;
import se.lots.shared.Versions;

/** Booked times over REST, with the same access rules and audit as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Bokade tider")
class AppointmentApi {

    private final AppointmentService appointments;

    AppointmentApi(AppointmentService appointments) {
        this.appointments = appointments;
    }

    @PostMapping("/persons/{personId}/appointments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Boka en tid med den unge; påminnelse med SMS eller e-post dagen före om den unge valt det. "
            + "Platsen skickas i påminnelsen och får inte avslöja en verksamhet")
    Appointment book(Actor actor, @PathVariable UUID personId, @RequestBody AppointmentInput input) {
        return appointments.book(actor, personId, input);
    }

    @GetMapping("/persons/{personId}/appointments")
    @Operation(summary = "Din organisations bokade tider med den unge, senaste först")
    List<Appointment> forPerson(Actor actor, @PathVariable UUID personId) {
        return appointments.forPerson(actor, personId);
    }

    @GetMapping("/appointments")
    @Operation(summary = "Dina bokade tider från ett datum (i dag om inget anges) och det antal dagar som anges (7)")
    List<Appointment> mine(Actor actor, @RequestParam(required = false) LocalDate from,
            @RequestParam(defaultValue = "7") int days) {
        return appointments.mine(actor, from, Math.max(1, Math.min(days, 62)));
    }

    @GetMapping("/appointments/{id}")
    @Operation(summary = "En bokad tid. ETag: tidens version")
    ResponseEntity<Appointment> appointment(Actor actor, @PathVariable UUID id) {
        Appointment a = appointments.appointment(actor, id);
        return ResponseEntity.ok().eTag(Versions.etag(a.version())).body(a);
    }

    @PutMapping("/appointments/{id}/attendance")
    @Operation(summary = "Registrera om den unge kom (KOM), uteblev (UTEBLEV) eller om tiden ställdes in (INSTALLD); "
            + "ange version (eller If-Match), utan den 428; 409 med tiden som den är sparad nu (current) om någon "
            + "sparat efter version")
    ResponseEntity<Appointment> attendance(Actor actor, @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody AttendanceInput input) {
        Appointment a = appointments.recordAttendance(actor, id,
                input.withVersion(Versions.required(input.version(), ifMatch)));
        return ResponseEntity.ok().eTag(Versions.etag(a.version())).body(a);
    }

    @GetMapping(path = "/appointments/{id}/calendar.ics", produces = "text/calendar")
    @Operation(summary = "Tiden som kalenderfil (.ics) utan den unges namn")
    ResponseEntity<byte[]> calendar(Actor actor, @PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bokad-tid.ics\"")
                .body(appointments.calendarFile(actor, id));
    }
}
