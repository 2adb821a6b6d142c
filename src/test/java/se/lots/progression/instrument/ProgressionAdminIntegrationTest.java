package se.lots.progression.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.util.HtmlUtils;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.plan.Enrolment;
import se.lots.plan.EnrolmentInput;
import se.lots.plan.EnrolmentService;
import se.lots.plan.Programme;
import se.lots.progression.ladder.LadderStep;
import se.lots.progression.ladder.StepMovement;
import se.lots.progression.ladder.StepMovementService;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.shared.InvalidInputException;

/** The admin pages for instruments and the step ladder: as a programme lead, as a case worker, with wrong input. */
@IntegrationTest
class ProgressionAdminIntegrationTest {

    private static final Locale SV = Locale.forLanguageTag("sv");

    @LocalServerPort
    int port;
    @Autowired
    InstrumentService instruments;
    @Autowired
    StepMovementService movements;
    @Autowired
    RegistryService registry;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;

    private static Map<String, String> instrumentForm(String name) {
        var form = new LinkedHashMap<String, String>();
        form.put("name", name);
        form.put("description", "Tre frågor om vardagen");
        form.put("totalRule", "SUM");
        form.put("cutOff", "12");
        form.put("reliableChange", "3");
        form.put("higherIsBetter", "true");
        form.put("items[0].label", "Sover bra");
        form.put("items[0].min", "0");
        form.put("items[0].max", "10");
        form.put("items[0].step", "1");
        form.put("items[0].minLabel", "Inte alls");
        form.put("items[0].maxLabel", "Helt");
        form.put("items[0].rater", "DEN_UNGE");
        form.put("items[1].label", "Har en rutin");
        form.put("items[1].min", "0");
        form.put("items[1].max", "1");
        form.put("items[1].step", "1");
        form.put("items[1].rater", "HANDLAGGARE");
        form.put("items[2].label", "");
        form.put("items[2].rater", "DEN_UNGE");
        return form;
    }

