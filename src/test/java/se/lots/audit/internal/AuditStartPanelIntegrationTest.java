package se.lots.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.lots.IntegrationTest;
import se.lots.audit.AuditAction;
import se.lots.consent.ConsentService;
import se.lots.registry.PersonInput;
import se.lots.registry.ProtectedIdentityChange;
import se.lots.registry.RegistryService;
import se.lots.registry.search.PersonSearch;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.web.start.StartPanel;

/**
 * The auditor's start panel: reads of protected identities only (not of other persons, not search hits), every
 * emergency access, every protected identity set or lifted (not a plain update), and nothing for any other role.
 */
@IntegrationTest
class AuditStartPanelIntegrationTest {

    @Autowired
    AuditStartPanel panel;
    @Autowired
    RegistryService registry;
    @Autowired
    PersonSearch search;
    @Autowired
    ConsentService consents;
    @Autowired
    CurrentActor actors;

    private StartPanel.Content content() {
        return panel.content(actors.byUsername("granskare")).orElseThrow();
    }

    private AuditEntries.Newest protectedReads() {
        return (AuditEntries.Newest) content().panel().get("protectedReads");
    }

    private AuditEntries.Newest emergencies() {
        return (AuditEntries.Newest) content().panel().get("emergencies");
    }

    @Test
    void onlyTheAuditorGetsThePanel() {
        for (String user : List.of("kaa", "coach", "insatsledare", "forbund", "analytiker", "demoadmin")) {
            assertThat(panel.content(actors.byUsername(user))).as(user).isEmpty();
        }
        assertThat(content().template()).isEqualTo("audit/start");
    }

    @Test
    void aReadOfAProtectedIdentityIsListedAndAReadOfAnotherPersonOrASearchHitIsNot() {
        Actor kaa = actors.byUsername("kaa");
        Actor coach = actors.byUsername("coach");
        UUID hidden = registry.register(kaa, aYoungPerson().named("Hemlig", "Granskad").protectedIdentity().build())
                .id();
        UUID open = registry.register(kaa, aYoungPerson().named("Öppen", "Granskad").build()).id();
        long before = protectedReads().count();

        registry.read(coach, open);
        search.search(coach, "Granskad", 0);
        assertThat(protectedReads().count()).as("another person's read and search hits").isEqualTo(before);

        registry.read(coach, hidden);
        AuditEntries.Newest after = protectedReads();
        assertThat(after.count()).isEqualTo(before + 1);
        assertThat(after.first().get(0).personId()).isEqualTo(hidden);
        assertThat(after.first().get(0).username()).isEqualTo("coach");
        assertThat(after.first()).hasSizeLessThanOrEqualTo(AuditStartPanel.FIRST);
    }

    private AuditEntries.Newest protectedChanges() {
        return (AuditEntries.Newest) content().panel().get("protectedChanges");
    }

    @Test
    void settingAndLiftingAProtectedIdentityAreListedWithTheirReasonAndAPlainUpdateIsNot() {
        Actor kaa = actors.byUsername("kaa");
        var person = registry.register(kaa, aYoungPerson().named("Ändrad", "Skyddsdotter").build());
        long before = protectedChanges().count();

        registry.update(kaa, person.id(), PersonInput.of(person));
        assertThat(protectedChanges().count()).as("a plain update").isEqualTo(before);

        registry.changeProtectedIdentity(actors.byUsername("coach"), person.id(),
                new ProtectedIdentityChange(true, "Skatteverket har beslutat om skydd", 1));
        registry.changeProtectedIdentity(kaa, person.id(),
                new ProtectedIdentityChange(false, "Skatteverket har hävt skyddet igen", 2));

        AuditEntries.Newest after = protectedChanges();
        assertThat(after.count()).isEqualTo(before + 2);
        assertThat(after.first()).extracting(AuditEntry::personId, AuditEntry::action, AuditEntry::username,
                AuditEntry::detail).startsWith(
                        tuple(person.id(), AuditAction.PROTECTED_IDENTITY_LIFTED, "kaa",
                                "Skatteverket har hävt skyddet igen"),
                        tuple(person.id(), AuditAction.PROTECTED_IDENTITY_SET, "coach",
                                "Skatteverket har beslutat om skydd"));
    }

    @Test
    void anEmergencyAccessIsListed() {
        Actor kaa = actors.byUsername("kaa");
        UUID person = registry.register(kaa, aYoungPerson().named("Nöd", "Åtkomst").build()).id();
        long before = emergencies().count();

        consents.breakGlass(actors.byUsername("af"), person, "Akut läge, personen har ringt och behöver hjälp nu");

        AuditEntries.Newest after = emergencies();
        assertThat(after.count()).isEqualTo(before + 1);
        assertThat(after.first().get(0).personId()).isEqualTo(person);
        assertThat(after.first().get(0).username()).isEqualTo("af");
    }
}
