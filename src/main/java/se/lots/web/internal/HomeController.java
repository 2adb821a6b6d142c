package se.lots.web.internal;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import se.lots.security.Actor;
import se.lots.security.CurrentActor;

@Controller
class HomeController {

    private final ObjectProvider<InMemoryClientRegistrationRepository> oidcClients;
    private final StartPanels panels;
    private final CurrentActor currentActor;

    HomeController(ObjectProvider<InMemoryClientRegistrationRepository> oidcClients,
            StartPanels panels,
            CurrentActor currentActor) {
        this.oidcClients = oidcClients;
        this.currentActor = currentActor;
        this.panels = panels;
    }

    /** The start page: what needs this user today, one panel per module that has something for them. */
    @GetMapping("/")
    String home(Model model) {
        Actor actor = currentActor.get();
        model.addAttribute("panels", panels.contentFor(actor));
        return "home";
    }

    /** {@code minutes} or {@code seconds}: how long password guessing makes the user wait (security.LoginThrottle). */
    @GetMapping("/login")
    String login(Model model, @RequestParam(required = false) String minutes,
            @RequestParam(required = false) String seconds) {
        model.addAttribute("waitMinutes", wholeNumber(minutes));
        model.addAttribute("waitSeconds", wholeNumber(seconds));
        var repository = oidcClients.getIfAvailable();
        List<ClientRegistration> clients = new java.util.ArrayList<>();
        if (repository != null) {
            repository.forEach(clients::add);
        }
        model.addAttribute("oidcClients", clients);
        return "login";
    }

    private static Integer wholeNumber(String s) {
        return s != null && s.matches("[0-9]{1,6}") ? Integer.valueOf(s) : null;
    }

    // every method: a refused form post is forwarded here as a POST, and must get 403, not 405
    @RequestMapping("/forbidden")
    ModelAndView forbidden() {
        return PageErrorHandler.page(HttpStatus.FORBIDDEN, "access.denied.generic");
    }
}
