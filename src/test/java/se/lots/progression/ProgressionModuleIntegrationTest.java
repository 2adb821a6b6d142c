package se.lots.progression;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.plan.Enrolment;
import se.lots.plan.EnrolmentInput;
import se.lots.plan.EnrolmentService;
import se.lots.progression.registration.RegistrationInput;
import se.lots.progression.registration.RegistrationKind;
import se.lots.progression.registration.RegistrationService;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * Progression and follow-up starts with the modules whose beans it uses, and theirs (plan, registry, consent, audit,
 * security, organisation, reference) and the database, without intervention, KAA, web or the demo data. It cannot
 * start with only its direct dependencies (plan, registry, audit): their services need consent, organisation,
 * reference data and security beans (for one, plan's {@code EnrolmentService} needs organisation's
 * {@code Organisations} and {@code UserAccounts}).
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "database")
@ActiveProfiles("test")
// no other test uses this module's context: close it, and stop its embedded PostgreSQL, when the class is done
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProgressionModuleIntegrationTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm"));

    @Autowired
    FunderReportService reports;
    @Autowired
    RegistrationService registrations;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    RegistryService registry;
    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;

    @Test
    void theRegistrationsOfAnEnrolmentAreCountedInTheFundersReport() {
        var organisation = organisations.create(new NewOrganisation("Uppföljningskommunen", PartyType.KOMMUN, "1214",
                null, null));
        organisations.createUser(new NewUser("modul.insatsledare", "tre ord i rad och en häst", "Insatsledare",
                Role.PROGRAMME_LEAD, organisation.id(), null));
        Actor lead = actors.byUsername("modul.insatsledare");
        long programme = enrolments.saveProgramme(lead, "Uppföljningssteget");
        LocalDate start = TODAY.minusDays(60);
        Enrolment she = enrol(lead, programme, start, "KVINNA");
        Enrolment he = enrol(lead, programme, start, "MAN");

        registrations.save(lead, she.id(), RegistrationKind.START,
                registration(start, "ARBETSSOKANDE", "A_KASSA"));
        enrolments.discharge(lead, she.id(), TODAY.minusDays(5).toString(), "ARBETE", she.version());
        registrations.save(lead, she.id(), RegistrationKind.SLUT,
                registration(TODAY.minusDays(5), "ARBETAR", "LON"));
        registrations.save(lead, he.id(), RegistrationKind.START,
                registration(start, "INGEN_SYSSELSATTNING", "EKONOMISKT_BISTAND"));

        FunderReport report = reports.report(lead, programme,
                reports.period(TODAY.minusDays(90).toString(), TODAY.toString()), SWEDISH);

        assertThat(report.suppressed()).as("the programme's own lead sees exact counts").isFalse();
        assertThat(report.registered().table().total().count()).isEqualTo(2);
        assertThat(report.registered().table().rowTotals()).extracting(c -> c.count()).containsExactly(1L, 1L, 0L);
        assertThat(report.discharged().table().total().count()).isEqualTo(1);
        // the occupation table is of the discharged: she is in it, he (still enrolled) is not yet
        var occupations = report.occupations();
        int seeking = occupations.rows().indexOf("Arbetssökande");
        int none = occupations.rows().indexOf("Ingen sysselsättning");
        int working = occupations.rows().indexOf("Arbetar");
        assertThat(occupations.cell(seeking, 0).count()).as("job seeking at start").isEqualTo(1);
        assertThat(occupations.cell(none, 0).count()).as("no occupation at start").isZero();
        assertThat(occupations.cell(working, 1).count()).as("working at the end").isEqualTo(1);
    }

    private Enrolment enrol(Actor lead, long programme, LocalDate on, String gender) {
        var person = registry.register(lead, aYoungPerson().named("Följd", "Modulsson").gender(gender).build());
        return enrolments.enrol(lead, person.id(), new EnrolmentInput(String.valueOf(programme), on.toString(), null,
                null, "Behöver stöd"));
    }

    private static RegistrationInput registration(LocalDate on, String occupation, String income) {
        return new RegistrationInput(on.toString(), occupation, "ARBETAR".equals(occupation) ? "100" : null,
                List.of(income), "GYMNASIAL", false, null, null);
    }
}
