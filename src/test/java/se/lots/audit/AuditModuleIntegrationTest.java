package se.lots.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import se.lots.audit.internal.AuditEntries;
import se.lots.audit.internal.AuditQuery;
import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.security.CurrentActor;

/**
 * The audit log starts with the modules whose beans it uses (security, and organisation under it) and the database,
 * and keeps its hash chain without the modules whose reads it records. The registry's person lookup, which the
 * auditor's page needs, is stood in for ({@link WithoutRegistry}).
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "database")
@ActiveProfiles("test")
// no other test uses this module's context: close it, and stop its embedded PostgreSQL, when the class is done
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(WithoutRegistry.class)
class AuditModuleIntegrationTest {

    @Autowired
    AuditLog log;
    @Autowired
    AuditEntries entries;
    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;

    @Test
    void anAppendedEntryIsFoundAndTheChainVerifies() {
        var organisation = organisations.create(new NewOrganisation("Revisionskommunen", PartyType.KOMMUN, "1214",
                null, null));
        organisations.createUser(new NewUser("modul.granskad", "tre ord i rad och en häst", "Granskad",
                Role.CASE_WORKER, organisation.id(), null));
        var actor = actors.byUsername("modul.granskad");
        UUID person = UUID.randomUUID();

        log.record(actor, person, AuditAction.READ, AccessBasis.OWN_ORGANISATION, "modultest");

        var found = entries.search(new AuditQuery(person, null, null, null, null), 10, 0);
        assertThat(found).singleElement().satisfies(e -> {
            assertThat(e.username()).isEqualTo("modul.granskad");
            assertThat(e.action()).isEqualTo(AuditAction.READ);
        });
        var verification = entries.verify();
        assertThat(verification.valid()).isTrue();
        assertThat(verification.entries()).isPositive();
        assertThat(verification.firstBrokenId()).isNull();
    }

    @Test
    void anAccountDeactivatedInTheOrganisationModuleIsLoggedByTheAdministrator() {
        var organisation = organisations.create(new NewOrganisation("Kontokommunen", PartyType.KOMMUN, "1214", null,
                null));
        organisations.createUser(new NewUser("modul.admin", "tre ord i rad och en häst", "Admin", Role.ADMIN,
                organisation.id(), null));
        var leaving = organisations.createUser(new NewUser("modul.slutat", "fyra ord i rad och en ko", "Slutat",
                Role.ANALYST, organisation.id(), null));

        organisations.setActive(leaving.id(), false, "modul.admin");

        assertThat(entries.search(new AuditQuery(null, "modul.admin", null, null, AuditAction.UPDATE), 10, 0))
                .extracting(e -> e.detail()).containsExactly("konto inaktiverat: modul.slutat");
        assertThat(entries.verify().valid()).isTrue();
    }
}
