package se.lots.federation;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import se.lots.federation.member.MemberInput;
import se.lots.federation.member.MembershipService;
import se.lots.federation.programme.FunderInput;
import se.lots.federation.programme.ProgrammeInput;
import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.Organisation;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * A new förbund of its own for a test: its officer, two municipalities (Svalöv's and Landskrona's codes, each with a
 * programme lead and a case worker), a region, Arbetsförmedlingen and Försäkringskassan, all members since
 * 2019-01-01, and the area Svalöv, Landskrona, Helsingborg. Names are unique, as the database is shared.
 */
@Component
public class FederationFixture {

    public static final String PASSWORD = "ett-langt-losenord";

    /** The förbund's organisations and the users who act for them. */
    public record Federation(String tag, Organisation forbund, Actor officer, Organisation kommun,
            Organisation otherKommun, Organisation region, Organisation af, Organisation fk, Actor lead,
            Actor caseWorker, Actor otherLead) {
    }

    private final OrganisationService organisations;
    private final CurrentActor actors;
    private final MembershipService membership;

    FederationFixture(OrganisationService organisations, CurrentActor actors, MembershipService membership) {
        this.organisations = organisations;
        this.actors = actors;
        this.membership = membership;
    }

    /** A förbund with its officer and no members yet. */
    public Federation bare() {
        return create(false);
    }

    /** A förbund with the four parties (two municipalities) as members and its area. */
    public Federation withMembers() {
        return create(true);
    }

    private Federation create(boolean members) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Organisation forbund = org("Testförbund " + tag, PartyType.FORBUND, null, "12");
        Organisation kommun = org("Förbundskommun A " + tag, PartyType.KOMMUN, "1214", "12");
        Organisation otherKommun = org("Förbundskommun B " + tag, PartyType.KOMMUN, "1282", "12");
        Organisation region = org("Förbundsregion " + tag, PartyType.REGION, null, "12");
        Organisation af = org("Förbunds-AF " + tag, PartyType.ARBETSFORMEDLINGEN, null, null);
        Organisation fk = org("Förbunds-FK " + tag, PartyType.FORSAKRINGSKASSAN, null, null);
        Actor officer = user("fo-" + tag, "Fia Förbund", Role.FEDERATION_OFFICER, forbund);
        Actor lead = user("il-" + tag, "Ilse Insatsledare", Role.PROGRAMME_LEAD, kommun);
        Actor caseWorker = user("hl-" + tag, "Hugo Handläggare", Role.CASE_WORKER, kommun);
        Actor otherLead = user("il2-" + tag, "Ivar Insatsledare", Role.PROGRAMME_LEAD, otherKommun);
        if (members) {
            for (Organisation o : List.of(kommun, otherKommun, region, af, fk)) {
                membership.addMember(officer, new MemberInput(o.id().toString(), "2019-01-01", null));
            }
            membership.setArea(officer, List.of("1214", "1282", "1283"));
        }
        return new Federation(tag, forbund, officer, kommun, otherKommun, region, af, fk, lead, caseWorker,
                otherLead);
    }

    /**
     * A programme of {@code f}'s first municipality for the given parties and funders ("FORBUND:80", "KOMMUN:20"),
     * in Svalöv, 16–29, from 2025-01-01 to 2027-12-31.
     */
    public static ProgrammeInput programme(Federation f, String name, List<Organisation> parties,
            String... funders) {
        return new ProgrammeInput(null, name, null, f.kommun().id().toString(), "Att unga kommer närmare arbete",
                "Unga som varken arbetar eller studerar", "16", "29", List.of("1214"), "Coachning",
                "2025-01-01", "2027-12-31", "30", parties.stream().map(o -> o.id().toString()).toList(),
                "Ilse Insatsledare", "ilse@example.org", funders(f, funders), null);
    }

    public static List<FunderInput> funders(Federation f, String... funders) {
        return java.util.Arrays.stream(funders).map(s -> {
            String[] kindShare = s.split(":");
            String organisation = kindShare[0].equals("KOMMUN") ? f.kommun().id().toString() : null;
            String name = kindShare[0].equals("ESF") ? "Europeiska socialfonden" : null;
            return new FunderInput(kindShare[0], organisation, name, kindShare[1]);
        }).toList();
    }

    private Organisation org(String name, PartyType type, String municipality, String county) {
        return organisations.create(new NewOrganisation(name, type, municipality, county, List.of()));
    }

    private Actor user(String username, String name, Role role, Organisation o) {
        organisations.createUser(new NewUser(username, PASSWORD, name, role, o.id(), null));
        return actors.byUsername(username);
    }
}
