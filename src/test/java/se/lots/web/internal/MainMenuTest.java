package se.lots.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.lots.organisation.Role;
import se.lots.security.Actor;

class MainMenuTest {

    private static MainMenu.Viewer as(Role role, boolean kaaRegister) {
        return new MainMenu.Viewer(new Actor(1, "u", "U", new se.lots.organisation.OrganisationId(1), "Org", role), kaaRegister);
    }

    private static List<String> current(MainMenu.Viewer viewer, String path) {
        return MainMenu.items(viewer, path).stream().filter(MainMenu.Item::current).map(MainMenu.Item::href).toList();
    }

    @Test
    void theLongestEntryThatStartsThePathIsTheCurrentPage() {
        var coach = as(Role.CASE_WORKER, false);

        assertThat(current(coach, "/persons/new")).containsExactly("/persons/new");
        assertThat(current(coach, "/persons/42")).containsExactly("/persons");
        assertThat(current(coach, "/persons")).containsExactly("/persons");
        assertThat(current(coach, "/plan/referrals")).containsExactly("/plan/referrals");
        assertThat(current(coach, "/plan/7")).containsExactly("/plan");
    }

    @Test
    void theStartPageIsCurrentOnlyOnItselfAndAPathThatOnlySharesLettersMarksNothing() {
        var coach = as(Role.CASE_WORKER, false);

        assertThat(current(coach, "/")).containsExactly("/");
        assertThat(current(coach, "/enrolments/3")).isEmpty();
        assertThat(current(coach, "/personsearch")).as("a prefix of letters is not a section").isEmpty();
    }

    @Test
    void aSectionEntryCoversItsOtherPages() {
        assertThat(current(as(Role.PROGRAMME_LEAD, false), "/progression/stegtrappa"))
                .containsExactly("/progression/instruments");
        assertThat(current(as(Role.ANALYST, false), "/uppfoljning/finsam")).containsExactly("/uppfoljning/finsam");
    }

    @Test
    void eachRoleIsShownTheEntriesItWasShownBefore() {
        assertThat(MainMenu.items(as(Role.AUDITOR, false), "/")).extracting(MainMenu.Item::href)
                .containsExactly("/", "/insatser", "/audit");
        assertThat(MainMenu.items(as(Role.KAA_COORDINATOR, true), "/")).extracting(MainMenu.Item::href)
                .containsExactly("/", "/insatser", "/persons", "/persons/new", "/plan", "/plan/referrals",
                        "/uppfoljning", "/kaa", "/integritet/registerutdrag", "/integritet/radering");
        assertThat(MainMenu.items(as(Role.CASE_WORKER, false), "/")).extracting(MainMenu.Item::href)
                .as("no KAA register, no KAA entry").doesNotContain("/kaa");
        assertThat(MainMenu.items(as(Role.ADMIN, false), "/")).extracting(MainMenu.Item::href)
                .containsExactly("/", "/insatser", "/admin/organisations", "/admin/users",
                        "/admin/kaa-measure-categories", "/admin/gallring", "/progression/instruments", "/audit");
        assertThat(MainMenu.items(as(Role.FEDERATION_OFFICER, false), "/")).extracting(MainMenu.Item::href)
                .containsExactly("/", "/insatser", "/uppfoljning/finsam", "/forbund");
        assertThat(current(as(Role.FEDERATION_OFFICER, false), "/forbund/insatser/3")).containsExactly("/forbund");
    }

    @Test
    void registerExtractsAndErasureAreShownToTheRolesThatDecideThem() {
        assertThat(MainMenu.items(as(Role.PROGRAMME_LEAD, false), "/")).extracting(MainMenu.Item::href)
                .containsExactly("/", "/insatser", "/persons", "/persons/new", "/plan", "/plan/referrals",
                        "/uppfoljning", "/forbund", "/integritet/registerutdrag", "/integritet/radering",
                        "/progression/instruments");
        assertThat(MainMenu.items(as(Role.KAA_COORDINATOR, true), "/")).extracting(MainMenu.Item::messageKey)
                .contains("nav.extracts", "nav.erasures");
        for (Role role : List.of(Role.CASE_WORKER, Role.AUDITOR, Role.ADMIN, Role.ANALYST,
                Role.FEDERATION_OFFICER)) {
            assertThat(MainMenu.items(as(role, true), "/")).extracting(MainMenu.Item::href).as(role.name())
                    .doesNotContain("/integritet/registerutdrag", "/integritet/radering");
        }
    }

    @Test
    void anErasureOrExtractPageMarksItsOwnEntry() {
        var lead = as(Role.PROGRAMME_LEAD, false);

        assertThat(current(lead, "/integritet/radering")).containsExactly("/integritet/radering");
        assertThat(current(lead, "/integritet/radering/ny")).containsExactly("/integritet/radering");
        assertThat(current(lead, "/integritet/registerutdrag/7")).containsExactly("/integritet/registerutdrag");
    }
}
