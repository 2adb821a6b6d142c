package se.lots.web.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import se.lots.organisation.Organisations;
import se.lots.organisation.LineOfWork;
import se.lots.organisation.Role;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * What every page's header needs: who is logged in, the menu with the current page marked, and the current path for
 * the language switch (not for the API).
 */
@ControllerAdvice
class LayoutModel {

    // the menu asks too: the organisation is looked up once per request
    private static final String KAA_REGISTER = LayoutModel.class.getName() + ".kaaRegister";

    private final CurrentActor currentActor;
    private final Organisations organisations;

    LayoutModel(CurrentActor currentActor, Organisations organisations) {
        this.currentActor = currentActor;
        this.organisations = organisations;
    }

    @ModelAttribute("me")
    Actor me(HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/")) {
            return null;
        }
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return null;
        }
        try {
            return currentActor.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The KAA link only for those who have a register to open: KAA staff of an organisation tied to a municipality
     * (a case worker at Arbetsförmedlingen or a vårdcentral was shown it and got "no access").
     */
    @ModelAttribute("kaaRegister")
    boolean kaaRegister(HttpServletRequest request) {
        if (request.getAttribute(KAA_REGISTER) instanceof Boolean known) {
            return known;
        }
        Actor me = me(request);
        // the register is the education line's own (KaaAccess): a social worker of the municipality is not shown it
        boolean kaaRegister = me != null && (me.role() == Role.KAA_COORDINATOR || me.role() == Role.CASE_WORKER)
                && me.worksIn(LineOfWork.UTBILDNING_KAA) && organisations.byId(me.organisationId()).map(o -> o.municipalityCode() != null).orElse(false);
        request.setAttribute(KAA_REGISTER, kaaRegister);
        return kaaRegister;
    }

    /** The header's menu for the user, the page they are on marked (none for someone not logged in). */
    @ModelAttribute("menu")
    List<MainMenu.Item> menu(HttpServletRequest request) {
        Actor me = me(request);
        if (me == null) {
            return List.of();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return MainMenu.items(new MainMenu.Viewer(me, kaaRegister(request)), path);
    }

    /**
     * The same page in the other language. A page rendered by a POST (a form with errors) has no address of its
     * own, so the link then leads back to the page the form was on.
     */
    @ModelAttribute("languageSwitchUrl")
    String languageSwitchUrl(HttpServletRequest request, Locale locale) {
        String other = "en".equals(locale.getLanguage()) ? "sv" : "en";
        UriComponentsBuilder page;
        if ("GET".equals(request.getMethod())) {
            page = UriComponentsBuilder.fromUriString(request.getRequestURI()).query(request.getQueryString());
        } else {
            page = sameSiteReferer(request).orElse(UriComponentsBuilder.fromUriString("/"));
        }
        return page.replaceQueryParam("lang", other).build().toUriString();
    }

    private static Optional<UriComponentsBuilder> sameSiteReferer(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return Optional.empty();
        }
        var uri = UriComponentsBuilder.fromUriString(referer).build();
        if (uri.getHost() != null && !uri.getHost().equals(request.getServerName())) {
            return Optional.empty();
        }
        return Optional.of(UriComponentsBuilder.fromUriString(uri.getPath() == null ? "/" : uri.getPath())
                .query(uri.getQuery()));
    }
}
