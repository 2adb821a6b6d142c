package se.lots.federation.money;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.dhatim.fastexcel.Workbook;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.federation.GrantDecided;
import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.plan.EnrolmentService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * Test data for the money pages: a förbund with its officer, an owner organisation with a programme lead and a case
 * worker, Finsam programmes (a plan programme and its V70 row, the förbund as funder), grants as the board's event,
 * and xlsx files of use. Names are unique, as every integration test shares one database.
 */
public final class FederationMoneyFixture {

    public static final String PASSWORD = "ett-langt-losenord";
    private static final AtomicInteger FORBUND = new AtomicInteger();
    // far above the decisions feature's own ids, so that a grant of its tests is never taken for one of these
    private static final AtomicLong DECISIONS = new AtomicLong(7_000_000_000L);

    /** A förbund and the organisation that owns its programmes, with their users. */
    public record Forbund(long id, String name, Actor officer, Actor lead, Actor caseWorker, int n) {
    }

    private final OrganisationService organisations;
    private final CurrentActor actors;
    private final EnrolmentService enrolments;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    public FederationMoneyFixture(OrganisationService organisations, CurrentActor actors, EnrolmentService enrolments,
            ApplicationEventPublisher events, JdbcClient jdbc) {
        this.organisations = organisations;
        this.actors = actors;
        this.enrolments = enrolments;
        this.events = events;
        this.jdbc = jdbc;
    }

    public Forbund newForbund() {
        int n = FORBUND.incrementAndGet();
        String suffix = n + "-" + System.nanoTime() % 100_000;
        var forbund = organisations.create(new NewOrganisation("Testförbund ekonomi " + suffix, PartyType.FORBUND,
                null, null, List.of()));
        var owner = organisations.create(new NewOrganisation("Ägarkommun ekonomi " + suffix, PartyType.KOMMUN,
                "1260", null, List.of("Arbetsmarknad")));
        organisations.createUser(new NewUser("fb-ekonom-" + suffix, PASSWORD, "Fia Förbundsekonom " + n,
                Role.FEDERATION_OFFICER, forbund.id(), null));
        organisations.createUser(new NewUser("fb-ledare-" + suffix, PASSWORD, "Lars Insatsledare " + n,
                Role.PROGRAMME_LEAD, owner.id(), null));
        organisations.createUser(new NewUser("fb-coach-" + suffix, PASSWORD, "Cilla Coach " + n, Role.CASE_WORKER,
                owner.id(), null));
        return new Forbund(forbund.id().value(), forbund.name(), actors.byUsername("fb-ekonom-" + suffix),
                actors.byUsername("fb-ledare-" + suffix), actors.byUsername("fb-coach-" + suffix), n);
    }

    /** A programme of the owner organisation, financed by the förbund (100 %), with a diarienummer. */
    public long programme(Forbund f, String name, String caseNumber) {
        long id = enrolments.saveProgramme(f.lead(), name);
        jdbc.sql("""
                INSERT INTO federation_programme (programme_id, federation_id, case_number, purpose, starts_on,
                                                  created_by)
                VALUES (?, ?, ?, 'Fler unga i arbete eller studier', ?, ?)""")
                .params(id, f.id(), caseNumber, LocalDate.of(2025, 1, 1), f.officer().userId()).update();
        jdbc.sql("""
                INSERT INTO federation_programme_funder (programme_id, kind, organisation_id, share_percent)
                VALUES (?, 'FORBUND', ?, 100)""").params(id, f.id()).update();
        return id;
    }

    /** The board grants {@code amount} to the programme (null: a structural activity) for the year; the decision id. */
    public long grant(Forbund f, Long programmeId, int year, String amount) {
        long decision = DECISIONS.incrementAndGet();
        events.publishEvent(grantDecided(f, decision, programmeId, year, amount));
        return decision;
    }

    public GrantDecided grantDecided(Forbund f, long decisionId, Long programmeId, int year, String amount) {
        return new GrantDecided(f.id(), decisionId, decisionId + 1, programmeId, year, new BigDecimal(amount),
                LocalDate.of(year, 1, 20));
    }

    public long nextDecisionId() {
        return DECISIONS.incrementAndGet();
    }

    /** An xlsx of rows under the header row, every cell as text. */
    public static byte[] xlsx(List<String> header, List<List<String>> rows) {
        var out = new ByteArrayOutputStream();
        try (var workbook = new Workbook(out, "Lots test", "1.0")) {
            var sheet = workbook.newWorksheet("Förbrukat");
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    sheet.value(r + 1, c, rows.get(r).get(c));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
