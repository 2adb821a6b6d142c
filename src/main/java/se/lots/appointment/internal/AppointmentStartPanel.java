package se.lots.appointment.internal;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import se.lots.appointment.AppointmentService;
import se.lots.security.Actor;
import se.lots.web.start.StartPanel;

/**
 * "Mina möten denna vecka" on the start page: the user's booked times this week, and those whose attendance is still
 * to be recorded, each a link to the page where it is recorded. For every user who meets young persons (a role that
 * reads personal data); the names shown are audited reads (AppointmentService.week).
 */
@Component
class AppointmentStartPanel implements StartPanel {

    private final AppointmentService appointments;

    AppointmentStartPanel(AppointmentService appointments) {
        this.appointments = appointments;
    }

    @Override
    public int order() {
        return 150;
    }

    @Override
    public Optional<Content> content(Actor user) {
        if (!user.readsPersonalData()) {
            return Optional.empty();
        }
        return Optional.of(Content.of("appointment/start", "panel", Map.of("week", appointments.week(user))));
    }
}
