package se.lots.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/** What every page's header needs: who is logged in, and the current path for the language switch (not for the API). */
@ControllerAdvice
class LayoutModel {

    private final CurrentActor currentActor;

    LayoutModel(CurrentActor currentActor) {
        this.currentActor = currentActor;
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

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
