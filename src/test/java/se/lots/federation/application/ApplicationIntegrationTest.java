package se.lots.federation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.federation.application.ApplicationFixture.World;
import se.lots.shared.ConflictException;
import se.lots.shared.FieldError;
import se.lots.shared.InvalidInputException;

/**
 * Applications to a förbund on the real database: the lead of a member organisation applies (the Finsam rule for a
 * programme, a structural activity without it, every wrong field named, nothing half-saved), the officer proposes
 * (kept, followed, never edited), the lead withdraws before a decision; who sees what, and the database keeping the
 * submitted application and the proposals as they were.
 */
@IntegrationTest
class ApplicationIntegrationTest {

    private static final Locale SV = Locale.forLanguageTag("sv-SE");

    @Autowired
    ApplicationService service;
    @Autowired
    ApplicationFixture fixture;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;
    @LocalServerPort
    int port;

    @Test
    void theLeadSubmitsAnApplicationWhichTheOfficerOfItsFederationSeesAndNobodyElse() {
        World w = fixture.world();
        Application a = service.submit(w.lead(), ApplicationFixture.stegetVidare(w));

        assertThat(a.status()).isEqualTo(ApplicationStatus.INKOMMEN);
        assertThat(a.federationId()).isEqualTo(w.federation().id());
        assertThat(a.applicantId()).isEqualTo(w.kommun().id());
        assertThat(a.programmeId()).isEqualTo(w.programmeId());
        assertThat(a.budget()).containsExactly(new YearAmount(2021, new BigDecimal("80000.00")));
        assertThat(a.parties()).extracting(Application.PartyCommitment::organisationId)
                .containsExactlyInAnyOrder(w.kommun().id(), w.region().id());
        assertThat(a.parties()).filteredOn(p -> p.organisationId().equals(w.kommun().id()))
                .extracting(Application.PartyCommitment::commitmentAmount).containsExactly(new BigDecimal("400000.00"));
        assertThat(a.submittedByName()).isEqualTo("Lisa Insatsledare");

        assertThat(service.list(w.officer())).extracting(ApplicationSummary::id).contains(a.id());
        assertThat(service.list(w.lead())).extracting(ApplicationSummary::id).containsExactly(a.id());
        assertThat(service.application(w.officer(), a.id()).title()).isEqualTo("Gruppcoaching i Steget vidare");
        assertThat(service.list(w.otherOfficer())).extracting(ApplicationSummary::id).doesNotContain(a.id());
        assertThat(service.list(w.otherLead())).extracting(ApplicationSummary::id).doesNotContain(a.id());
        for (var stranger : List.of(w.otherOfficer(), w.otherLead(), w.caseWorker(), w.outsideLead())) {
            assertThatThrownBy(() -> service.application(stranger, a.id())).as(stranger.username())
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> service.list(w.caseWorker())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void twoMunicipalitiesAloneAreRefusedWithTheFinsamRuleNamedAndNothingIsSaved() {
        World w = fixture.world();
        var input = new ApplicationInput(null, "PROGRAMME", null, "Kommunernas egen insats", "Två kommuner",
                "Syfte", "Mål", "2022-01-01", "2022-12-31", List.of(new ApplicationInput.YearBudgetInput("2022", "100000")),
                List.of(new ApplicationInput.PartyLine(String.valueOf(w.otherKommun().id().value()), "Lokaler",
                        null)));

        assertThatThrownBy(() -> service.submit(w.lead(), input)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> {
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("parties");
                    assertThat(e.texts(messages, SV).get("parties")).contains("minst två av de fyra parterna",
                            "Flera kommuner räknas tillsammans som en part", "lag (2003:1210)", "5 § andra stycket",
                            "7 §");
                });
        assertThat(jdbc.sql("SELECT count(*) FROM federation_application WHERE applicant_id = ?")
                .param(w.kommun().id().value()).query(Long.class).single()).isZero();

        // with Försäkringskassan the same municipalities are two parties
        var withFk = new ApplicationInput(null, "PROGRAMME", null, "Kommunernas egen insats", "Två kommuner och FK",
                "Syfte", "Mål", "2022-01-01", "2022-12-31", input.budget(), List.of(input.parties().get(0),
                        new ApplicationInput.PartyLine(String.valueOf(w.fk().id().value()), null, null)));
        assertThat(service.submit(w.lead(), withFk).newProgramme()).isTrue();
    }

    @Test
    void aStructuralActivityOfOneOrganisationNeedsNoSecondParty() {
        World w = fixture.world();
        Application a = service.submit(w.lead(), new ApplicationInput(null, "STRUCTURAL", null, null,
                "Tillsammansveckan 2021", "Temavecka om psykisk hälsa", "Fler deltar i föreläsningarna",
                "2021-10-11", "2021-10-17", List.of(new ApplicationInput.YearBudgetInput("2021", "15 000,50")), List.of()));
        assertThat(a.kind()).isEqualTo(ApplicationKind.STRUCTURAL);
        assertThat(a.programmeName()).isNull();
        assertThat(a.budgetTotal()).isEqualByComparingTo("15000.50");
        assertThat(a.parties()).extracting(Application.PartyCommitment::organisationId).containsExactly(w.kommun().id());
    }

    @Test
    void everyWrongFieldIsNamedAtOnce() {
        World w = fixture.world();
        var input = new ApplicationInput(null, "PROGRAMME", "999999999", null, " ", "Syfte", null, "2022-12-31",
                "2022-01-01", List.of(new ApplicationInput.YearBudgetInput("2019", "-5"),
                        new ApplicationInput.YearBudgetInput("", ""), new ApplicationInput.YearBudgetInput("20x", "10")),
                List.of(new ApplicationInput.PartyLine(String.valueOf(w.outsideLead().organisationId().value()),
                        null, null), new ApplicationInput.PartyLine(null, "Åtagande utan part", null)));
        assertThatThrownBy(() -> service.submit(w.lead(), input)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).contains("title", "goals", "periodTo",
                        "programmeId", "budget[0].amount", "budget[2].year", "parties[0].organisationId",
                        "parties[1].organisationId"));
        var structuralWithProgramme = new ApplicationInput(null, "STRUCTURAL", String.valueOf(w.programmeId()), null,
                "Utbildning", "Syfte", "Mål", "2022-01-01", "2022-12-31",
                List.of(new ApplicationInput.YearBudgetInput("2023", "1000")), List.of());
        assertThatThrownBy(() -> service.submit(w.lead(), structuralWithProgramme))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("programmeId", "budget[0].year"));
    }

