package se.lots.federation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.federation.report.FinalReportFixture.PASSWORD;
import static se.lots.federation.report.FinalReportFixture.TODAY;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.federation.report.FinalReport.FinalReportParty;
import se.lots.federation.report.FinalReport.Status;
import se.lots.federation.report.FinalReportInput.FinalReportGoalLine;
import se.lots.organisation.OrganisationService;
import se.lots.plan.EnrolmentService;
import se.lots.progression.FunderReportService;
import se.lots.progression.GoalInput;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.shared.ConflictException;
import se.lots.shared.FieldError;
import se.lots.shared.InvalidInputException;

/**
 * The final report of a Finsam programme (seed 002): drafted from the programme's facts and Lots' figures, completed
 * by the owner's programme lead, approved per party, locked after the last approval (service and database), exported,
 * due one month after the end; and refused to everyone else.
 */
@IntegrationTest
class FinalReportIntegrationTest {

    static final Locale SWEDISH = Locale.forLanguageTag("sv");

    /** The headings of the seed's form, each of which the PDF must hold (seed 002, in its order). */
    static final List<String> SEED_HEADINGS = List.of("Slutrapport samverkansinsatser inom samordningsförbundet",
            "senast en månad efter avslutad insats", "Insatsens namn", "Diarienr", "Insatsägare/Samverkansparter",
            "Ange syftet med insatsen (såsom det beskrevs i ansökan)", "Ange uppsatta mål för insatsen",
            "Har målen uppnåtts? Ja eller Nej", "Ange utfall/resultat för respektive mål",
            "Beskriv hur ni i insatsen resonerat kring jämställdhet och jämlikhet",
            "Hur har det behov som angavs i ansökan (\"Bakgrund\") förändrats i och med insatsens genomförande",
            "Insatstid", "Startdatum", "Slutdatum", "Ange hur målgrupp för insatsen definierades i ansökan",
            "Förväntat antal deltagare", "Har målgruppen förändrats under pågående insats och i så fall hur",
            "Ange antal deltagare som deltagit i insatsen", "Beskriv metod/metoder ni kommer använda",
            "Ange metod för uppföljning och utvärdering av målen",
            "Ange hur resultaten för insatsen kommer att tas tillvara i ordinarie verksamhet",
            "Har medel återförts till förbundet, i så fall varför?",
            "Ifall medel har återförts till förbundet, vad har detta fått för konsekvenser för innehållet och "
                    + "utfallet av insatsen?",
            "Vilka lärdomar och erfarenheter har respektive samverkanspart erhållit",
            "Deltagarnas ålder och könsfördelning",
            "Antal deltagare i arbete och/eller studier före och efter insats",
            "Sysselsättning före och efter insats, antal", "Deltagarnas försörjning före och efter insats, antal",
            "Underskrift", "Organisation och datum", "Insatsägare (namn)", "Samverkanspart (namn)",
            "Namnförtydligande", "E-post");

    @LocalServerPort
    int port;
    @Autowired
    FinalReportService service;
    @Autowired
    FinalReportPdf pdf;
    @Autowired
    FunderReportService funderReports;
    @Autowired
    OrganisationService organisations;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    RegistryService registry;
    @Autowired
    CurrentActor actors;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcClient jdbc;

    FinalReportFixture fixture() {
        return new FinalReportFixture(organisations, enrolments, registry, actors, jdbc);
    }

    FinalReportFixture.Programme ended() {
        return fixture().programme(TODAY.minusDays(400), TODAY.minusDays(10));
    }

