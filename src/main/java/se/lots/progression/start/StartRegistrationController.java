package se.lots.progression.start;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import se.lots.security.Actor;

/** Every enrolment of the user's still without a start registration: the start panel's "Visa alla". */
@Controller
class StartRegistrationController {

    // as many as a page of Mina ärenden: a contact person with more has a backlog, not a list to read
    private static final int ALL = 200;

    private final MissingStartRegistrations missing;

    StartRegistrationController(MissingStartRegistrations missing) {
        this.missing = missing;
    }

    @GetMapping("/uppfoljning/utan-startregistrering")
    String all(Actor actor, Model model) {
        model.addAttribute("missing", missing.first(actor, ALL, "utan startregistrering"));
        return "progression/missing-start";
    }
}
