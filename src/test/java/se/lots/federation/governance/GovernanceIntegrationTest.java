package se.lots.federation.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import se.lots.IntegrationTest;
import se.lots.federation.GrantDecided;
import se.lots.federation.application.Application;
import se.lots.federation.application.ApplicationFixture;
import se.lots.federation.application.ApplicationFixture.World;
import se.lots.federation.application.ApplicationInput;
import se.lots.federation.application.ApplicationService;
import se.lots.federation.application.ApplicationStatus;
import se.lots.federation.application.BoardDecision;
import se.lots.federation.application.DecisionOutcome;
import se.lots.federation.application.YearAmount;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.FieldError;
import se.lots.shared.InvalidInputException;

/**
 * Governance meetings and the board's decisions on the real database: the council states, the board decides on an
 * application on its agenda (and only there, and only the board), a decision that grants money publishes
 * GrantDecided per year, a later decision supersedes an earlier one that the database keeps unchanged, approved
 * minutes lock the meeting, the minutes PDF lists participants, items and decisions; and nobody but the förbund's
 * officer gets in.
 */
@IntegrationTest
@RecordApplicationEvents
class GovernanceIntegrationTest {

    private static final Locale SV = Locale.forLanguageTag("sv-SE");

    @Autowired
    GovernanceService service;
    @Autowired
    ApplicationService applications;
    @Autowired
    ApplicationFixture fixture;
    @Autowired
    MinutesPdf pdf;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;
    @Autowired
    ApplicationEvents events;

    GovernanceMeeting meeting(Actor officer, String body, String day) {
        return service.create(officer, new GovernanceMeetingInput(body, day, "09:30", "12:00", "Teams"));
    }

    GovernanceMeeting withItem(Actor officer, GovernanceMeeting m, String heading, Long applicationId) {
        return service.addItem(officer, m.id(), new AgendaItemInput(heading,
                applicationId == null ? null : String.valueOf(applicationId), null, m.version()));
    }

    static DecisionInput partly50000(long applicationId, Long current) {
        return new DecisionInput(String.valueOf(applicationId), "PARTLY_GRANTED",
                List.of(new DecisionInput.GrantLine("2021", "50 000")), "Bekostar gruppcoachingen",
                List.of("2022-01-31"), current);
    }