    static FinalReportInput complete(FinalReport r, long programmeGoalId) {
        Map<Long, String> lessons = new java.util.LinkedHashMap<>();
        for (FinalReportParty p : r.parties()) {
            lessons.put(p.organisationId().value(), "Lärdom för " + p.name());
        }
        return new FinalReportInput(r.version(), "Syfte att stötta individer", "Övervägande män i ungdomssatsningen",
                "Målgrupperna finns kvar", "Unga vuxna", "70 per år", "Nyanlända har varit få",
                "Lösningsfokuserat arbetssätt", "SUS-registrering och operativ ledningsgrupp",
                "En ny arbetsmarknadsenhet", "1 000 000", "950 000", "50 000", "Personal slutade",
                "Färre gruppaktiviteter", "En deltagare fick tillsvidareanställning",
                List.of(new FinalReportGoalLine("Minst 20 individer per år får stöd", "JA",
                        "81 individer har fått stöd", String.valueOf(programmeGoalId)),
                        new FinalReportGoalLine("Alla erbjuds ett coachsamtal per vecka", "NEJ",
                                "Gruppaktiviteter ställdes in under pandemin", "")),
                lessons);
    }

    long participantsGoal(FinalReportFixture.Programme p) {
        return funderReports.addGoal(p.lead(), p.id(), new GoalInput("PARTICIPANTS", null, null, null, "20"));
    }

    @Test
    void theDraftIsTakenFromTheProgrammesFactsAndItsFiguresFromLotsOwnData() {
        var f = fixture();
        var p = ended();
        long goal = participantsGoal(p);
        for (int i = 0; i < 6; i++) {
            f.participant(p, "KVINNA", TODAY.minusDays(100));
        }
        for (int i = 0; i < 3; i++) {
            f.participant(p, "MAN", TODAY.minusDays(90));
        }

        FinalReport r = service.report(p.lead(), p.id(), SWEDISH);
        assertThat(r.status()).isEqualTo(Status.DRAFT);
        assertThat(r.saved()).isFalse();
        assertThat(r.caseNumber()).isEqualTo(p.caseNumber());
        assertThat(r.ownerName()).isEqualTo(p.owner().name());
        assertThat(r.federationName()).isEqualTo(p.federation().name());
        assertThat(r.parties()).extracting(FinalReportParty::name).containsExactly(p.owner().name(),
                p.af().name(), p.fk().name(), p.region().name());
        assertThat(r.parties().get(0).owner()).isTrue();
        assertThat(r.parties()).filteredOn(x -> !x.hasUsers()).extracting(FinalReportParty::name)
                .containsExactly(p.fk().name());
        assertThat(r.startsOn()).isEqualTo(TODAY.minusDays(400));
        assertThat(r.endsOn()).isEqualTo(TODAY.minusDays(10));
        assertThat(r.dueOn()).isEqualTo(TODAY.minusDays(10).plusMonths(1));
        assertThat(r.texts().purpose()).isEqualTo("Stötta individer att uppnå egen försörjning");
        assertThat(r.texts().targetGroup()).contains("Unga vuxna långt från arbete", "Ålder 16–29 år");
        assertThat(r.texts().expectedParticipants()).isEqualTo("70 deltagare per år");
        assertThat(r.texts().methods()).isEqualTo("Samordningsteam och ungdomssatsning");
        // one drafted goal per programme goal, linked to its computed value
        assertThat(r.goals()).hasSize(1);
        assertThat(r.goals().get(0).programmeGoalId()).isEqualTo(goal);
        assertThat(r.figures().indicator(goal).value()).isEqualTo("9");
        // the participants of the whole period, exact for the lead's own organisation
        assertThat(r.figures().suppressed()).isFalse();
        assertThat(List.of(r.figures().participants(), r.figures().women(), r.figures().men()))
                .containsExactly("9", "6", "3");
        assertThat(r.figures().from()).isEqualTo(TODAY.minusDays(400));
        assertThat(r.figures().to()).isEqualTo(TODAY.minusDays(10));
        assertThat(r.figures().tables()).extracting(FinalReportFigures.FinalReportTable::key)
                .containsExactly("registered", "occupations", "incomes", "finsam");

        // the förbund's officer reads the same report with the small counts suppressed
        FinalReport officer = service.report(p.officer(), p.id(), SWEDISH);
        assertThat(officer.figures().suppressed()).isTrue();
        assertThat(officer.figures().men()).isEqualTo("<5");
        assertThat(officer.figures().women()).isNotEqualTo("6");
        assertThat(officer.texts().purpose()).isEqualTo(r.texts().purpose());
        // a party's lead sees no figures until the report is submitted
        assertThat(service.report(p.regionLead(), p.id(), SWEDISH).figures()).isNull();
    }

