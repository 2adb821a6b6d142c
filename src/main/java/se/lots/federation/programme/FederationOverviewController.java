package se.lots.federation.programme;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import se.lots.federation.member.MembershipService;
import se.lots.security.Actor;

/**
 * The förbund's start page {@code /forbund}: for its officer the förbund's members, area and programmes with their
 * status; for a programme lead the programmes its organisation owns or takes part in, per förbund.
 */
@Controller
class FederationOverviewController {

    private final FinsamProgrammeService programmes;
    private final MembershipService membership;
    private final Clock clock;

    FederationOverviewController(FinsamProgrammeService programmes, MembershipService membership, Clock clock) {
        this.programmes = programmes;
        this.membership = membership;
        this.clock = clock;
    }

    @GetMapping("/forbund")
    String overview(Actor actor, Model model) {
        List<FinsamProgramme> all = programmes.programmes(actor);
        boolean officer = membership.isOfficer(actor);
        model.addAttribute("officer", officer);
        if (officer) {
            model.addAttribute("federation", membership.federation(actor));
        }
        Map<String, List<FinsamProgramme>> byFederation = new LinkedHashMap<>();
        all.forEach(p -> byFederation.computeIfAbsent(p.federationName(), k -> new java.util.ArrayList<>()).add(p));
        model.addAttribute("programmes", all);
        model.addAttribute("byFederation", byFederation);
        model.addAttribute("today", LocalDate.now(clock));
        return "federation/programme/overview";
    }
}