    @Test
    void theCouncilStatesAndTheBoardDecidesPartlyGrantedWithAReportingDateAndGrantDecidedIsPublished() {
        World w = fixture.world();
        long app = applications.submit(w.lead(), ApplicationFixture.stegetVidare(w)).id();
        GovernanceMeeting council = withItem(w.officer(), meeting(w.officer(), "COUNCIL", "2021-08-19"),
                "Metodutvecklingsprojekt för unga utan gymnasiebetyg", app);
        assertThat(applications.application(w.officer(), app).status()).isEqualTo(ApplicationStatus.PA_DAGORDNING);
        long councilItem = council.items().get(0).id();
        council = service.recordItemMinutes(w.officer(), council.id(), councilItem, new ItemMinutesInput(
                "Utvecklingsrådet stödjer förslaget", "Förbundschefen föreslår delfinansiering 50 000 kr.",
                council.version()));
        assertThat(council.items().get(0).statement()).isEqualTo("Utvecklingsrådet stödjer förslaget");
        long councilId = council.id();
        assertThatThrownBy(() -> service.decide(w.officer(), councilId, partly50000(app, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("outcome");
                    assertThat(e.texts(messages, SV).get("outcome")).contains("Bara styrelsen fattar beslut");
                });

        GovernanceMeeting board = withItem(w.officer(), meeting(w.officer(), "BOARD", "2021-09-15"),
                "Delfinansiering av Steget vidare", app);
        BoardDecision d = service.decide(w.officer(), board.id(), partly50000(app, null));

        assertThat(d.outcome()).isEqualTo(DecisionOutcome.PARTLY_GRANTED);
        assertThat(d.decidedOn()).isEqualTo(LocalDate.of(2021, 9, 15));
        assertThat(d.grants()).containsExactly(new YearAmount(2021, new BigDecimal("50000.00")));
        assertThat(d.reportingDates()).containsExactly(LocalDate.of(2022, 1, 31));
        assertThat(d.recordedByName()).isEqualTo("Fia Förbundschef");
        assertThat(d.meetingId()).isEqualTo(board.id());
        Application decided = applications.application(w.lead(), app);
        assertThat(decided.status()).isEqualTo(ApplicationStatus.BESLUTAD);
        assertThat(decided.decisions()).extracting(BoardDecision::id).containsExactly(d.id());
        assertThat(events.stream(GrantDecided.class).filter(e -> e.applicationId() == app)).containsExactly(
                new GrantDecided(w.federation().id().value(), d.id(), app, w.programmeId(), 2021,
                        new BigDecimal("50000.00"), LocalDate.of(2021, 9, 15)));
    }

    @Test
    void aGrantOverTwoYearsPublishesOneEventPerYearAndARefusalNone() {
        World w = fixture.world();
        var twoYears = new ApplicationInput(null, "STRUCTURAL", null, null, "Personalutbildning BIP och SKAPA",
                "Kompetensutveckling", "Alla handläggare utbildade", "2022-01-01", "2023-12-31",
                List.of(new ApplicationInput.YearBudgetInput("2022", "30000"),
                        new ApplicationInput.YearBudgetInput("2023", "20000")), List.of());
        long app = applications.submit(w.lead(), twoYears).id();
        long refusedApp = applications.submit(w.otherLead(), twoYears).id();
        GovernanceMeeting board = withItem(w.officer(), meeting(w.officer(), "BOARD", "2021-12-01"), "Utbildning",
                app);
        board = withItem(w.officer(), board, "Samma utbildning i kommun B", refusedApp);
        BoardDecision granted = service.decide(w.officer(), board.id(), new DecisionInput(String.valueOf(app),
                "GRANTED", List.of(new DecisionInput.GrantLine("2022", "30000"),
                        new DecisionInput.GrantLine("2023", "20000")), null, List.of("2022-06-30", "2023-06-30"),
                null));
        assertThat(events.stream(GrantDecided.class).filter(e -> e.decisionId() == granted.id()))
                .extracting(GrantDecided::year, GrantDecided::amount, GrantDecided::programmeId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2022, new BigDecimal("30000.00"), null),
                        org.assertj.core.groups.Tuple.tuple(2023, new BigDecimal("20000.00"), null));
        BoardDecision refused = service.decide(w.officer(), board.id(), new DecisionInput(String.valueOf(refusedApp),
                "REFUSED", List.of(), "Samordnas med kommun A", List.of(), null));
        assertThat(refused.grants()).isEmpty();
        assertThat(events.stream(GrantDecided.class).filter(e -> e.applicationId() == refusedApp)).isEmpty();
    }