    @Test
    void onlyALeadOfAMemberOrganisationApplies() {
        World w = fixture.world();
        assertThatThrownBy(() -> service.submit(w.officer(), ApplicationFixture.stegetVidare(w)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.submit(w.caseWorker(), ApplicationFixture.stegetVidare(w)))
                .isInstanceOf(AccessDeniedException.class);
        // the outside lead's organisation is a member of the other förbund only
        var toThisFederation = new ApplicationInput(String.valueOf(w.federation().id().value()), "STRUCTURAL", null,
                null, "Utbildning", "Syfte", "Mål", "2022-01-01", "2022-12-31",
                List.of(new ApplicationInput.YearBudgetInput("2022", "1000")), List.of());
        assertThatThrownBy(() -> service.submit(w.outsideLead(), toThisFederation))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("federationId"));
    }

    @Test
    void theOfficersProposalsAreKeptAndFollowedNeverEditedAndTheLeadDoesNotSeeThem() {
        World w = fixture.world();
        long id = service.submit(w.lead(), ApplicationFixture.stegetVidare(w)).id();
        FundingProposal first = service.propose(w.officer(), id, new ProposalInput("GRANTED", "80 000", "Prioriterad grupp",
                null));
        assertThat(first.proposedByName()).isEqualTo("Fia Förbundschef");
        assertThat(service.application(w.officer(), id).status()).isEqualTo(ApplicationStatus.BEREDD);
        FundingProposal second = service.propose(w.officer(), id, new ProposalInput("PARTLY_GRANTED", "50 000",
                "Delfinansiering av gruppcoachingen", first.id()));
        assertThat(second.supersedesId()).isEqualTo(first.id());
        assertThat(service.application(w.officer(), id).proposals()).extracting(FundingProposal::id)
                .containsExactly(first.id(), second.id());
        assertThat(service.application(w.lead(), id).proposals()).isEmpty();

        assertThatThrownBy(() -> service.propose(w.officer(), id, new ProposalInput("REFUSED", null, "Sent",
                first.id()))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> service.propose(w.officer(), id, new ProposalInput("PARTLY_GRANTED", "80000",
                "Hela beloppet", second.id()))).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("amount"));
        assertThatThrownBy(() -> service.propose(w.officer(), id, new ProposalInput("REFUSED", "100", "",
                second.id()))).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("amount",
                                "reasoning"));
        for (var stranger : List.of(w.lead(), w.otherOfficer(), w.caseWorker())) {
            assertThatThrownBy(() -> service.propose(stranger, id, new ProposalInput("REFUSED", null, "Nej",
                    second.id()))).as(stranger.username()).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> jdbc.sql("UPDATE federation_proposal SET reasoning = 'ändrad' WHERE id = ?")
                .param(first.id()).update()).hasMessageContaining("kept as submitted");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM federation_proposal WHERE id = ?").param(second.id())
                .update()).hasMessageContaining("kept as submitted");
    }

    @Test
    void theLeadWithdrawsBeforeADecisionAndTheApplicationIsKeptAsSubmitted() {
        World w = fixture.world();
        long id = service.submit(w.lead(), ApplicationFixture.stegetVidare(w)).id();
        assertThatThrownBy(() -> service.withdraw(w.officer(), id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.withdraw(w.otherLead(), id)).isInstanceOf(AccessDeniedException.class);

        Application withdrawn = service.withdraw(w.lead(), id);
        assertThat(withdrawn.status()).isEqualTo(ApplicationStatus.ATERKALLAD);
        assertThat(withdrawn.withdrawnByName()).isEqualTo("Lisa Insatsledare");
        assertThatThrownBy(() -> service.withdraw(w.lead(), id)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> service.propose(w.officer(), id, new ProposalInput("REFUSED", null, "Nej", null)))
                .isInstanceOf(ConflictException.class);

        assertThatThrownBy(() -> jdbc.sql("UPDATE federation_application SET title = 'Ändrad' WHERE id = ?")
                .param(id).update()).hasMessageContaining("kept as submitted");
        assertThatThrownBy(() -> jdbc.sql("UPDATE federation_application_budget SET amount = 1 WHERE application_id = ?")
                .param(id).update()).hasMessageContaining("kept as submitted");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM federation_application_party WHERE application_id = ?")
                .param(id).update()).hasMessageContaining("kept as submitted");
    }

    @Test
    void theFormShowsTheFinsamRuleAndSavesAValidApplication() {
        World w = fixture.world();
        var lead = WebSession.logIn(port, w.lead().username(), ApplicationFixture.PASSWORD);
        var form = lead.get("/forbund/ansokningar/ny");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains(w.region().name(), "Steget vidare " + w.suffix());
        // each row names its organisation; the rows' order on the page does not matter to what is saved
        var fields = new java.util.HashMap<>(Map.of("submitted", "true", "kind", "PROGRAMME",
                "newProgrammeName", "Ny insats", "title", "Två kommuner", "purpose", "Syfte", "goals", "Mål",
                "periodFrom", "2022-01-01", "periodTo", "2022-12-31", "budget[0].year", "2022"));
        fields.put("budget[0].amount", "10 000");
        fields.put("federationId", String.valueOf(w.federation().id().value()));
        fields.put("parties[0].organisationId", String.valueOf(w.kommun().id().value()));
        fields.put("parties[1].organisationId", String.valueOf(w.otherKommun().id().value()));
        var refused = lead.postForm("/forbund/ansokningar/ny", fields);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Flera kommuner räknas tillsammans som en part", "parties-error");

        fields.put("parties[1].organisationId", String.valueOf(w.region().id().value()));
        var saved = lead.postForm("/forbund/ansokningar/ny", fields);
        assertThat(saved.statusCode()).isEqualTo(302);
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/forbund/ansokningar/");
        assertThat(lead.get(location.replaceAll("^https?://[^/]+", "")).body()).contains("Ansökan är inskickad",
                "Två kommuner", w.region().name());

        var coach = WebSession.logIn(port, w.caseWorker().username(), ApplicationFixture.PASSWORD);
        assertThat(coach.get("/forbund/ansokningar").statusCode()).isEqualTo(403);
        String basic = java.util.Base64.getEncoder().encodeToString((w.caseWorker().username() + ":"
                + ApplicationFixture.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(coach.send(coach.request("/api/v1/federation/applications").header("Authorization",
                "Basic " + basic).GET()).statusCode()).isEqualTo(403);
    }
}
