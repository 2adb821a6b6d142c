package se.lots.plan.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.appointment.AppointmentInput;
import se.lots.appointment.AppointmentService;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.Role;
import se.lots.plan.PlanPage;
import se.lots.plan.PlanService;
import se.lots.plan.PlanTrack;
import se.lots.plan.StepInput;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * "Din plan" as the young person gets it, read back from the PDF: the next meeting with its time, their next three
 * things with the late one first and marked, who to call with the number, no place for a protected identity, no
 * heading left alone at the foot of a page, and the download refused to another organisation and audited.
 */
@IntegrationTest
class YourPlanPdfIntegrationTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
    private static final Set<String> HEADINGS = Set.of("Ditt mål", "Nästa möte", "Det här gör du nu", "Vem du ringer",
            "Hela din plan", "Arbete", "Utbildning", "Hälsa", "Vardag: boende, ekonomi och stöd",
            "Det här är du bra på", "Dina stödpersoner");

    @LocalServerPort
    int port;
    @Autowired
    PlanService plans;
    @Autowired
    RegistryService registry;
    @Autowired
    AppointmentService appointments;
    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;
    @Autowired
    YourPlanPdf yourPlan;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void theYoungPersonReadsTheNextMeetingTheirNextThreeThingsLateFirstAndWhoToCallWithTheNumber() {
        Actor coach = actors.byUsername("coach");
        Actor kim = staff(coach, "Kim Samordnare", "070-555 12 34");
        LocalDate today = LocalDate.now(clock);
        UUID person = registry.register(coach, aYoungPerson().named("Alva", "Planén").build()).id();
        plans.create(coach, person);
        PlanPage page = plans.page(coach, person);
        plans.update(coach, person, new PlanInput("Jag vill jobba i en butik", "Jag är noggrann",
                String.valueOf(kim.userId()), today.plusMonths(2).toString(), page.plan().version()));
        long work = track(page, TrackKind.ARBETE);
        long everyday = track(page, TrackKind.VARDAG);
        plans.addStep(coach, person, step(work, "Skriva ett CV", "UNGDOMEN", today.plusDays(20)));
        plans.addStep(coach, person, step(work, "Ringa skolan om kursen", "UNGDOMEN", today.plusDays(10)));
        plans.addStep(coach, person, step(everyday, "Skicka in ansökan om bostad", "UNGDOMEN", today.minusDays(34)));
        plans.addStep(coach, person, step(everyday, "Köpa busskort", "UNGDOMEN", today.plusDays(5)));
        plans.addStep(coach, person, step(everyday, "Boendestöd börjar", "KOMMUNEN", today.plusDays(3)));
        LocalDateTime at = today.plusDays(3).atTime(14, 30);
        appointments.book(coach, person, new AppointmentInput(at.toLocalDate().toString(), "14:30", 45,
                "Biblioteket, Storgatan 5", "Prata om praktik", "PLAN", null, "INGEN", null));

        WebSession web = WebSession.logIn(port, "coach");
        HttpResponse<byte[]> response = web.send(web.request("/persons/" + person + "/plan/din-plan.pdf"),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String text = text(response.body());

        String call = section(text, "Vem du ringer");
        assertThat(call).contains("Kim Samordnare håller ihop din plan.", "Telefon: 070-555 12 34");

        String meeting = section(text, "Nästa möte");
        assertThat(meeting).contains(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", SWEDISH).format(at) + " kl. 14:30",
                "Plats: Biblioteket, Storgatan 5", "Du träffar " + coach.displayName());

        String now = section(text, "Det här gör du nu");
        String late = "Skicka in ansökan om bostad";
        assertThat(now).contains("Försenat " + late, "Skulle ha gjorts " + day(today.minusDays(34)) + ".",
                "Gör det senast " + day(today.plusDays(5)) + ".");
        assertThat(now.indexOf(late)).isLessThan(now.indexOf("Köpa busskort"));
        assertThat(now.indexOf("Köpa busskort")).isLessThan(now.indexOf("Ringa skolan om kursen"));
        assertThat(now).doesNotContain("Skriva ett CV", "Boendestöd börjar").contains("en sak till att göra");
        assertThat(now.split("Försenat", -1)).as("only the late step is marked").hasSize(2);
        assertThat(text).contains("Skriva ett CV", "Boendestöd börjar", "Utskriven " + day(today))
                .doesNotContain("PLANERAD", "PAGAR", "UNGDOMEN", "KOMMUNEN", "ARBETE", "VARDAG");

        assertThat(audited(coach, person, "EXPORT", "Din plan (PDF)")).isEqualTo(1);
    }

    @Test
    void aProtectedIdentityGetsTheTimeOfTheMeetingButNoPlaceOrAddress() {
        Actor coach = actors.byUsername("coach");
        LocalDate today = LocalDate.now(clock);
        UUID person = registry.register(coach, aYoungPerson().named("Skyddad", "Person").protectedIdentity().build())
                .id();
        plans.create(coach, person);
        appointments.book(coach, person, new AppointmentInput(today.plusDays(2).toString(), "10:00", 60,
                "Storgatan 5, entrén mot parken", null, "PLAN", null, "INGEN", null));
        UUID open = registry.register(coach, aYoungPerson().named("Öppen", "Person").build()).id();
        plans.create(coach, open);
        appointments.book(coach, open, new AppointmentInput(today.plusDays(2).toString(), "10:00", 60,
                "Storgatan 5, entrén mot parken", null, "PLAN", null, "INGEN", null));

        String meeting = section(text(yourPlan.forPerson(coach, person)), "Nästa möte");
        String openMeeting = section(text(yourPlan.forPerson(coach, open)), "Nästa möte");

        assertThat(meeting).contains("kl. 10:00", "Platsen står inte här, för att skydda dig.")
                .doesNotContain("Storgatan", "parken", "Svalöv", "268 31");
        assertThat(openMeeting).contains("kl. 10:00", "Plats: Storgatan 5, entrén mot parken");
    }

    @Test
    void withoutTheCoordinatorsNumberTheNumberOfWhoeverPrintsItIsGiven() {
        Actor coach = actors.byUsername("coach");
        Actor noPhone = staff(coach, "Sam Utannummer", null);
        Actor printing = staff(coach, "Vera Skrivut", "016-710 20 30");
        UUID person = registry.register(coach, aYoungPerson().named("Nils", "Nummer").build()).id();
        plans.create(coach, person);
        PlanPage page = plans.page(coach, person);
        plans.update(coach, person, new PlanInput(null, null, String.valueOf(noPhone.userId()), null,
                page.plan().version()));

        String call = section(text(yourPlan.forPerson(printing, person)), "Vem du ringer");

        assertThat(call).contains("Sam Utannummer håller ihop din plan.", "Du kan också ringa Vera Skrivut.",
                "Telefon: 016-710 20 30");
        assertThat(section(text(yourPlan.forPerson(noPhone, person)), "Vem du ringer"))
                .contains("Sam Utannummer håller ihop din plan.", "Vi har inget telefonnummer här.")
                .doesNotContain("Telefon:");
    }

    @Test
    void anotherOrganisationCannotDownloadItAndNothingIsLoggedAsShownToThem() {
        Actor coach = actors.byUsername("coach");
        Actor fk = actors.byUsername("fk");
        UUID person = registry.register(coach, aYoungPerson().named("Ingen", "Annan").build()).id();
        plans.create(coach, person);

        var response = WebSession.logIn(port, "fk").get("/persons/" + person + "/plan/din-plan.pdf");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("Ingen", "Annan");
        assertThatThrownBy(() -> yourPlan.forPerson(fk, person)).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE person_id = ? AND username = 'fk'").param(person)
                .query(Long.class).single()).isZero();
        assertThat(audited(coach, person, "EXPORT", "Din plan (PDF)")).isZero();
    }

    @Test
    void noPageEndsWithAHeadingWhateverTheLengthOfWhatComesBefore() {
        Actor coach = actors.byUsername("coach");
        LocalDate today = LocalDate.now(clock);
        UUID person = registry.register(coach, aYoungPerson().named("Lång", "Plansson").build()).id();
        plans.create(coach, person);
        PlanPage page = plans.page(coach, person);
        int n = 0;
        for (PlanTrack t : page.tracks()) {
            for (int i = 0; i < 5; i++) {
                n++;
                plans.addStep(coach, person, new StepInput(String.valueOf(t.id()), "Steg nummer " + n,
                        i % 2 == 0 ? "UNGDOMEN" : "KOMMUNEN", null, "Kim", "Så här gör vi det",
                        "Därför", "Nästa sak som händer i steg " + n + " är att vi pratar om hur det gick och vad"
                                + " som behövs för att komma vidare",
                        null, null, today.plusDays(n).toString(), "PLANERAD", null, false, List.of(), null));
            }
        }
        int multiPage = 0;
        // each variant pushes everything below the strengths down by a line or two, so that sooner or later a
        // heading falls at the foot of a page unless it is kept with its text
        for (int lines = 0; lines < 14; lines++) {
            page = plans.page(coach, person);
            plans.update(coach, person, new PlanInput("Mitt mål " + "är att komma vidare ".repeat(lines * 3),
                    null, null, null, page.plan().version()));
            byte[] pdf = yourPlan.forPerson(coach, person);
            List<String> endings = pageEndings(pdf);
            if (endings.size() > 1) {
                multiPage++;
            }
            assertThat(endings).as("the last line of each page, goal of %d lines", lines)
                    .noneMatch(HEADINGS::contains);
        }
        assertThat(multiPage).as("variants that span pages").isGreaterThan(10);
    }

    private Actor staff(Actor colleague, String name, String phone) {
        String username = "ung-" + UUID.randomUUID().toString().substring(0, 8);
        // in the colleague's unit: the municipality is divided into lines of work, and Vera prints the plan
        organisations.createUser(new NewUser(username, "ett-langt-losenord", name, Role.CASE_WORKER,
                colleague.organisationId(), jdbc.sql("SELECT unit_id FROM user_account WHERE id = ?")
                        .param(colleague.userId()).query(Long.class).single(), null, phone));
        return actors.byUsername(username);
    }

    private static long track(PlanPage page, TrackKind kind) {
        return page.tracks().stream().filter(t -> t.kind() == kind).findFirst().orElseThrow().id();
    }

    private static StepInput step(long track, String title, String responsible, LocalDate due) {
        return new StepInput(String.valueOf(track), title, responsible, null, null, null, null, null, null, null,
                due.toString(), "PLANERAD", null, false, List.of(), null);
    }

    private static String day(LocalDate day) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", SWEDISH).format(day);
    }

    private long audited(Actor actor, UUID person, String action, String detail) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE person_id = ? AND username = ? AND action = ?"
                + " AND detail = ?").params(person, actor.username(), action, detail).query(Long.class).single();
    }

    /** The text from {@code heading} to the next section heading (or the end). */
    private static String section(String text, String heading) {
        int start = text.indexOf("\n" + heading + "\n");
        assertThat(start).as("heading %s in%n%s", heading, text).isNotNegative();
        int end = text.length();
        for (String h : HEADINGS) {
            int at = text.indexOf("\n" + h + "\n", start + heading.length() + 1);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return text.substring(start + heading.length() + 2, end).replaceAll("\\s+", " ").strip();
    }

    private static String text(byte[] pdf) {
        try (var doc = Loader.loadPDF(pdf)) {
            return "\n" + new PDFTextStripper().getText(doc).replace("\r", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last non-empty line of each page. */
    private static List<String> pageEndings(byte[] pdf) {
        try (var doc = Loader.loadPDF(pdf)) {
            List<String> endings = new ArrayList<>();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                var stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                List<String> lines = stripper.getText(doc).replace("\r", "").lines().map(String::strip)
                        .filter(l -> !l.isEmpty()).toList();
                endings.add(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
            }
            return endings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
