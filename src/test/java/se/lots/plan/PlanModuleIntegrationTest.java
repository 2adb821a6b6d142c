package se.lots.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.Organisation;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.plan.plans.TrackKind;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * Plan and coordination starts with the modules whose beans it uses, and theirs (registry, consent, audit, security,
 * organisation, reference) and the database, without intervention, progression, KAA, web or the demo data. It
 * cannot start with only its direct dependencies: the registry's and organisation's services need reference data
 * ({@code ReferenceData}), and the audit module's {@code AccountActivationAudit} needs security's
 * {@code CurrentActor}.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "database")
@ActiveProfiles("test")
// no other test uses this module's context: close it, and stop its embedded PostgreSQL, when the class is done
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PlanModuleIntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm"));

    @Autowired
    EnrolmentService enrolments;
    @Autowired
    PlanService plans;
    @Autowired
    RegistryService registry;
    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;

    @Test
    void aYoungPersonEnrolledInAProgrammeIsReadBackWithTheProgrammeAndTheirPlan() {
        Actor lead = user(organisation("Inskrivningskommunen"), "modul.insatsledare", Role.PROGRAMME_LEAD);
        long programme = enrolments.saveProgramme(lead, "Framsteget");
        UUID person = registry.register(lead, aYoungPerson().named("Plan", "Modulsson").build()).id();

        Enrolment enrolled = enrolments.enrol(lead, person, new EnrolmentInput(String.valueOf(programme),
                TODAY.minusDays(3).toString(), null, String.valueOf(lead.userId()), "Vill hitta en praktik"));
        plans.create(lead, person);

        assertThat(enrolments.forPerson(lead, person)).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(enrolled.id());
            assertThat(e.programmeName()).isEqualTo("Framsteget");
            assertThat(e.organisationId()).isEqualTo(lead.organisationId());
            assertThat(e.startedOn()).isEqualTo(TODAY.minusDays(3));
            assertThat(e.contactUserId()).isEqualTo(lead.userId());
            assertThat(e.open()).isTrue();
        });
        assertThat(enrolments.ofProgramme(programme)).extracting(Enrolment::personId).containsExactly(person);
        assertThat(plans.page(lead, person).tracks()).extracting(PlanTrack::kind)
                .containsExactly(TrackKind.ARBETE, TrackKind.UTBILDNING, TrackKind.HALSA, TrackKind.VARDAG);
    }

    @Test
    void anotherOrganisationWithoutConsentNeitherSeesNorEnrols() {
        Actor lead = user(organisation("Hållarkommunen"), "modul.hallare", Role.PROGRAMME_LEAD);
        Actor other = user(organisation("Grannkommunen"), "modul.granne", Role.PROGRAMME_LEAD);
        long othersProgramme = enrolments.saveProgramme(other, "Grannens insats");
        UUID person = registry.register(lead, aYoungPerson().named("Skyddad", "Modulsson").build()).id();

        assertThatThrownBy(() -> enrolments.forPerson(other, person)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> enrolments.enrol(other, person, new EnrolmentInput(String.valueOf(othersProgramme),
                TODAY.toString(), null, null, "Utan samtycke"))).isInstanceOf(AccessDeniedException.class);
        assertThat(enrolments.ofProgramme(othersProgramme)).isEmpty();
    }

    private Organisation organisation(String name) {
        return organisations.create(new NewOrganisation(name, PartyType.KOMMUN, "1214", null, null));
    }

    private Actor user(Organisation organisation, String username, Role role) {
        organisations.createUser(new NewUser(username, "tre ord i rad och en häst", username, role,
                organisation.id(), null));
        return actors.byUsername(username);
    }
}