    private long auditCount(String username, String action, String detail) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE username = ? AND action = ? AND detail = ?")
                .params(username, action, detail).query(Long.class).single();
    }

    @Test
    void aProgrammeLeadCreatesAndEditsAnInstrumentOnThePageAndBothAreAudited() {
        WebSession lead = logIn("insatsledare");
        String name = "Vardagsskala " + UUID.randomUUID();
        var created = lead.postForm("/progression/instruments/nytt", "/progression/instruments", instrumentForm(name));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElse("")).endsWith("/progression/instruments");

        Instrument saved = instruments.instruments(actors.byUsername("demoadmin"), false).stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow();
        assertThat(saved.items()).extracting(InstrumentItem::label).containsExactly("Sover bra", "Har en rutin");
        assertThat(saved.items().get(1).rater()).isEqualTo(ItemRater.HANDLAGGARE);
        assertThat(saved.cutOff()).isEqualByComparingTo("12");
        assertThat(saved.reliableChange()).isEqualByComparingTo("3");
        assertThat(auditCount("insatsledare", "CREATE", "instrument " + saved.id())).isEqualTo(1);
        assertThat(lead.get("/progression/instruments").body()).contains(HtmlUtils.htmlEscape(name));

        String editPage = lead.get("/progression/instruments/" + saved.id()).body();
        assertThat(editPage).contains("value=\"Sover bra\"", "value=\"Har en rutin\"");
        var form = instrumentForm(name);
        form.put("version", String.valueOf(saved.version()));
        form.put("cutOff", "14,5");
        form.put("items[1].label", "Har en fast rutin");
        form.put("active", "true");
        var edited = lead.postForm("/progression/instruments/" + saved.id(), "/progression/instruments/" + saved.id(),
                form);
        assertThat(edited.statusCode()).isEqualTo(302);
        Instrument after = instruments.instrument(actors.byUsername("demoadmin"), saved.id());
        assertThat(after.cutOff()).isEqualByComparingTo("14.5");
        assertThat(after.items().get(1).label()).isEqualTo("Har en fast rutin");
        assertThat(after.version()).isEqualTo(saved.version() + 1);
        assertThat(auditCount("insatsledare", "UPDATE", "instrument " + saved.id())).isEqualTo(1);
    }

    @Test
    void aCaseWorkerIsRefusedTheInstrumentAndLadderPagesAndTheirOperations() {
        WebSession coach = logIn("coach");
        assertThat(coach.get("/progression/instruments").statusCode()).isEqualTo(403);
        assertThat(coach.get("/progression/instruments/nytt").statusCode()).isEqualTo(403);
        assertThat(coach.get("/progression/stegtrappa").statusCode()).isEqualTo(403);
        // a post with a valid token (from a page the case worker may see) is refused by role, and nothing is saved
        String name = "Otillåten " + UUID.randomUUID();
        var refused = coach.postForm("/uppfoljning", "/progression/instruments", instrumentForm(name));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(instruments.instruments(actors.byUsername("demoadmin"), false)).noneMatch(i -> i.name().equals(name));

        Actor caseWorker = actors.byUsername("coach");
        assertThatThrownBy(() -> movements.addStep(caseWorker, "Eget steg", null))
                .isInstanceOf(AccessDeniedException.class);
        long first = movements.ladder().get(0).id();
        assertThatThrownBy(() -> movements.retireStep(caseWorker, first, true))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> movements.removeStep(caseWorker, first)).isInstanceOf(AccessDeniedException.class);
        // the programme lead does get the pages
        assertThat(logIn("insatsledare").get("/progression/stegtrappa").statusCode()).isEqualTo(200);
        assertThat(logIn("demoadmin").get("/progression/instruments").statusCode()).isEqualTo(200);
    }

    @Test
    void aProgrammeLeadReadsTheLadderEveryOrganisationSharesButOnlyTheAdministratorChangesIt() {
        WebSession page = logIn("insatsledare");
        var shown = page.get("/progression/stegtrappa");
        assertThat(shown.statusCode()).isEqualTo(200);
        String html = HtmlUtils.htmlUnescape(shown.body());
        LadderStep first = movements.ladder().get(0);
        assertThat(html).contains(first.label(), "Den ändras av administratören")
                .doesNotContain("id=\"new-step\"", "/progression/stegtrappa/" + first.id() + "/ta-bort");
        String label = "Ledarens steg " + UUID.randomUUID();
        assertThat(page.postForm("/progression/stegtrappa", "/progression/stegtrappa", Map.of("label", label))
                .statusCode()).isEqualTo(403);
        assertThat(page.postForm("/progression/stegtrappa", "/progression/stegtrappa/" + first.id() + "/pensionera",
                Map.of("retired", "true")).statusCode()).isEqualTo(403);
        Actor lead = actors.byUsername("insatsledare");
        assertThatThrownBy(() -> movements.addStep(lead, label, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> movements.moveStep(lead, first.id(), 1)).isInstanceOf(AccessDeniedException.class);
        assertThat(movements.ladder()).noneMatch(s -> s.label().equals(label))
                .filteredOn(s -> s.id() == first.id()).singleElement().satisfies(s -> {
                    assertThat(s.retired()).isEqualTo(first.retired());
                    assertThat(s.position()).isEqualTo(first.position());
                });

        String admin = HtmlUtils.htmlUnescape(logIn("demoadmin").get("/progression/stegtrappa").body());
        assertThat(admin).contains("id=\"new-step\"").doesNotContain("Den ändras av administratören");
    }

    @Test
    void aProgrammeLeadAddsEndsAndTakesUpAProgrammeOnTheFollowUpPage() {
        WebSession page = logIn("insatsledare");
        Actor lead = actors.byUsername("insatsledare");
        String name = "Ny insats " + UUID.randomUUID().toString().substring(0, 8);
        assertThat(page.postForm("/uppfoljning", "/uppfoljning/insatser", Map.of("programmeName", name)).statusCode())
                .isEqualTo(302);
        Programme added = enrolments.allProgrammes().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow();
        assertThat(added.organisationId()).isEqualTo(lead.organisationId());
        assertThat(added.active()).isTrue();
        assertThat(HtmlUtils.htmlUnescape(page.get("/uppfoljning").body())).contains("Insatsen " + name + " är tillagd.");

        assertThat(page.postForm("/uppfoljning", "/uppfoljning/insatser", Map.of("programmeName", " ")).statusCode())
                .isEqualTo(302);
        assertThat(HtmlUtils.htmlUnescape(page.get("/uppfoljning").body()))
                .contains("Insatsens namn: Fältet måste fyllas i.");

        assertThat(page.postForm("/uppfoljning", "/uppfoljning/insatser/" + added.id() + "/aktiv",
                Map.of("active", "false")).statusCode()).isEqualTo(302);
        assertThat(enrolments.programme(added.id()).orElseThrow().active()).isFalse();
        assertThat(enrolments.programmes()).noneMatch(p -> p.id() == added.id());
        // the same name again takes it up again, with its id
        page.postForm("/uppfoljning", "/uppfoljning/insatser", Map.of("programmeName", name));
        assertThat(enrolments.programme(added.id()).orElseThrow().active()).isTrue();

        // a case worker may not keep programmes, nor another organisation's programme lead change this one
        WebSession coach = logIn("coach");
        assertThat(coach.postForm("/uppfoljning", "/uppfoljning/insatser", Map.of("programmeName", name + " b"))
                .statusCode()).isEqualTo(403);
        assertThat(enrolments.allProgrammes()).noneMatch(p -> p.name().equals(name + " b"));
        Actor af = actors.byUsername("af");
        Actor otherLead = new Actor(af.userId(), af.username(), af.displayName(), af.organisationId(),
                af.organisationName(), se.lots.organisation.Role.PROGRAMME_LEAD);
        assertThatThrownBy(() -> enrolments.setProgrammeActive(otherLead, added.id(), false))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(enrolments.programme(added.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void invalidInputIsRejectedWithSwedishMessagesNamingTheField() {
        WebSession lead = logIn("insatsledare");
        int count = instruments.instruments(actors.byUsername("demoadmin"), false).size();
        var form = instrumentForm("");
        form.put("items[0].max", "-1");
        form.put("reliableChange", "mycket");
        var response = lead.postForm("/progression/instruments/nytt", "/progression/instruments", form);
        assertThat(response.statusCode()).isEqualTo(200);
        String page = HtmlUtils.htmlUnescape(response.body());
        assertThat(page).contains("Namn: Fältet måste fyllas i.",
                "Fråga 1: skalan ska ha ett lägsta och ett högsta värde",
                "Tillförlitlig förändring: Ange ett tal, t.ex. 25 eller 0,5.");
        // what was typed is kept
        assertThat(page).contains("value=\"Har en rutin\"");
        assertThat(instruments.instruments(actors.byUsername("demoadmin"), false)).hasSize(count);

        WebSession admin = logIn("demoadmin");
        var blankStep = admin.postForm("/progression/stegtrappa", "/progression/stegtrappa", Map.of("label", " "));
        assertThat(blankStep.statusCode()).isEqualTo(302);
        assertThat(HtmlUtils.htmlUnescape(admin.get("/progression/stegtrappa").body()))
                .contains("Namn på steget: Fältet måste fyllas i.");
    }

    @Test
    void theLadderIsEditedAndAStepInUseCannotBeRemovedOnlyRetired() {
        Actor lead = actors.byUsername("insatsledare");
        Actor admin = actors.byUsername("demoadmin");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long a = movements.addStep(admin, "Steg A " + suffix, null);
        long b = movements.addStep(admin, "Steg B " + suffix, "Beskrivning");
        long unused = movements.addStep(admin, "Steg C " + suffix, null);
        assertThat(position(b)).isEqualTo(position(a) + 1);

        UUID person = registry.register(lead, aYoungPerson().named("Trappa", "Testsson").build()).id();
        long programme = enrolments.saveProgramme(lead, "Trapptest " + suffix);
        Enrolment e = enrolments.enrol(lead, person, new EnrolmentInput(String.valueOf(programme),
                LocalDate.now().minusMonths(2).toString(), null, null, "Stöd"));
        movements.record(lead, e.id(), LocalDate.now().minusDays(1).toString(), String.valueOf(a),
                String.valueOf(b), "Tog ett steg");

        // reorder and rename: the recorded movement stays on its steps
        int before = position(a);
        movements.moveStep(admin, b, -1);
        assertThat(position(b)).isEqualTo(before);
        assertThat(position(a)).isEqualTo(before + 1);
        movements.updateStep(admin, a, "Steg A omdöpt " + suffix, "Ny beskrivning");
        StepMovement m = movements.movements(lead, e.id()).get(0);
        assertThat(m.fromStepId()).isEqualTo(a);
        assertThat(m.fromLabel()).isEqualTo("Steg A omdöpt " + suffix);
        assertThat(m.fromPosition()).isEqualTo(before + 1);
        assertThat(m.toStepId()).isEqualTo(b);
        assertThat(m.forward()).isFalse();

        // in use: not removable, with the reason in Swedish; retiring keeps the history and stops new movements
        assertThatThrownBy(() -> movements.removeStep(admin, a)).isInstanceOfSatisfying(InvalidInputException.class,
                ex -> assertThat(ex.texts(messages, SV).get("ladder")).contains("används av stegförflyttningar"));
        WebSession page = logIn("insatsledare");
        WebSession keeper = logIn("demoadmin");
        var refused = keeper.postForm("/progression/stegtrappa", "/progression/stegtrappa/" + a + "/ta-bort", Map.of());
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(HtmlUtils.htmlUnescape(keeper.get("/progression/stegtrappa").body()))
                .contains("Stegtrappan: steget Steg A omdöpt " + suffix + " används");
        assertThat(movements.ladder()).extracting(LadderStep::id).contains(a);

        movements.retireStep(admin, a, true);
        assertThat(movements.ladder()).filteredOn(s -> s.id() == a).singleElement()
                .satisfies(s -> assertThat(s.retired()).isTrue());
        assertThat(movements.movements(lead, e.id())).hasSize(1);
        assertThatThrownBy(() -> movements.record(lead, e.id(), LocalDate.now().toString(), String.valueOf(a),
                String.valueOf(b), null)).isInstanceOf(InvalidInputException.class);
        assertThat(page.get("/enrolments/" + e.id() + "/registrering").body())
                .doesNotContain("<option value=\"" + a + "\">").contains("<option value=\"" + b + "\">");

        // an unused step goes, through the page
        assertThat(keeper.postForm("/progression/stegtrappa", "/progression/stegtrappa/" + unused + "/ta-bort",
                Map.of()).statusCode()).isEqualTo(302);
        assertThat(movements.ladder()).extracting(LadderStep::id).doesNotContain(unused);
        assertThat(auditCount("demoadmin", "DELETE", "stegtrappa steg " + unused)).isEqualTo(1);
        assertThat(auditCount("demoadmin", "CREATE", "stegtrappa steg " + a)).isEqualTo(1);
        assertThat(auditCount("demoadmin", "UPDATE", "stegtrappa steg " + a + " pensionerat")).isEqualTo(1);
        movements.retireStep(admin, b, true);
    }

    private int position(long stepId) {
        return movements.ladder().stream().filter(s -> s.id() == stepId).findFirst().orElseThrow().position();
    }

    // ---------------------------------------------------------------------------------------------------------
    // pages as a logged-in user gets them

    private WebSession logIn(String username) {
        return WebSession.logIn(port, username);
    }

    /**
     * An instrument a programme lead makes is their organisation's: another organisation neither lists nor opens it
     * (a licensed scale stays with the licence holder), while the shipped, shared ones are everyone's and only the
     * administrator changes them, on the page too.
     */
    @Test
    void aProgrammeLeadsInstrumentIsTheirOrganisationsAndTheSharedOnesAreTheAdministrators() {
        Actor lead = actors.byUsername("insatsledare");
        Actor otherOrganisation = actors.byUsername("af");
        Actor admin = actors.byUsername("demoadmin");
        assertThat(otherOrganisation.organisationId()).isNotEqualTo(lead.organisationId());
        String name = "Licensierad skala " + UUID.randomUUID();
        Instrument own = instruments.save(lead, null, new InstrumentInput(name, null, "SUM", null, null, true, true,
                List.of(new InstrumentInput.Item("Mående", "0", "10", "1", null, null, "DEN_UNGE")), null));
        assertThat(own.organisationId()).isEqualTo(lead.organisationId());
        assertThat(instruments.instruments(lead, true)).extracting(Instrument::name).contains(name);
        assertThat(instruments.instruments(otherOrganisation, true)).extracting(Instrument::name)
                .doesNotContain(name).contains("Skattning av mående (ORS-liknande)");
        assertThatThrownBy(() -> instruments.instrument(otherOrganisation, own.id()))
                .isInstanceOf(se.lots.shared.NotFoundException.class);

        Instrument shared = instruments.instruments(lead, true).stream().filter(Instrument::shared).findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> instruments.save(lead, shared.id(), new InstrumentInput(shared.name(), "Ändrad",
                "SUM", null, null, true, true, List.of(new InstrumentInput.Item("A", "0", "10", "1", null, null,
                        "DEN_UNGE")), shared.version()))).isInstanceOf(AccessDeniedException.class);
        assertThat(instruments.instrument(admin, shared.id()).description()).isEqualTo(shared.description());
        WebSession page = logIn("insatsledare");
        assertThat(page.get("/progression/instruments/" + shared.id()).statusCode()).isEqualTo(403);
        assertThat(page.get("/progression/instruments/" + own.id()).statusCode()).isEqualTo(200);
        // the shared one is listed without a link to change it
        String list = page.get("/progression/instruments").body();
        assertThat(list).contains("/progression/instruments/" + own.id() + "\"")
                .doesNotContain("/progression/instruments/" + shared.id() + "\"");
        // another organisation may use the same name for its own
        assertThat(instruments.save(admin, null, new InstrumentInput(name, null, "SUM", null, null, true, true,
                List.of(new InstrumentInput.Item("Mående", "0", "10", "1", null, null, "DEN_UNGE")), null)).shared())
                .isTrue();
    }
}
