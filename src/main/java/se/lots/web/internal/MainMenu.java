package se.lots.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import se.lots.organisation.Role;
import se.lots.security.Actor;

/**
 * The header's menu: which entries a user is shown, and which of them is the page the user is on. That is the
 * entry whose address is the longest start of the request's path ("/persons/new" is "Registrera ung", not
 * "Unga"; "/persons/42" is "Unga"); the start page only for "/" itself.
 */
final class MainMenu {

    /** One entry as the layout shows it. */
    record Item(String messageKey, String href, boolean current) {
    }

    private record Entry(String messageKey, String href, String section, Predicate<Viewer> shown) {
    }

    /** Who looks at the menu: the actor and whether they have a KAA register to open (see LayoutModel). */
    record Viewer(Actor actor, boolean kaaRegister) {

        boolean is(Role... roles) {
            return List.of(roles).contains(actor.role());
        }
    }

    // the order and the rules of the menu as the layout had them before issue 22
    private static final List<Entry> ENTRIES = List.of(
            new Entry("nav.home", "/", "/", v -> true),
            new Entry("nav.interventions", "/insatser", "/insatser", v -> true),
            new Entry("nav.persons", "/persons", "/persons", v -> v.actor().readsPersonalData()),
            new Entry("nav.newPerson", "/persons/new", "/persons/new", v -> v.actor().readsPersonalData()),
            new Entry("nav.plan", "/plan", "/plan", v -> v.actor().readsPersonalData()),
            new Entry("nav.referrals", "/plan/referrals", "/plan/referrals", v -> v.actor().readsPersonalData()),
            new Entry("nav.progression", "/uppfoljning", "/uppfoljning", v -> v.actor().readsPersonalData()),
            new Entry("nav.finsam", "/uppfoljning/finsam", "/uppfoljning/finsam",
                    v -> v.is(Role.FEDERATION_OFFICER, Role.ANALYST)),
            new Entry("nav.kaa", "/kaa", "/kaa", Viewer::kaaRegister),
            // the förbund's year (issue 24): its officers run it, programme leads apply and report there
            new Entry("nav.federation", "/forbund", "/forbund", v -> v.is(Role.FEDERATION_OFFICER, Role.PROGRAMME_LEAD)),
            // register extracts and erasure on request (issue 23): for the roles that decide them
            // (privacy.extract.ExtractRoles.mayDecide; the web module cannot depend on privacy); the others start
            // from the person's page
            new Entry("nav.extracts", "/integritet/registerutdrag", "/integritet/registerutdrag",
                    v -> v.is(Role.KAA_COORDINATOR, Role.PROGRAMME_LEAD)),
            new Entry("nav.erasures", "/integritet/radering", "/integritet/radering",
                    v -> v.is(Role.KAA_COORDINATOR, Role.PROGRAMME_LEAD)),
            new Entry("nav.organisations", "/admin/organisations", "/admin/organisations", v -> v.is(Role.ADMIN)),
            new Entry("nav.users", "/admin/users", "/admin/users", v -> v.is(Role.ADMIN)),
            new Entry("kaa.category.title", "/admin/kaa-measure-categories", "/admin/kaa-measure-categories",
                    v -> v.is(Role.ADMIN)),
            new Entry("privacy.retention.title", "/admin/gallring", "/admin/gallring", v -> v.is(Role.ADMIN)),
            // the instruments and the step ladder are one section
            new Entry("nav.progressionConfig", "/progression/instruments", "/progression",
                    v -> v.is(Role.ADMIN, Role.PROGRAMME_LEAD)),
            new Entry("nav.audit", "/audit", "/audit", v -> v.is(Role.AUDITOR, Role.ADMIN)));

    private MainMenu() {
    }

    /** The entries {@code viewer} is shown, the one for {@code path} (without the context path) marked current. */
    static List<Item> items(Viewer viewer, String path) {
        List<Entry> shown = ENTRIES.stream().filter(e -> e.shown().test(viewer)).toList();
        Entry current = null;
        for (Entry e : shown) {
            if (covers(e.section(), path) && (current == null || e.section().length() > current.section().length())) {
                current = e;
            }
        }
        List<Item> items = new ArrayList<>(shown.size());
        for (Entry e : shown) {
            items.add(new Item(e.messageKey(), e.href(), e == current));
        }
        return items;
    }

    private static boolean covers(String section, String path) {
        if (section.equals("/")) {
            return path.equals("/");
        }
        return path.equals(section) || path.startsWith(section + "/");
    }
}
