package se.lots.web.start;

import java.util.Map;
import java.util.Optional;

import se.lots.security.Actor;

/**
 * One panel of the start page ("what needs you today"), contributed by the module that owns its data: the case
 * worker's caseload by plan, the KAA coordinator's register by kaa, the programme lead's goals by progression. A
 * module declares {@code "web :: start"} among its allowed dependencies and registers a bean.
 *
 * <p>The start page asks every panel bean, in {@link #order()}, for its content for the logged-in user. A panel that
 * has nothing for this user (another role, an organisation without a KAA register) answers {@link Optional#empty()};
 * a panel that applies but has nothing due says so itself ("Inget är försenat"), so that an empty day is visibly
 * empty and not missing. Reading personal data in a panel is audited by the module as on its own pages.
 */
public interface StartPanel {

    /** Place on the page: lower first. Leave gaps (100, 200, …) so that later modules can come between. */
    int order();

    /**
     * What the panel shows this user now, or empty when it is not for them. Called once per start page, on a thread
     * of its own at the same time as the other panels: use the {@code user} given, not the request's thread (the
     * request's locale is handed over; the security context and the request are not).
     */
    Optional<Content> content(Actor user);

    /**
     * A Thymeleaf fragment and its values. {@code template} and {@code fragment} name it as in
     * {@code ~{kaa/start :: panel}}; the fragment reads its values as {@code ${panel.…}} (the map's keys).
     */
    record Content(String template, String fragment, Map<String, Object> panel) {

        public static Content of(String template, String fragment, Map<String, Object> panel) {
            return new Content(template, fragment, Map.copyOf(panel));
        }
    }
}