    @Test
    void aDecisionOnAnApplicationNotOnTheAgendaIsRefusedNamingTheField() {
        World w = fixture.world();
        long onAgenda = applications.submit(w.lead(), ApplicationFixture.stegetVidare(w)).id();
        long notOnAgenda = applications.submit(w.lead(), ApplicationFixture.stegetVidare(w)).id();
        GovernanceMeeting board = withItem(w.officer(), meeting(w.officer(), "BOARD", "2021-09-15"), "Steget",
                onAgenda);
        assertThatThrownBy(() -> service.decide(w.officer(), board.id(), partly50000(notOnAgenda, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("applicationId");
                    assertThat(e.texts(messages, SV).get("applicationId")).contains("står inte på det här "
                            + "sammanträdets dagordning");
                });
        assertThat(jdbc.sql("SELECT count(*) FROM federation_decision WHERE application_id = ?").param(notOnAgenda)
                .query(Long.class).single()).isZero();
        // the database refuses it too
        long item = board.items().get(0).id();
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO federation_decision (application_id, agenda_item_id, outcome, decided_on, recorded_by)
                VALUES (?, ?, 'REFUSED', '2021-09-15', ?)""").params(notOnAgenda, item, w.officer().userId()).update())
                .hasMessageContaining("is not on agenda item");
    }

    @Test
    void amountsAndReportingDatesMustFitTheOutcomeAndTheApplication() {
        World w = fixture.world();
        long app = applications.submit(w.lead(), ApplicationFixture.stegetVidare(w)).id();
        long board = withItem(w.officer(), meeting(w.officer(), "BOARD", "2021-09-15"), "Steget", app).id();
        String id = String.valueOf(app);
        assertThatThrownBy(() -> service.decide(w.officer(), board, new DecisionInput(id, "PARTLY_GRANTED",
                List.of(new DecisionInput.GrantLine("2021", "80000")), null, List.of("2021-09-01"), null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("grants", "reportingDates[0]"));
        assertThatThrownBy(() -> service.decide(w.officer(), board, new DecisionInput(id, "GRANTED",
                List.of(new DecisionInput.GrantLine("2024", "1000")), null, List.of(), null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("grants[0].year", "reportingDates[0]"));
        assertThatThrownBy(() -> service.decide(w.officer(), board, new DecisionInput(id, "REFUSED",
                List.of(new DecisionInput.GrantLine("2021", "1000")), null, List.of(), null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("grants"));
        assertThatThrownBy(() -> service.decide(w.officer(), board, new DecisionInput(id, "GRANTED", List.of(), null,
                List.of("2022-01-31"), null))).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("grants[0].amount"));
        assertThat(jdbc.sql("SELECT count(*) FROM federation_decision WHERE application_id = ?").param(app)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aLaterDecisionSupersedesTheCurrentOneWhichIsNeverEdited() {
        World w = fixture.world();
        long app = applications.submit(w.lead(), ApplicationFixture.stegetVidare(w)).id();
        long first = withItem(w.officer(), meeting(w.officer(), "BOARD", "2021-09-15"), "Steget", app).id();
        BoardDecision postponed = service.decide(w.officer(), first, new DecisionInput(String.valueOf(app),
                "POSTPONED", List.of(), "Bordläggs till nästa sammanträde", List.of(), null));
        assertThat(applications.application(w.officer(), app).status()).isEqualTo(ApplicationStatus.PA_DAGORDNING);
        long second = withItem(w.officer(), meeting(w.officer(), "BOARD", "2021-10-20"), "Steget igen", app).id();
        assertThatThrownBy(() -> service.decide(w.officer(), second, partly50000(app, null)))
                .isInstanceOf(ConflictException.class);
        BoardDecision granted = service.decide(w.officer(), second, partly50000(app, postponed.id()));
        assertThat(granted.supersedesId()).isEqualTo(postponed.id());
        assertThat(applications.application(w.officer(), app).decisions()).extracting(BoardDecision::outcome)
                .containsExactly(DecisionOutcome.POSTPONED, DecisionOutcome.PARTLY_GRANTED);
        assertThat(applications.application(w.officer(), app).currentDecision().id()).isEqualTo(granted.id());

        assertThatThrownBy(() -> jdbc.sql("UPDATE federation_decision SET outcome = 'GRANTED' WHERE id = ?")
                .param(granted.id()).update()).hasMessageContaining("never edited");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM federation_decision WHERE id = ?").param(postponed.id())
                .update()).hasMessageContaining("never edited");
        assertThatThrownBy(() -> jdbc.sql("UPDATE federation_decision_grant SET amount = 1 WHERE decision_id = ?")
                .param(granted.id()).update()).hasMessageContaining("never edited");
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO federation_decision (application_id, agenda_item_id, outcome, decided_on, recorded_by,
                                                 supersedes_id)
                SELECT ?, agenda_item_id, 'REFUSED', decided_on, recorded_by, ? FROM federation_decision WHERE id = ?""")
                .params(app, postponed.id(), granted.id()).update()).hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> applications.withdraw(w.lead(), app)).isInstanceOf(ConflictException.class);
    }

    @Test
    void approvedMinutesLockTheMeetingAndThePdfListsParticipantsItemsAndDecisions() throws Exception {
        World w = fixture.world();
        long app = applications.submit(w.lead(), ApplicationFixture.stegetVidare(w)).id();
        GovernanceMeeting m = withItem(w.officer(), meeting(w.officer(), "BOARD", "2021-09-15"),
                "Delfinansiering av Steget vidare", app);
        m = service.addParticipant(w.officer(), m.id(), new ParticipantInput("Riitta Högberg",
                String.valueOf(w.fk().id().value()), "Ledamot", true, m.version()));
        m = service.addParticipant(w.officer(), m.id(), new ParticipantInput("Madeleine Åkerlind",
                String.valueOf(w.region().id().value()), "Ordförande", false, m.version()));
        long meetingId = m.id();
        int current = m.version();
        int stale = current - 1;
        assertThatThrownBy(() -> service.addParticipant(w.officer(), meetingId, new ParticipantInput("Sen",
                String.valueOf(w.kommun().id().value()), null, true, stale))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> service.addParticipant(w.officer(), meetingId, new ParticipantInput("Utanför",
                String.valueOf(w.outsideLead().organisationId().value()), null, true, current)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("organisationId"));
        m = service.recordItemMinutes(w.officer(), meetingId, m.items().get(0).id(), new ItemMinutesInput(null,
                "Styrelsen beslutar enligt förbundschefens förslag.", m.version()));
        service.decide(w.officer(), meetingId, partly50000(app, null));
        GovernanceMeeting approved = service.approve(w.officer(), meetingId, service.meeting(w.officer(), meetingId)
                .version());
        assertThat(approved.locked()).isTrue();
        assertThat(approved.approvedByName()).isEqualTo("Fia Förbundschef");

        int version = approved.version();
        assertThatThrownBy(() -> service.addItem(w.officer(), meetingId, new AgendaItemInput("Övrigt", null, null,
                version))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> service.decide(w.officer(), meetingId, partly50000(app, null)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> service.approve(w.officer(), meetingId, version)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE federation_agenda_item SET minutes = 'ändrat' WHERE meeting_id = ?")
                .param(meetingId).update()).hasMessageContaining("minutes are approved");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM federation_meeting_participant WHERE meeting_id = ?")
                .param(meetingId).update()).hasMessageContaining("minutes are approved");

        try (var doc = Loader.loadPDF(pdf.render(service.meeting(w.officer(), meetingId), SV))) {
            String text = new PDFTextStripper().getText(doc).replace('\u00a0', ' ');
            assertThat(text).contains("Protokoll, Styrelsen", "2021-09-15", "Teams", "Riitta Högberg",
                    w.fk().name(), "Madeleine Åkerlind", "Frånvarande", "§ 1 Delfinansiering av Steget vidare",
                    "Styrelsen beslutar enligt förbundschefens förslag", "Delvis beviljad", "50 000 kr",
                    "Bekostar gruppcoachingen", "2022-01-31", "Justerat av Fia Förbundschef");
        }
    }

    @Test
    void onlyTheOfficerOfTheFederationSeesAndRunsItsMeetings() {
        World w = fixture.world();
        GovernanceMeeting m = meeting(w.officer(), "STEERING_GROUP", "2021-10-01");
        for (Actor stranger : List.of(w.otherOfficer(), w.lead(), w.caseWorker())) {
            assertThatThrownBy(() -> service.meeting(stranger, m.id())).as(stranger.username())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.addItem(stranger, m.id(), new AgendaItemInput("Intrång", null, null,
                    m.version()))).as(stranger.username()).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> service.meetings(w.lead())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.create(w.caseWorker(), new GovernanceMeetingInput("BOARD", "2021-10-01",
                "09:00", null, "Kansliet"))).isInstanceOf(AccessDeniedException.class);
        assertThat(service.meetings(w.officer())).extracting(MeetingSummary::id).containsExactly(m.id());
        assertThat(service.meetings(w.otherOfficer())).extracting(MeetingSummary::id).doesNotContain(m.id());
        // another förbund's application cannot be put on this förbund's agenda
        long theirs = applications.submit(w.outsideLead(), new ApplicationInput(null, "STRUCTURAL", null, null,
                "Annat förbunds ansökan", "Syfte", "Mål", "2022-01-01", "2022-12-31",
                List.of(new ApplicationInput.YearBudgetInput("2022", "1000")), List.of())).id();
        assertThatThrownBy(() -> service.addItem(w.officer(), m.id(), new AgendaItemInput("Fel förbund",
                String.valueOf(theirs), null, m.version()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.create(w.officer(), new GovernanceMeetingInput("BOARD", "2021-13-01",
                "25:00", "08:00", " "))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e
                        .errors()).extracting(FieldError::field).containsExactly("heldOn", "startsAt", "place"));
    }

    @Test
    void aWithdrawnApplicationIsNotDecided() {
        World w = fixture.world();
        long app = applications.submit(w.lead(), ApplicationFixture.stegetVidare(w)).id();
        long board = withItem(w.officer(), meeting(w.officer(), "BOARD", "2021-09-15"), "Steget", app).id();
        applications.withdraw(w.lead(), app);
        assertThatThrownBy(() -> service.decide(w.officer(), board, partly50000(app, null)))
                .isInstanceOf(ConflictException.class);
        assertThat(applications.application(w.lead(), app).status()).isEqualTo(ApplicationStatus.ATERKALLAD);
    }
}
