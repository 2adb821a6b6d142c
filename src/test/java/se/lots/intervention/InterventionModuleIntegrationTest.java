package se.lots.intervention;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.intervention.InterventionBuilder.anIntervention;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import se.lots.intervention.catalogue.InterventionKind;
import se.lots.intervention.catalogue.InterventionQuery;
import se.lots.intervention.catalogue.InterventionSummary;
import se.lots.intervention.catalogue.InterventionVersion;
import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.Organisation;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.plan.EnrolmentInput;
import se.lots.plan.EnrolmentService;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * The intervention map starts with the modules whose beans it uses, and theirs (plan, registry, consent, audit,
 * security, organisation, reference) and the database, without progression, KAA, web or the demo data. It cannot
 * start with only its direct dependencies: plan's and the registry's services need consent's {@code AccessPolicy}
 * and {@code ConsentService}, and the audit module's {@code AccountActivationAudit} needs security's
 * {@code CurrentActor}.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "database")
@ActiveProfiles("test")
// no other test uses this module's context: close it, and stop its embedded PostgreSQL, when the class is done
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class InterventionModuleIntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm"));

    @Autowired
    CatalogueService catalogue;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    RegistryService registry;
    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;

    @Test
    void anInterventionSavedInTheCatalogueIsFoundByItsNeedAndReadBackWithItsFirstVersion() {
        Actor forbund = user(organisation("Modulförbundet", PartyType.FORBUND), "modul.forbund",
                Role.FEDERATION_OFFICER);
        Provider provider = catalogue.saveProvider(forbund, null, new ProviderInput(null, null, "Föreningen Modul",
                "CIVIL_SOCIETY", "Kalle Kontaktsson", "0418-123 45", "info@example.se", "Storgatan 1, Svalöv",
                "Mån–fre 9–16", null));
        Need npf = catalogue.needs().stream().filter(n -> n.name().equals("NPF-stöd")).findFirst().orElseThrow();

        var saved = catalogue.create(forbund, anIntervention(provider).named("Modulpraktik")
                .ofKind(InterventionKind.PRAKTIK).aged(16, 24).withNeeds(npf).build());

        var hits = catalogue.search(new InterventionQuery("Modulpraktik", 18, List.of(npf.id()), null, null, null,
                null, false, false, false, 0));
        assertThat(hits.items()).extracting(InterventionSummary::id).containsExactly(saved.id());
        assertThat(catalogue.search(new InterventionQuery("Modulpraktik", 25, null, null, null, null, null, false,
                false, false, 0)).items()).as("too old for it").isEmpty();
        var read = catalogue.intervention(saved.id());
        assertThat(read.name()).isEqualTo("Modulpraktik");
        assertThat(read.providerName()).isEqualTo("Föreningen Modul");
        assertThat(read.needs()).containsExactly(npf);
        assertThat(catalogue.history(saved.id())).extracting(InterventionVersion::version, InterventionVersion::changedByName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(read.version(), forbund.displayName()));
    }

    @Test
    void anInterventionLinkedToAProgrammeCountsItsOpenEnrolmentsAsOccupiedPlaces() {
        Actor lead = user(organisation("Beläggningskommunen", PartyType.KOMMUN), "modul.insatsledare",
                Role.PROGRAMME_LEAD);
        long programme = enrolments.saveProgramme(lead, "Modulsteget");
        Provider own = catalogue.saveProvider(lead, null, new ProviderInput(String.valueOf(lead.organisationId()),
                null, null, null, null, null, null, null, null, null));
        var linked = catalogue.create(lead, anIntervention(own).named("Modulsteget").linkedTo(programme)
                .places(10, null).build());
        assertThat(catalogue.intervention(linked.id()).occupancy()).isZero();

        UUID person = registry.register(lead, aYoungPerson().named("Plats", "Modulsson").build()).id();
        enrolments.enrol(lead, person, new EnrolmentInput(String.valueOf(programme), TODAY.toString(), null, null,
                "Vill börja"));

        var read = catalogue.intervention(linked.id());
        assertThat(read.programmeId()).isEqualTo(programme);
        assertThat(read.occupancyDerived()).isTrue();
        assertThat(read.occupancy()).isEqualTo(1);
        assertThat(read.openPlaces()).isEqualTo(9);
    }

    private Organisation organisation(String name, PartyType type) {
        return organisations.create(new NewOrganisation(name, type, type == PartyType.KOMMUN ? "1214" : null, null,
                null));
    }

    private Actor user(Organisation organisation, String username, Role role) {
        organisations.createUser(new NewUser(username, "tre ord i rad och en häst", username, role,
                organisation.id(), null));
        return actors.byUsername(username);
    }
}