    @Test
    void everyFieldOfTheSeedFormIsInThePdfAndTheWorkbook() throws Exception {
        var p = ended();
        long goal = participantsGoal(p);
        FinalReport draft = service.report(p.lead(), p.id(), SWEDISH);
        service.save(p.lead(), p.id(), complete(draft, goal), SWEDISH);
        FinalReport r = service.reportForDownload(p.lead(), p.id(), SWEDISH);

        String text;
        try (var doc = Loader.loadPDF(pdf.render(r, SWEDISH))) {
            text = new PDFTextStripper().getText(doc).replaceAll("[\\s\u00a0\u202f]+", " ");
        }
        var missing = new ArrayList<String>();
        for (String heading : SEED_HEADINGS) {
            if (!text.contains(heading)) {
                missing.add(heading);
            }
        }
        assertThat(missing).as("the seed's headings missing from the PDF").isEmpty();
        assertThat(text).contains(p.caseNumber(), p.owner().name(), p.region().name(), p.af().name(), p.fk().name(),
                "Syfte att stötta individer", "81 individer har fått stöd", "Lärdom för " + p.region().name(),
                "En deltagare fick tillsvidareanställning", "Ja, 50 000 kr", "1 000 000 kr", "Personal slutade",
                "Beräknat i Lots: Antal deltagare");

        byte[] xlsx = FinalReportWorkbook.write(r, messages, SWEDISH);
        var cells = new ArrayList<String>();
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (var sheet : wb.getSheets().toList()) {
                try (var rows = sheet.openStream()) {
                    rows.forEach((Row row) -> row.stream().forEach(c -> {
                        if (c != null) {
                            cells.add(c.getText());
                        }
                    }));
                }
            }
        }
        assertThat(cells).contains("Insatsens namn", "Diarienr", "Ange uppsatta mål för insatsen",
                "Minst 20 individer per år får stöd", "Ja", "81 individer har fått stöd",
                "Deltagarnas erfarenheter och berättelser", "Organisation och datum", p.fk().name());
    }

    @Test
    void eachPartyApprovesAndTheLastApprovalLocksTheReportInTheServiceAndTheDatabase() {
        var p = ended();
        long goal = participantsGoal(p);
        FinalReport saved = service.save(p.lead(), p.id(), complete(service.report(p.lead(), p.id(), SWEDISH), goal),
                SWEDISH);
        FinalReport submitted = service.submit(p.lead(), p.id(), saved.version(), SWEDISH);
        assertThat(submitted.status()).isEqualTo(Status.SUBMITTED);
        // the figures the parties approve are the published (suppressed) ones, frozen at submission
        FinalReport forRegion = service.report(p.regionLead(), p.id(), SWEDISH);
        assertThat(forRegion.figures()).isNotNull();
        assertThat(forRegion.figures().suppressed()).isTrue();
        assertThat(FinalReportService.approvesFor(p.regionLead(), forRegion)).isPresent();

        int v = submitted.version();
        service.approve(p.regionLead(), p.id(), v, SWEDISH);
        assertThatThrownBy(() -> service.approve(p.regionLead(), p.id(), v, SWEDISH))
                .isInstanceOf(ConflictException.class).hasMessageContaining("alreadySigned");
        service.approve(p.afLead(), p.id(), v, SWEDISH);
        FinalReport three = service.approve(p.lead(), p.id(), v, SWEDISH);
        assertThat(three.status()).isEqualTo(Status.SUBMITTED);
        assertThat(three.signedParties()).isEqualTo(3);
        // Försäkringskassan has no users in Lots: the owner's lead records who signed
        assertThat(FinalReportService.recordsFor(p.lead(), three)).extracting(FinalReportParty::name)
                .containsExactly(p.fk().name());
        assertThatThrownBy(() -> service.recordSignature(p.lead(), p.id(), v, p.region().id(), "Någon", null,
                TODAY.toString(), SWEDISH)).isInstanceOf(InvalidInputException.class);
        FinalReport locked = service.recordSignature(p.lead(), p.id(), v, p.fk().id(), "Karin Kassa",
                "karin@fk.example", TODAY.minusDays(1).toString(), SWEDISH);

        assertThat(locked.status()).isEqualTo(Status.LOCKED);
        assertThat(locked.parties()).allMatch(FinalReportParty::signed);
        var region = locked.parties().stream().filter(x -> x.name().equals(p.region().name())).findFirst()
                .orElseThrow();
        assertThat(region.signature().name()).isEqualTo("Rut Region");
        assertThat(region.signature().email()).isEqualTo("rut@region.example");
        assertThat(region.signature().signedOn()).isEqualTo(TODAY);
        var fk = locked.parties().stream().filter(x -> x.name().equals(p.fk().name())).findFirst().orElseThrow();
        assertThat(fk.signature().recorded()).isTrue();
        assertThat(fk.signature().signedOn()).isEqualTo(TODAY.minusDays(1));

        // no edit after: the service refuses with a Swedish message, and so does the database
        assertThatThrownBy(() -> service.save(p.lead(), p.id(), complete(locked, goal), SWEDISH))
                .isInstanceOf(ConflictException.class).extracting(e -> ((ConflictException) e).messageKey())
                .isEqualTo("federation.report.final.locked");
        assertThat(messages.getMessage("federation.report.final.locked", null, SWEDISH)).contains("låst");
        assertThatThrownBy(() -> service.reopen(p.lead(), p.id(), locked.version()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE federation_final_report SET purpose = 'ändrat' WHERE programme_id = ?")
                .param(p.id()).update()).hasMessageContaining("locked");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM federation_final_report_approval WHERE programme_id = ?")
                .param(p.id()).update()).hasMessageContaining("locked");
        assertThatThrownBy(() -> jdbc.sql("UPDATE federation_final_report_goal SET outcome = 'x' WHERE programme_id = ?")
                .param(p.id()).update()).hasMessageContaining("locked");

        // over the API: 409 with the Swedish message
        var put = api(p.lead().username(), "PUT", "/api/v1/federation/programmes/" + p.id() + "/final-report",
                "{\"version\": " + locked.version() + ", \"purpose\": \"x\", \"goals\": [], \"lessons\": {}}");
        assertThat(put.statusCode()).isEqualTo(409);
        assertThat(put.body()).contains("låst");
        // a locked report leaves the due list
        assertThat(service.due(p.officer())).noneMatch(d -> d.programmeId() == p.id());
    }

    @Test
    void aSubmittedReportIsNotEditedAndTakingItBackVoidsTheApprovals() {
        var p = ended();
        long goal = participantsGoal(p);
        FinalReport saved = service.save(p.lead(), p.id(), complete(service.report(p.lead(), p.id(), SWEDISH), goal),
                SWEDISH);
        FinalReport submitted = service.submit(p.lead(), p.id(), saved.version(), SWEDISH);
        assertThatThrownBy(() -> service.save(p.lead(), p.id(), complete(submitted, goal), SWEDISH))
                .isInstanceOf(ConflictException.class).hasMessageContaining("submittedNoEdit");
        service.approve(p.regionLead(), p.id(), submitted.version(), SWEDISH);
        // an approval of a version the party did not read is refused
        assertThatThrownBy(() -> service.approve(p.afLead(), p.id(), submitted.version() - 1, SWEDISH))
                .isInstanceOf(ConflictException.class).hasMessageContaining("stale");

        service.reopen(p.lead(), p.id(), submitted.version());
        FinalReport draft = service.report(p.lead(), p.id(), SWEDISH);
        assertThat(draft.status()).isEqualTo(Status.DRAFT);
        assertThat(draft.signedParties()).isZero();
        assertThat(service.save(p.lead(), p.id(), complete(draft, goal), SWEDISH).status()).isEqualTo(Status.DRAFT);
    }

    @Test
    void badInputIsNamedInSwedishAndNothingIsSaved() {
        var p = ended();
        long goal = participantsGoal(p);
        FinalReport draft = service.report(p.lead(), p.id(), SWEDISH);
        FinalReportInput good = complete(draft, goal);
        var overspent = new FinalReportInput(good.version(), "Nytt syfte", good.equality(), good.needChange(),
                good.targetGroup(), good.expectedParticipants(), good.targetGroupChange(), good.methods(),
                good.followUp(), good.ordinaryWork(), "100 000", "120 000", "0", null, null, null,
                List.of(new FinalReportGoalLine("", "JA", "utfall utan mål", "")), good.lessons());
        var e = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> service.save(p.lead(), p.id(), overspent, SWEDISH));
        assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("moneyUsed", "goals[0].goal");
        assertThat(e.texts(messages, SWEDISH).get("moneyUsed")).contains("beviljade medel");
        assertThat(service.report(p.lead(), p.id(), SWEDISH).saved()).isFalse();

        // submitting needs every answer: an unsaved report, then a goal without outcome
        assertThatThrownBy(() -> service.submit(p.lead(), p.id(), 0, SWEDISH))
                .isInstanceOf(InvalidInputException.class);
        var noOutcome = new FinalReportInput(good.version(), good.purpose(), good.equality(), good.needChange(),
                good.targetGroup(), good.expectedParticipants(), good.targetGroupChange(), good.methods(),
                good.followUp(), good.ordinaryWork(), null, null, "0", null, null, null,
                List.of(new FinalReportGoalLine("Ett mål", "", "", "")), good.lessons());
        FinalReport saved = service.save(p.lead(), p.id(), noOutcome, SWEDISH);
        var refused = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> service.submit(p.lead(), p.id(), saved.version(), SWEDISH));
        assertThat(refused.errors()).extracting(FieldError::field)
                .contains("goals[0].achieved", "goals[0].outcome");
        assertThat(service.report(p.lead(), p.id(), SWEDISH).status()).isEqualTo(Status.DRAFT);
        // a stale version is a conflict, not an overwrite
        assertThatThrownBy(() -> service.save(p.lead(), p.id(), good, SWEDISH))
                .isInstanceOf(ConflictException.class).hasMessageContaining("stale");
    }

    @Test
    void theDueListShowsProgrammesEndedOrEndingWithin30DaysUntilTheirReportIsLocked() {
        var f = fixture();
        var ended = ended();
        var endingSoon = f.programme(TODAY.minusDays(300), TODAY.plusDays(20));
        var endingLater = f.programme(TODAY.minusDays(300), TODAY.plusDays(60));
        var longAgo = f.programme(TODAY.minusDays(500), TODAY.minusDays(40));

        var officer = service.due(ended.officer());
        assertThat(officer).extracting(FinalReportDue::programmeId).containsExactly(ended.id());
        FinalReportDue due = officer.get(0);
        assertThat(due.dueOn()).isEqualTo(TODAY.minusDays(10).plusMonths(1));
        assertThat(due.overdue()).isFalse();
        assertThat(due.status()).isNull();
        assertThat(due.caseNumber()).isEqualTo(ended.caseNumber());
        assertThat(service.due(endingSoon.lead())).extracting(FinalReportDue::programmeId)
                .containsExactly(endingSoon.id());
        assertThat(service.due(endingLater.lead())).isEmpty();
        assertThat(service.due(longAgo.lead())).singleElement().satisfies(d -> assertThat(d.overdue()).isTrue());
        // a party's lead sees the programmes its organisation takes part in; another förbund's officer none of them
        assertThat(service.due(ended.regionLead())).extracting(FinalReportDue::programmeId)
                .containsExactly(ended.id());
        assertThat(service.due(ended.otherOfficer())).isEmpty();
        assertThatThrownBy(() -> service.due(ended.caseWorker())).isInstanceOf(AccessDeniedException.class);

        var page = WebSession.logIn(port, ended.officer().username(), PASSWORD).get("/forbund/rapporter");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"due-" + ended.id() + "\"", ended.caseNumber(),
                TODAY.minusDays(10).plusMonths(1).toString());
        assertThat(WebSession.logIn(port, ended.caseWorker().username(), PASSWORD).get("/forbund/rapporter")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void whoIsNotAPartyOrTheFörbundIsRefused() {
        var p = ended();
        FinalReportInput input = complete(service.report(p.lead(), p.id(), SWEDISH), participantsGoal(p));
        for (Actor refused : List.of(p.caseWorker(), p.otherOfficer(), p.outsider())) {
            assertThatThrownBy(() -> service.report(refused, p.id(), SWEDISH)).as(refused.username())
                    .isInstanceOf(AccessDeniedException.class);
        }
        for (Actor notTheLead : List.of(p.officer(), p.regionLead(), p.caseWorker(), p.outsider())) {
            assertThatThrownBy(() -> service.save(notTheLead, p.id(), input, SWEDISH)).as(notTheLead.username())
                    .isInstanceOf(AccessDeniedException.class);
        }
        FinalReport saved = service.save(p.lead(), p.id(), input, SWEDISH);
        service.submit(p.lead(), p.id(), saved.version(), SWEDISH);
        int v = service.report(p.lead(), p.id(), SWEDISH).version();
        for (Actor notAParty : List.of(p.officer(), p.caseWorker(), p.outsider(), p.otherOfficer())) {
            assertThatThrownBy(() -> service.approve(notAParty, p.id(), v, SWEDISH)).as(notAParty.username())
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> service.recordSignature(p.regionLead(), p.id(), v, p.fk().id(), "X", null,
                TODAY.toString(), SWEDISH)).isInstanceOf(AccessDeniedException.class);

        String path = "/forbund/insatser/" + p.id() + "/slutrapport";
        for (Actor refused : List.of(p.otherOfficer(), p.caseWorker(), p.outsider())) {
            var web = WebSession.logIn(port, refused.username(), PASSWORD);
            assertThat(web.get(path).statusCode()).as(refused.username()).isEqualTo(403);
            assertThat(web.get(path + ".pdf").statusCode()).as(refused.username()).isEqualTo(403);
        }
        assertThat(api(p.otherOfficer().username(), "GET", "/api/v1/federation/programmes/" + p.id()
                + "/final-report", null).statusCode()).isEqualTo(403);
        // the parties and the förbund download it
        for (Actor reader : List.of(p.officer(), p.regionLead(), p.lead())) {
            var web = WebSession.logIn(port, reader.username(), PASSWORD);
            assertThat(web.get(path).statusCode()).as(reader.username()).isEqualTo(200);
            HttpResponse<byte[]> file = web.send(web.request(path + ".pdf").GET(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(new String(file.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            HttpResponse<byte[]> xlsx = web.send(web.request(path + ".xlsx").GET(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(xlsx.statusCode()).isEqualTo(200);
            assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        }
        var json = api(p.officer().username(), "GET", "/api/v1/federation/programmes/" + p.id() + "/final-report",
                null);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"status\":\"SUBMITTED\"", "\"suppressed\":true");
    }

    HttpResponse<String> api(String username, String method, String path, String body) {
        var web = WebSession.anonymous(port);
        var request = web.request(path).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return web.send(request);
    }
}
