package se.lots.federation.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.federation.FederationFixture;
import se.lots.organisation.NewOrganisation;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.shared.InvalidInputException;

/**
 * A förbund's members on the real database: the officer adds the four parties with the day each joined, ends a
 * membership (kept, never removed), sets the area; the law's shares and the warning for a missing party; wrong input
 * refused naming the field in Swedish; nobody but the förbund's own officer reads or writes.
 */
@IntegrationTest
class FederationMembersIntegrationTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    @Autowired
    MembershipService service;
    @Autowired
    FederationFixture fixture;
    @Autowired
    OrganisationService organisations;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theOfficerAddsTheFourPartiesAndTheWarningForAMissingPartyGoesAway() {
        var f = fixture.bare();
        assertThat(service.federation(f.officer()).missingParties()).hasSize(4);

        Member kommun = service.addMember(f.officer(), new MemberInput(f.kommun().id().toString(), "2019-01-01", null));
        service.addMember(f.officer(), new MemberInput(f.otherKommun().id().toString(), "2020-03-01", null));
        assertThat(kommun.partyType()).isEqualTo(PartyType.KOMMUN);
        assertThat(kommun.joinedOn()).isEqualTo(LocalDate.of(2019, 1, 1));
        assertThat(service.federation(f.officer()).missingParties()).containsExactlyInAnyOrder(PartyType.REGION,
                PartyType.ARBETSFORMEDLINGEN, PartyType.FORSAKRINGSKASSAN);

        service.addMember(f.officer(), new MemberInput(f.region().id().toString(), "2019-01-01", null));
        service.addMember(f.officer(), new MemberInput(f.af().id().toString(), "2019-01-01", null));
        service.addMember(f.officer(), new MemberInput(f.fk().id().toString(), "2019-01-01", null));
        Federation federation = service.federation(f.officer());
        assertThat(federation.missingParties()).isEmpty();
        assertThat(federation.members()).extracting(Member::name).contains(f.kommun().name(), f.fk().name());
        assertThat(federation.contributionShares().get(PartyType.FORSAKRINGSKASSAN)).isEqualByComparingTo("50");
        assertThat(service.candidates(f.officer())).extracting(PartyOrganisation::id).doesNotContain(f.kommun().id(),
                f.fk().id());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE username = ? AND detail LIKE 'förbundsmedlem %'")
                .param(f.officer().username()).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void aMembershipEndsWithTheDayTheMemberLeftAndIsKept() {
        var f = fixture.withMembers();
        Member af = member(f, f.af().name());
        Member ended = service.endMembership(f.officer(), af.id(), "2024-06-30");
        assertThat(ended.leftOn()).isEqualTo(LocalDate.of(2024, 6, 30));
        Federation federation = service.federation(f.officer());
        assertThat(federation.members()).extracting(Member::name).contains(f.af().name());
        assertThat(federation.missingParties()).containsExactly(PartyType.ARBETSFORMEDLINGEN);

        assertRefused(() -> service.endMembership(f.officer(), af.id(), "2025-01-01"), "leftOn",
                "Medlemskapet avslutades redan 2024-06-30.");
    }

    @Test
    void aMemberCannotLeaveBeforeItJoined() {
        var f = fixture.bare();
        assertRefused(() -> service.addMember(f.officer(), new MemberInput(f.kommun().id().toString(), "2020-01-01",
                "2019-12-31")), "leftOn", "Dag för utträde kan inte vara före dag för inträde.");
        Member m = service.addMember(f.officer(), new MemberInput(f.kommun().id().toString(), "2030-01-01", null));
        assertThat(m.joinedOn()).as("a day in the future is allowed").isEqualTo(LocalDate.of(2030, 1, 1));
        assertRefused(() -> service.endMembership(f.officer(), m.id(), "2029-12-31"), "leftOn",
                "Dag för utträde kan inte vara före dag för inträde.");
    }

    @Test
    void anOrganisationThatIsNotOneOfTheFourPartiesIsRefused() {
        var f = fixture.bare();
        var school = organisations.create(new NewOrganisation("Förbundsskola " + f.tag(), PartyType.SKOLA, null, null,
                List.of()));
        assertRefused(() -> service.addMember(f.officer(), new MemberInput(school.id().toString(), "2019-01-01",
                null)), "organisationId", "Förbundsskola " + f.tag() + " är inte en av de fyra parterna.");
        assertRefused(() -> service.addMember(f.officer(), new MemberInput(f.forbund().id().toString(), "2019-01-01",
                null)), "organisationId", "är inte en av de fyra parterna");
        assertThat(service.federation(f.officer()).members()).isEmpty();
    }

    @Test
    void theSameOrganisationCannotBeAddedTwice() {
        var f = fixture.withMembers();
        assertRefused(() -> service.addMember(f.officer(), new MemberInput(f.kommun().id().toString(), "2021-01-01",
                null)), "organisationId", f.kommun().name() + " är redan medlem i förbundet");
    }

    @Test
    void theAreaIsSetFromMunicipalityCodesAndAnUnknownCodeIsRefused() {
        var f = fixture.withMembers();
        assertThat(service.federation(f.officer()).area()).extracting(m -> m.code().value())
                .containsExactly("1214", "1282", "1283");
        assertRefused(() -> service.setArea(f.officer(), List.of("1214", "9999")), "municipalityCodes",
                "9999 är ingen kommunkod.");
        assertThat(service.setArea(f.officer(), List.of(" 1283 ", "1214")).area()).extracting(m -> m.shortName())
                .containsExactlyInAnyOrder("Helsingborg", "Svalöv");
    }

    @Test
    void nobodyButTheForbundsOwnOfficerReadsOrWritesItsMembers() {
        var f = fixture.withMembers();
        var other = fixture.bare();
        Member kommun = member(f, f.kommun().name());
        assertThat(service.federation(other.officer()).members()).as("another förbund sees only its own").isEmpty();
        assertThatThrownBy(() -> service.endMembership(other.officer(), kommun.id(), "2025-01-01"))
                .isInstanceOf(se.lots.shared.NotFoundException.class);
        for (var actor : List.of(f.lead(), f.caseWorker())) {
            assertThatThrownBy(() -> service.federation(actor)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.addMember(actor, new MemberInput(f.fk().id().toString(), "2019-01-01",
                    null))).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(member(f, f.kommun().name()).leftOn()).isNull();
    }

    private Member member(FederationFixture.Federation f, String name) {
        return service.federation(f.officer()).members().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private void assertRefused(Runnable action, String field, String message) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.texts(messages, SWEDISH)).containsKey(field).extractingByKey(field).asString()
                        .contains(message));
    }
}
