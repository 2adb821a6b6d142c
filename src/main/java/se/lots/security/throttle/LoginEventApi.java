package se.lots.security.throttle;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import se.lots.security.throttle.LoginEvents.LoginEvent;
import se.lots.shared.InvalidInputException;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Logguppföljning")
class LoginEventApi {

    private final LoginEvents events;

    LoginEventApi(LoginEvents events) {
        this.events = events;
    }

    @GetMapping("/login-events")
    @Operation(summary = "Misslyckade inloggningar och spärrar under perioden (AUDITOR, ADMIN), nyast först, högst 200")
    List<LoginEvent> loginEvents(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String username) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "validation.periodOrder");
        }
        return events.between(from, to, username);
    }
}
