package se.lots.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.lots.IntegrationTest;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.Role;
import se.lots.organisation.UserAccounts;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * The administrator's start panel counts the active accounts that lack the work e-mail or the phone where reminders
 * go: not an account that has both, not a deactivated one; and it is the administrator's only.
 */
@IntegrationTest
class AdminStartPanelIntegrationTest {

    private static final String PASSWORD = "ett-langt-losenord";

    @Autowired
    AdminStartPanel panel;
    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;

    private long withoutContact() {
        return ((UserAccounts.Missing) panel.content(actors.byUsername("demoadmin")).orElseThrow().panel()
                .get("withoutContact")).count();
    }

    private long user(String email, String phone) {
        Actor coach = actors.byUsername("coach");
        return organisations.createUser(new NewUser("kontakt-" + UUID.randomUUID().toString().substring(0, 8),
                PASSWORD, "Karl Kontakt", Role.CASE_WORKER, coach.organisationId(), null, email, phone)).id();
    }

    @Test
    void onlyTheAdministratorGetsThePanel() {
        for (String user : List.of("kaa", "coach", "granskare", "forbund", "analytiker")) {
            assertThat(panel.content(actors.byUsername(user))).as(user).isEmpty();
        }
    }

    @Test
    void anAccountWithoutEmailOrPhoneCountsUntilItHasBothOrIsDeactivated() {
        long before = withoutContact();
        user("karl@kommun.example", "0418-123 45");
        assertThat(withoutContact()).as("an account with both").isEqualTo(before);

        long noPhone = user("karl2@kommun.example", null);
        long noEmail = user(null, "0418-123 46");
        assertThat(withoutContact()).isEqualTo(before + 2);

        organisations.setContact(noPhone, "karl2@kommun.example", "0418-123 47");
        organisations.setActive(noEmail, false, "demoadmin");
        assertThat(withoutContact()).isEqualTo(before);
    }
}
