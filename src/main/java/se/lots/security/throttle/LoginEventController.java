package se.lots.security.throttle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The auditor's (and administrator's) page of failed logins and locks; the URL rule of /audit/** lets only them in. */
@Controller
class LoginEventController {

    private final LoginEvents events;
    private final Clock clock;

    LoginEventController(LoginEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/audit/inloggningar")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String username, Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate first = from == null ? today.minusDays(7) : from;
        LocalDate last = to == null ? today : to;
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("username", username);
        model.addAttribute("pageSize", LoginEvents.PAGE_SIZE);
        boolean reversed = last.isBefore(first);
        model.addAttribute("periodError", reversed);
        model.addAttribute("events", reversed ? List.of() : events.between(first, last, username));
        return "security/login-events";
    }
}
